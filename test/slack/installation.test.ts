import { describe, expect, it } from 'vitest';
import { parseKey, slackMode } from '../../adapters/slack/config.js';
import { seal, unseal } from '../../adapters/slack/installation.js';
import { loadConfig } from '../../src/config.js';

describe('sealing installation tokens', () => {
  const key = parseKey('11'.repeat(32));

  it('round-trips a token and never stores it in clear', () => {
    const sealed = seal('xoxb-123-secret', key);
    expect(sealed).not.toContain('xoxb');
    expect(unseal(sealed, key)).toBe('xoxb-123-secret');
  });

  it('refuses a tampered value or another key', () => {
    const sealed = seal('xoxb-123-secret', key);
    const parts = sealed.split('.');
    // The data's first character (all six of its bits are data) changed for another: a fixed "AA" at the end was,
    // one time in 4,096, what was already there.
    const data = parts[3] ?? '';
    const tampered = [...parts.slice(0, 3), `${data.startsWith('A') ? 'B' : 'A'}${data.slice(1)}`].join('.');
    expect(() => unseal(tampered, key)).toThrow();
    expect(() => unseal(sealed, parseKey('22'.repeat(32)))).toThrow();
  });
});

describe('choosing the Slack mode', () => {
  it('asks for every variable OAuth distribution needs, by name', () => {
    const config = loadConfig({ SLACK_CLIENT_ID: '1.2', SLACK_SIGNING_SECRET: 's' });
    for (const name of ['SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET', 'PUBLIC_URL', 'TOKEN_ENCRYPTION_KEY']) {
      expect(() => slackMode(config)).toThrow(`${name} is required`);
    }
  });

  it('uses Socket Mode when an app token is set', () => {
    const config = loadConfig({ SLACK_APP_TOKEN: 'xapp-1', SLACK_BOT_TOKEN: 'xoxb-1' });
    expect(slackMode(config).kind).toBe('socket');
  });

  it('rejects an encryption key that is not 32 bytes', () => {
    const config = loadConfig({
      SLACK_CLIENT_ID: '1.2',
      SLACK_CLIENT_SECRET: 'c',
      SLACK_STATE_SECRET: 's',
      SLACK_SIGNING_SECRET: 's',
      PUBLIC_URL: 'https://plc.example.org',
      TOKEN_ENCRYPTION_KEY: 'short',
    });
    expect(() => slackMode(config)).toThrow(/TOKEN_ENCRYPTION_KEY is not 32 bytes/);
  });
});
