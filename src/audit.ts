import { prepared } from './store/db.js';
import type { Store } from './store/store.js';

/**
 * What the audit trail records. Every capability writes through `recordAudit`, the one way into the table;
 * `detail` holds values (a role, a cadence, a setting's name), never a name or anything a person wrote.
 */
export interface AuditEvent {
  workspaceId: number;
  /** The person who acted, or null when the bot did (a scheduled job, a platform event). */
  actorId: number | null;
  /** The person the event is about, if any (a role changed, an export for a coordinator). */
  subjectId?: number | null;
  communityId?: number | null;
  /** A stable, dotted word: `role.changed`, `schedule.set`, `settings.changed`, `export.me`, `forget.me`. */
  action: string;
  detail?: Record<string, string | number | boolean | null>;
}

/** One row of the trail as it reads back; a null id with `actorKind: 'person'` is a former member. */
export interface AuditRow {
  id: number;
  at: number;
  actorKind: 'person' | 'system';
  actorId: number | null;
  subjectId: number | null;
  communityId: number | null;
  action: string;
  detail: Record<string, string | number | boolean | null>;
}

/** Appends one event at `now` (from the clock), inside the caller's transaction when there is one. */
export function recordAudit(store: Store, now: number, event: AuditEvent): void {
  prepared(
    store.db,
    `INSERT INTO audit_log (workspace_id, at, actor_kind, actor_user_id, subject_user_id, community_id, action, detail)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    event.workspaceId,
    now,
    event.actorId === null ? 'system' : 'person',
    event.actorId,
    event.subjectId ?? null,
    event.communityId ?? null,
    event.action,
    event.detail ? JSON.stringify(event.detail) : null,
  );
}

/** The workspace's trail from `since` on, oldest first. */
export function auditSince(store: Store, workspaceId: number, since: number): AuditRow[] {
  const rows = prepared(
    store.db,
    `SELECT id, at, actor_kind, actor_user_id, subject_user_id, community_id, action, detail
       FROM audit_log WHERE workspace_id = ? AND at >= ? ORDER BY at, id`,
  ).all(workspaceId, since) as {
    id: number;
    at: number;
    actor_kind: 'person' | 'system';
    actor_user_id: number | null;
    subject_user_id: number | null;
    community_id: number | null;
    action: string;
    detail: string | null;
  }[];
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actorKind: r.actor_kind,
    actorId: r.actor_user_id,
    subjectId: r.subject_user_id,
    communityId: r.community_id,
    action: r.action,
    detail: r.detail ? (JSON.parse(r.detail) as AuditRow['detail']) : {},
  }));
}
