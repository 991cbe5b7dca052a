import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditSince } from '../../../src/audit.js';
import { walTruncationsSettled } from '../../../src/capabilities/privacy/index.js';
import { Store } from '../../../src/store/store.js';
import { type TestApp, testApp } from '../../support/app.js';
import { as, seedMath, ZELDA } from './school.js';

const exec = promisify(execFile);

/** Runs one of the IT admin's tools as `npm run <tool>` would, on the test's database. */
function tool(script: string, args: string[], dbPath: string) {
  return exec(process.execPath, ['--import', 'tsx', `bin/${script}.ts`, ...args], {
    env: { ...process.env, DATABASE_PATH: dbPath, LOG_LEVEL: 'silent', NODE_ENV: 'test' },
    cwd: process.cwd(),
  });
}

describe('the IT admin’s tools', () => {
  let app: TestApp;
  let dir: string;
  beforeEach(() => {
    app = testApp();
    seedMath(app);
    dir = mkdtempSync(join(tmpdir(), 'plc-backup-'));
  });
  afterEach(async () => {
    await walTruncationsSettled();
    await app.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('backs up the live database while writes run; the copy restores and passes integrity_check', async () => {
    const file = join(dir, 'plc-backup.sqlite');
    let writing = true;
    let written = 0;
    // The bot goes on writing (agenda items, each its own transaction) all the while the backup runs.
    const writes = (async () => {
      while (writing) {
        as(app, 'ana', `agenda add Item ${written}`);
        written++;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const before = written;
    const { stdout } = await tool('backup', [file], app.dbPath);
    writing = false;
    await writes;
    expect(stdout).toContain('integrity check');
    expect(written).toBeGreaterThan(before);
    // Restoring is copying the backup into place while the bot is stopped.
    const restored = join(dir, 'restored.sqlite');
    copyFileSync(file, restored);
    const store = Store.open(restored);
    try {
      expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
      const items = (store.db.prepare('SELECT COUNT(*) AS n FROM agenda_items').get() as { n: number }).n;
      // Everything committed before the copy began is in it, and nothing half-written.
      expect(items).toBeGreaterThanOrEqual(before + 1);
      expect(items).toBeLessThanOrEqual(written + 1);
      expect(store.users.findByExternal(store.workspaces.find('console', 'school-a')?.id ?? 0, ZELDA.externalId)).not.toBeNull();
    } finally {
      store.close();
    }
    // A backup never overwrites a file.
    await expect(tool('backup', [file], app.dbPath)).rejects.toMatchObject({ stderr: expect.stringContaining('exists already') });
  });

  it('exports a person to standard output, audited as the admin’s', async () => {
    const { stdout } = await tool('export-person', ['console', ZELDA.externalId], app.dbPath);
    const data = JSON.parse(stdout) as { person: { platformId: string }; sections: Record<string, unknown> };
    expect(data.person.platformId).toBe(ZELDA.externalId);
    expect(Object.keys(data.sections)).toContain('meetings');
    const workspace = app.store.workspaces.find('console', 'school-a');
    expect(auditSince(app.store, workspace?.id ?? 0, 0).filter((r) => r.action === 'export.person')).toEqual([
      expect.objectContaining({ actorKind: 'system', detail: { by: 'admin' } }),
    ]);
  });

  it('forgets someone who has left while the bot runs, with the same audit row, and refuses the only lead', async () => {
    const { stdout } = await tool('forget', ['console', ZELDA.externalId], app.dbPath);
    expect(stdout).toContain('Forgotten');
    const workspace = app.store.workspaces.find('console', 'school-a');
    expect(app.store.users.findByExternal(workspace?.id ?? 0, ZELDA.externalId)).toBeNull();
    expect(auditSince(app.store, workspace?.id ?? 0, 0).find((r) => r.action === 'forget.me')).toMatchObject({
      actorId: null,
      subjectId: null,
      detail: { by: 'admin' },
    });
    await expect(tool('forget', ['console', 'carla'], app.dbPath)).rejects.toMatchObject({
      stderr: expect.stringContaining('only lead of Math'),
    });
    await expect(tool('forget', ['console', 'nobody'], app.dbPath)).rejects.toMatchObject({ stderr: expect.stringContaining('Nobody') });
    // Another connection reads the same truth.
    const reader = new Database(app.dbPath, { readonly: true });
    try {
      expect(reader.prepare('SELECT COUNT(*) AS n FROM users WHERE external_id = ?').get(ZELDA.externalId)).toEqual({ n: 0 });
    } finally {
      reader.close();
    }
  });
});
