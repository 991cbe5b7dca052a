import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditSince, recordAudit } from '../../src/audit.js';
import { Store } from '../../src/store/store.js';

let dir: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'plc-audit-'));
  store = Store.open(join(dir, 'audit.sqlite'));
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

function person(name: string) {
  const { workspace } = store.workspaces.ensure('console', 'W1', 'School', 0);
  const user = store.users.upsert(workspace.id, { externalId: name, displayName: name }, 0);
  return { workspace, user };
}

describe('the audit trail', () => {
  it('reads back what was recorded, oldest first, from the given instant on', () => {
    const { workspace, user } = person('ada');
    recordAudit(store, 2000, { workspaceId: workspace.id, actorId: user.id, action: 'settings.changed', detail: { setting: 'tz' } });
    recordAudit(store, 1000, { workspaceId: workspace.id, actorId: null, action: 'schedule.set' });
    recordAudit(store, 10, { workspaceId: workspace.id, actorId: user.id, action: 'old' });
    const rows = auditSince(store, workspace.id, 500);
    expect(rows.map((r) => [r.at, r.action, r.actorKind])).toEqual([
      [1000, 'schedule.set', 'system'],
      [2000, 'settings.changed', 'person'],
    ]);
    expect(rows[1]?.detail).toEqual({ setting: 'tz' });
  });

  it('refuses to rewrite or delete a row', () => {
    const { workspace, user } = person('ada');
    recordAudit(store, 1, { workspaceId: workspace.id, actorId: user.id, action: 'role.changed' });
    expect(() => store.db.prepare("UPDATE audit_log SET action = 'nothing'").run()).toThrow(/append-only/);
    expect(() => store.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(auditSince(store, workspace.id, 0)).toHaveLength(1);
  });

  it('keeps the event of an erased person with no link to them: a former member', () => {
    const { workspace, user } = person('ada');
    const other = store.users.upsert(workspace.id, { externalId: 'ben', displayName: 'ben' }, 0);
    recordAudit(store, 1, { workspaceId: workspace.id, actorId: user.id, subjectId: other.id, action: 'role.changed' });
    store.db.prepare('DELETE FROM users WHERE id = ?').run(user.id);
    const [row] = auditSince(store, workspace.id, 0);
    expect(row).toMatchObject({ actorKind: 'person', actorId: null, subjectId: other.id, action: 'role.changed' });
  });

  it('goes with its workspace', () => {
    const { workspace, user } = person('ada');
    recordAudit(store, 1, { workspaceId: workspace.id, actorId: user.id, action: 'forget.me' });
    store.db.prepare('DELETE FROM workspaces WHERE id = ?').run(workspace.id);
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get()).toEqual({ n: 0 });
  });
});
