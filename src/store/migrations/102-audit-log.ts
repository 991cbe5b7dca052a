/**
 * The audit trail: who changed roles, schedules or settings, exported data or used forget-me, and when. Rows are
 * only ever added. A person who is erased leaves the event behind with no link to them: the two user columns
 * fall to NULL with the user row, and `actor_kind` still says a person (not the bot) did it, so it reads "a
 * former member". `detail` holds values, never names or user text.
 */
export const auditLog = {
  version: 102,
  name: 'audit-log',
  sql: `
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        at INTEGER NOT NULL,
        actor_kind TEXT NOT NULL CHECK (actor_kind IN ('person', 'system')),
        actor_user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
        subject_user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
        community_id INTEGER REFERENCES communities(id) ON DELETE SET NULL,
        action TEXT NOT NULL,
        detail TEXT
      );
      CREATE INDEX audit_log_by_time ON audit_log (workspace_id, at);

      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        WHEN (SELECT COUNT(*) FROM workspaces WHERE id = OLD.workspace_id) > 0
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

      CREATE TRIGGER audit_log_no_rewrite BEFORE UPDATE ON audit_log
        WHEN NEW.id IS NOT OLD.id OR NEW.workspace_id IS NOT OLD.workspace_id OR NEW.at IS NOT OLD.at
          OR NEW.actor_kind IS NOT OLD.actor_kind OR NEW.action IS NOT OLD.action OR NEW.detail IS NOT OLD.detail
          OR (NEW.actor_user_id IS NOT OLD.actor_user_id AND NEW.actor_user_id IS NOT NULL)
          OR (NEW.subject_user_id IS NOT OLD.subject_user_id AND NEW.subject_user_id IS NOT NULL)
          OR (NEW.community_id IS NOT OLD.community_id AND NEW.community_id IS NOT NULL)
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    `,
};
