import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BOT_SCOPES } from '../../adapters/slack/config.js';

const manifest = readFileSync(new URL('../../manifest/slack.yaml', import.meta.url), 'utf8');

/** The items of a YAML list under `key:` (the manifest keeps each list flat and indented alike). */
function listUnder(key: string): string[] {
  const start = manifest.indexOf(`${key}:\n`);
  const lines = manifest.slice(start + key.length + 2).split('\n');
  const items: string[] = [];
  for (const line of lines) {
    const m = /^\s+- (\S+)$/.exec(line);
    if (!m) break;
    items.push(m[1] as string);
  }
  return items;
}

describe('the Slack app manifest', () => {
  it('asks for exactly the bot scopes the OAuth install requests', () => {
    expect(listUnder('    bot').sort()).toEqual([...BOT_SCOPES].sort());
  });

  it('subscribes to every event the adapter listens to', () => {
    expect(listUnder('    bot_events').sort()).toEqual(
      ['app_home_opened', 'app_uninstalled', 'member_joined_channel', 'member_left_channel', 'tokens_revoked', 'user_change'].sort(),
    );
  });

  it('declares /plc with escaping on, interactivity, the Home tab and the library shortcut', () => {
    expect(manifest).toMatch(/- command: \/plc\n(?:\s{6}.*\n)*?\s{6}should_escape: true/);
    expect(manifest).toMatch(/interactivity:\n\s+is_enabled: true/);
    expect(manifest).toMatch(/home_tab_enabled: true/);
    expect(manifest).toMatch(/callback_id: save_to_library/);
  });
});
