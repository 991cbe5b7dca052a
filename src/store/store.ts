import type Database from 'better-sqlite3';
import { allMigrations } from '../capabilities.js';
import { type Checkpointer, processCheckpointer } from './checkpoints.js';
import { CommunityRepo } from './communities.js';
import { type Db, migrate, openDatabase, prepared } from './db.js';
import { HolidayRepo } from './holidays.js';
import { JobRepo } from './jobs.js';
import { LeaseRepo } from './lease.js';
import { ADAPTER_VERSIONS, type Migration } from './migrations/index.js';
import { UserRepo } from './users.js';
import { WorkspaceRepo } from './workspaces.js';

/** Blocks of migration versions, as inclusive ranges. */
type Blocks = readonly (readonly [number, number])[];

const inBlocks = (version: number, blocks: Blocks) => blocks.some(([from, to]) => version >= from && version <= to);

/**
 * The core's store port: one SQLite file, the core's repositories (workspaces, people, communities and roles,
 * holidays, jobs), and whatever repositories the capabilities keep on it (`extension`).
 */
export class Store {
  readonly workspaces: WorkspaceRepo;
  readonly users: UserRepo;
  readonly communities: CommunityRepo;
  readonly jobs: JobRepo;
  readonly lease: LeaseRepo;
  readonly holidays: HolidayRepo;
  readonly #extensions = new Map<string, unknown>();

  /** One transaction wrapper for every call: better-sqlite3 builds a new one per `db.transaction`. */
  readonly #inTransaction: Database.Transaction<(fn: () => unknown) => unknown>;
  /** Hands the file's checkpoints back before the connection closes. */
  readonly #releaseCheckpoints: () => void;

  /** Takes over `db`: its WAL checkpoints run on the process's checkpointer thread, off the commands' thread. */
  constructor(
    readonly db: Db,
    checkpointer: Checkpointer = processCheckpointer(),
  ) {
    this.#releaseCheckpoints = checkpointer.watch(db);
    this.#inTransaction = db.transaction((fn: () => unknown) => fn());
    this.workspaces = new WorkspaceRepo(db);
    this.users = new UserRepo(db);
    this.communities = new CommunityRepo(db);
    this.jobs = new JobRepo(db);
    this.lease = new LeaseRepo(db);
    this.holidays = new HolidayRepo(db);
  }

  /**
   * Opens the file and runs the core's and every capability's migrations, plus `extra` (an adapter's, in the
   * blocks `extraVersions`). Forward only: a file that has applied a version this build does not know is refused
   * (NewerDatabaseError) before anything is written. The adapters' versions (ADAPTER_VERSIONS) are judged only
   * for the blocks given, since an adapter that has not started brings its migrations later.
   */
  static open(path: string, extra: readonly Migration[] = [], extraVersions: Blocks = []): Store {
    const judged = (v: number) => !inBlocks(v, ADAPTER_VERSIONS) || inBlocks(v, extraVersions);
    // The capability list is read here, at run time: store modules must not import it while they load.
    return new Store(openDatabase(path, [...allMigrations(), ...extra], judged));
  }

  /** Runs migrations that are not applied yet: an adapter brings its own tables when it starts. */
  migrate(migrations: readonly Migration[]): void {
    migrate(this.db, migrations);
  }

  /** A capability's repositories on this store, made on first use and kept as long as the store. */
  extension<T>(name: string, make: (db: Db) => T): T {
    let found = this.#extensions.get(name) as T | undefined;
    if (found === undefined) {
      found = make(this.db);
      this.#extensions.set(name, found);
    }
    return found;
  }

  /** Runs `fn` in one transaction: all of it is written, or none. */
  transaction<T>(fn: () => T): T {
    // IMMEDIATE takes the write lock up front, so another process on the file waits (busy_timeout)
    // instead of failing when a read turns into a write.
    return this.#inTransaction.immediate(fn) as T;
  }

  getMeta(key: string): string | null {
    const r = prepared(this.db, 'SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return r?.value ?? null;
  }

  setMeta(key: string, value: string): void {
    prepared(this.db, 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  /** Checkpoints what the log holds and closes the file; the checkpointer thread ends with the last file. */
  close(): void {
    this.#releaseCheckpoints();
    if (this.db.open) this.db.close();
  }
}
