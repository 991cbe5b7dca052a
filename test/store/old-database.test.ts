import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { slackMigrations } from '../../adapters/slack/migrations/index.js';
import { teamsMigrations } from '../../adapters/teams/migrations/index.js';
import { createApp } from '../../src/app.js';
import { allMigrations } from '../../src/capabilities.js';
import { loadConfig } from '../../src/config.js';
import { ManualClock } from '../../src/ports.js';
import { Store } from '../../src/store/store.js';
import type { TestApp } from '../support/app.js';
import { answerText, run } from '../support/bot.js';

/**
 * test/fixtures/main-2026-12-01.sqlite was written by the console of main before capabilities had folders of
 * their own (the script beside it): Math with ada (lead), ben and cy (guest), a weekly schedule, agenda items,
 * a holiday, an RSVP and notes. A release must open such a file, migrate it and serve it unchanged.
 */
const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'main-2026-12-01.sqlite');
const SHIPPED = [1, 2, 3, 4, 5, 10, 20, 21];

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'plc-old-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** The schema SQLite keeps for every table, index and trigger, by name. */
function schema(store: Store): Record<string, string> {
  const rows = store.db.prepare("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'").all() as {
    name: string;
    sql: string;
  }[];
  return Object.fromEntries(rows.map((r) => [r.name, r.sql]));
}

describe('a database written before capability folders', () => {
  it('migrates without touching what shipped versions created', () => {
    const path = join(dir, 'old.sqlite');
    copyFileSync(FIXTURE, path);
    const old = Store.open(path, [...slackMigrations, ...teamsMigrations]);
    const fresh = Store.open(join(dir, 'fresh.sqlite'), [...slackMigrations, ...teamsMigrations]);
    const versions = (s: Store) =>
      (s.db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[]).map((r) => r.version);
    expect(versions(old)).toEqual(versions(fresh));
    expect(versions(old)).toEqual(expect.arrayContaining(SHIPPED));
    expect(versions(old).length).toBe([...allMigrations(), ...slackMigrations, ...teamsMigrations].length);
    // Every table, index and trigger the shipped migrations made reads the same as in a new file.
    const oldSchema = schema(old);
    for (const [name, sql] of Object.entries(schema(fresh))) expect({ name, sql: oldSchema[name] }).toEqual({ name, sql });
    expect(old.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(old.db.pragma('foreign_key_check')).toEqual([]);
    old.close();
    fresh.close();
  });

  it('serves its communities, meetings, agenda and holidays as before', async () => {
    const path = join(dir, 'old.sqlite');
    copyFileSync(FIXTURE, path);
    const config = loadConfig({ DATABASE_PATH: path, LOG_LEVEL: 'silent', NODE_ENV: 'test' });
    const store = Store.open(path);
    const clock = new ManualClock(Date.parse('2026-12-06T09:00:00Z'));
    const app = createApp(config, { clock, store, log: pino({ level: 'silent' }) }) as TestApp;
    try {
      const say = (user: string, text: string) => answerText(run(app, user, text, { channel: 'general', workspace: 'console' }));
      expect(say('ada', 'members')).toMatch(/ada · lead[\s\S]*ben · member[\s\S]*cy · guest/);
      expect(say('ada', 'next')).toContain('Thursday, December 10');
      expect(say('ben', 'holidays')).toContain('2026-12-21');
      expect(say('ben', 'agenda add Reading circles')).toContain('#');
      expect(say('ada', 'agenda')).toContain('Reading circles');
      expect(say('ada', 'communities')).toContain('Grade 5 Team');
    } finally {
      await app.close();
    }
  });
});
