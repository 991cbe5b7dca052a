import { CommunityRepo } from './communities.js';
import { type Db, openDatabase } from './db.js';
import { UserRepo } from './users.js';
import { WorkspaceRepo } from './workspaces.js';

/** The core's store port: one SQLite file and a repository per aggregate. */
export class Store {
  readonly workspaces: WorkspaceRepo;
  readonly users: UserRepo;
  readonly communities: CommunityRepo;

  constructor(readonly db: Db) {
    this.workspaces = new WorkspaceRepo(db);
    this.users = new UserRepo(db);
    this.communities = new CommunityRepo(db);
  }

  static open(path: string): Store {
    return new Store(openDatabase(path));
  }

  /** Runs `fn` in one transaction: all of it is written, or none. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  getMeta(key: string): string | null {
    const r = this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return r?.value ?? null;
  }

  setMeta(key: string, value: string): void {
    this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
