import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/app.js';
import { loadConfig } from '../../../src/config.js';
import { nameKey } from '../../../src/grammar/names.js';
import { ManualClock } from '../../../src/ports.js';
import { Store } from '../../../src/store/store.js';
import { type TestApp, testApp } from '../../support/app.js';
import { answerText, run } from '../../support/bot.js';
import { recordSends } from '../meetings/recorder.js';

let app: TestApp;
const say = (user: string, text: string, channel: string | null = null) => answerText(run(app, user, text, { channel }));

beforeEach(() => {
  app = testApp();
});
afterEach(async () => {
  await app.dispose();
});

describe('community names', () => {
  it('need something visible', () => {
    for (const name of ['\u200b', '\u202e\u202c', '\u00ad\ufeff']) {
      expect(say('carla', `create ${name}`)).toContain('A name needs at least one letter, digit or sign that can be seen.');
    }
    // Directional isolates are dropped from every command line before it is read (a command copied from an
    // Arabic message carries them), so a name of isolates alone is no name at all.
    expect(say('carla', 'create \u2066\u2069')).toContain('Please add the text.');
    expect(app.store.communities.list(1)).toEqual([]);
  });

  it('are one name whatever their case, width or invisible characters', () => {
    say('carla', 'create Mathe');
    say('carla', 'create Straße');
    for (const twin of ['MATHE', 'Ma\u200bthe', 'Ｍａｔｈｅ', 'STRASSE', 'strasse']) {
      expect(say('carla', `create ${twin}`)).toContain('There is already a community called');
    }
    expect(say('carla', 'in MA\u200bTHE members')).toContain('Mathe: 1 member');
    expect(app.store.communities.list(1).map((c) => c.name)).toEqual(['Mathe', 'Straße']);
  });

  it('are shown as typed, without the invisible characters', () => {
    say('carla', 'create \u202eGrade\u202c 5 \u200bMath');
    expect(app.store.communities.list(1).map((c) => c.name)).toEqual(['Grade 5 Math']);
    expect(nameKey('Grade 5 Math')).toBe(nameKey('GRADE 5 MATH'));
  });
});

describe('an upgrade that makes two stored names one', () => {
  it('gives the later community a suffix and tells the coordinators once', async () => {
    say('carla', 'create Mathe');
    say('carla', 'coordinator add @dora');
    // Written by an earlier release, whose keys kept invisible characters apart.
    app.store.db
      .prepare(`INSERT INTO communities (workspace_id, name, name_key, tz, locale, created_at) VALUES (1, ?, ?, 'UTC', 'en', ?)`)
      .run('Ma\u200bthe', 'ma\u200bthe', app.clock.now().getTime() + 1);
    app.store.setMeta('communities.nameRule', '1');
    const path = app.dbPath;
    const first = app;
    await first.close();

    const clock = new ManualClock(Date.parse('2026-09-02T08:00:00Z'));
    const config = loadConfig({ DATABASE_PATH: path, LOG_LEVEL: 'silent', NODE_ENV: 'test' });
    const again: TestApp = Object.assign(createApp(config, { clock, store: Store.open(path), log: pino({ level: 'silent' }) }), {
      clock,
      dbPath: path,
      dispose: async () => {
        await again.close();
        await first.dispose();
      },
    }) as TestApp;
    app = again;
    const sent = recordSends(again);
    expect(again.store.communities.list(1).map((c) => c.name)).toEqual(['Mathe', 'Mathe (2)']);
    await again.advance(clock.now().getTime() + 60_000);
    const told = sent.filter((s) => s.text.includes('now count as the same'));
    expect(told.map((s) => s.to).sort()).toEqual(['@carla', '@dora']);
    expect(told[0]?.text).toContain('the later one is now called “Mathe (2)”');
    // Opening the file again changes nothing more and tells nobody twice.
    const reopened = createApp(config, { clock, store: Store.open(path), log: pino({ level: 'silent' }) });
    expect(reopened.store.communities.list(1).map((c) => c.name)).toEqual(['Mathe', 'Mathe (2)']);
    await reopened.close();
  });
});
