import type { Platform } from '../ports.js';
import { type Db, prepared } from './db.js';

export interface Workspace {
  id: number;
  platform: Platform;
  externalId: string;
  name: string | null;
}

interface Row {
  id: number;
  platform: Platform;
  external_id: string;
  name: string | null;
}

const toWorkspace = (r: Row): Workspace => ({ id: r.id, platform: r.platform, externalId: r.external_id, name: r.name });

/** Workspaces: one per Slack team, Teams tenant or console database. */
export class WorkspaceRepo {
  constructor(private readonly db: Db) {}

  /** Finds the workspace, creating it on first sight; `created` says which. */
  ensure(platform: Platform, externalId: string, name: string | null, now: number): { workspace: Workspace; created: boolean } {
    const found = this.find(platform, externalId);
    if (found) {
      if (name && name !== found.name) {
        prepared(this.db, 'UPDATE workspaces SET name = ? WHERE id = ?').run(name, found.id);
        found.name = name;
      }
      return { workspace: found, created: false };
    }
    const info = prepared(this.db, 'INSERT INTO workspaces (platform, external_id, name, created_at) VALUES (?, ?, ?, ?)').run(
      platform,
      externalId,
      name,
      now,
    );
    return { workspace: { id: Number(info.lastInsertRowid), platform, externalId, name }, created: true };
  }

  find(platform: Platform, externalId: string): Workspace | null {
    const r = prepared(this.db, 'SELECT * FROM workspaces WHERE platform = ? AND external_id = ?').get(platform, externalId) as
      | Row
      | undefined;
    return r ? toWorkspace(r) : null;
  }

  get(id: number): Workspace | null {
    const r = prepared(this.db, 'SELECT * FROM workspaces WHERE id = ?').get(id) as Row | undefined;
    return r ? toWorkspace(r) : null;
  }

  /** Hands out the next stable item number (`#n`), unique within the workspace. */
  nextRef(id: number): number {
    const r = prepared(this.db, 'UPDATE workspaces SET next_ref = next_ref + 1 WHERE id = ? RETURNING next_ref - 1 AS ref').get(id) as {
      ref: number;
    };
    return r.ref;
  }
}
