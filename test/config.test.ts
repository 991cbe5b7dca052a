import { describe, expect, it } from 'vitest';
import { allowedBy, ConfigError, loadConfig } from '../src/config.js';

describe('configuration', () => {
  it('runs the console on ./data/plc.sqlite in UTC when nothing is set', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ DATABASE_PATH: './data/plc.sqlite', DEFAULT_TZ: 'UTC', LOG_LEVEL: 'info', adapters: ['console'] });
  });

  it('runs every adapter whose credentials are set', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }).adapters).toEqual(['slack']);
    expect(loadConfig({ SLACK_CLIENT_ID: 'c', SLACK_CLIENT_SECRET: 's', SLACK_SIGNING_SECRET: 's' }).adapters).toEqual(['slack']);
    expect(
      loadConfig({ MICROSOFT_APP_ID: 'id', MICROSOFT_APP_PASSWORD: 'pw', SLACK_BOT_TOKEN: 'x', SLACK_SIGNING_SECRET: 's' }).adapters,
    ).toEqual(['slack', 'teams']);
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1' }).adapters).toEqual(['console']);
  });

  it('takes ADAPTERS over the credentials', () => {
    expect(loadConfig({ ADAPTERS: ' Teams, console ', SLACK_BOT_TOKEN: 'x', SLACK_SIGNING_SECRET: 's' }).adapters).toEqual([
      'teams',
      'console',
    ]);
  });

  it('names every variable that is wrong', () => {
    const wrong = () => loadConfig({ DEFAULT_TZ: 'Mars/Base', ADAPTERS: 'irc', PORT: 'eighty', PUBLIC_URL: 'not a url' });
    expect(wrong).toThrow(ConfigError);
    try {
      wrong();
    } catch (e) {
      const message = (e as Error).message;
      for (const name of ['DEFAULT_TZ', 'ADAPTERS', 'PORT', 'PUBLIC_URL']) expect(message).toContain(name);
    }
  });

  it('listens on every interface unless HOST names one, and refuses a HOST that is not an address', () => {
    expect(loadConfig({}).HOST).toBe('0.0.0.0');
    expect(loadConfig({ HOST: ' ' }).HOST).toBe('0.0.0.0');
    expect(loadConfig({ HOST: '127.0.0.1' }).HOST).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '::' }).HOST).toBe('::');
    expect(() => loadConfig({ HOST: 'http://0.0.0.0/' })).toThrow(/HOST/);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', SLACK_BOT_TOKEN: ' ' })).toMatchObject({ PORT: undefined, SLACK_BOT_TOKEN: undefined });
    expect(loadConfig({ PORT: '8080' }).PORT).toBe(8080);
  });

  it('reads the allow-lists of Slack workspaces and Teams tenants, unset meaning anyone', () => {
    const tenant = '72f988bf-86f1-41af-91ab-2d7cd011db47';
    const c = loadConfig({ SLACK_ALLOWED_TEAMS: 'T0SCHOOL, E0DISTRICT', TEAMS_ALLOWED_TENANTS: ` ${tenant.toUpperCase()} ` });
    expect(c.SLACK_ALLOWED_TEAMS).toEqual(['T0SCHOOL', 'E0DISTRICT']);
    expect(allowedBy(c.SLACK_ALLOWED_TEAMS, 'TOTHER', 'E0DISTRICT')).toBe(true);
    expect(allowedBy(c.SLACK_ALLOWED_TEAMS, 'TOTHER', null)).toBe(false);
    expect(allowedBy(c.TEAMS_ALLOWED_TENANTS, tenant)).toBe(true);
    expect(allowedBy(loadConfig({}).SLACK_ALLOWED_TEAMS, 'TANY')).toBe(true);
    for (const [name, value] of [
      ['SLACK_ALLOWED_TEAMS', 'school.slack.com'],
      ['SLACK_ALLOWED_TEAMS', ' , '],
      ['TEAMS_ALLOWED_TENANTS', 'contoso.onmicrosoft.com'],
    ] as const)
      expect(() => loadConfig({ [name]: value })).toThrow(name);
  });
});
