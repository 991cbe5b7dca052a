import type Database from 'better-sqlite3';
import { AgendaRepo } from './agenda.js';
import { CommunityRepo } from './communities.js';
import { type Db, openDatabase, prepared } from './db.js';
import { HolidayRepo } from './holidays.js';
import { JobRepo } from './jobs.js';
import { LeaseRepo } from './lease.js';
import { MeetingRepo } from './meetings.js';
import { ReminderPostRepo } from './reminder-posts.js';
import { UserRepo } from './users.js';
import { WorkspaceRepo } from './workspaces.js';

/** The core's store port: one SQLite file and a repository per aggregate. */
export class Store {
  readonly workspaces: WorkspaceRepo;
  readonly users: UserRepo;
  readonly communities: CommunityRepo;
  readonly jobs: JobRepo;
  readonly lease: LeaseRepo;
  readonly meetings: MeetingRepo;
  readonly agenda: AgendaRepo;
  readonly holidays: HolidayRepo;
  readonly reminderPosts: ReminderPostRepo;

  /** One transaction wrapper for every call: better-sqlite3 builds a new one per `db.transaction`. */
  readonly #inTransaction: Database.Transaction<(fn: () => unknown) => unknown>;

  constructor(readonly db: Db) {
    this.#inTransaction = db.transaction((fn: () => unknown) => fn());
    this.workspaces = new WorkspaceRepo(db);
    this.users = new UserRepo(db);
    this.communities = new CommunityRepo(db);
    this.jobs = new JobRepo(db);
    this.lease = new LeaseRepo(db);
    this.meetings = new MeetingRepo(db);
    this.agenda = new AgendaRepo(db);
    this.holidays = new HolidayRepo(db);
    this.reminderPosts = new ReminderPostRepo(db);
  }

  static open(path: string): Store {
    return new Store(openDatabase(path));
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

  close(): void {
    if (this.db.open) this.db.close();
  }
}
