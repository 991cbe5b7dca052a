import type { Locale } from '../i18n/locales.js';
import { isKnownZone, localDate } from '../local-date.js';
import { type Db, prepared } from './db.js';

export interface User {
  id: number;
  workspaceId: number;
  externalId: string;
  displayName: string;
  /** The language the user chose with `lang`, if any. */
  lang: Locale | null;
  /** The locale their platform reports, as reported. */
  platformLocale: string | null;
  tz: string | null;
  isCoordinator: boolean;
  deactivatedAt: number | null;
  pausedUntil: string | null;
  /**
   * When the bot introduced itself to them (src/first-contact.ts); null before. Absent where a caller built the
   * person by hand: the first-contact check then reads the database.
   */
  introducedAt?: number | null;
}

interface Row {
  id: number;
  workspace_id: number;
  external_id: string;
  display_name: string;
  lang: Locale | null;
  platform_locale: string | null;
  tz: string | null;
  is_coordinator: number;
  deactivated_at: number | null;
  paused_until: string | null;
  introduced_at: number | null;
}

const toUser = (r: Row): User => ({
  id: r.id,
  workspaceId: r.workspace_id,
  externalId: r.external_id,
  displayName: r.display_name,
  lang: r.lang,
  platformLocale: r.platform_locale,
  // A zone stored before platforms' zones were checked (Slack's users.info), which this machine does not know, is
  // read as none: every local date is then read in the community's zone, where one unknown would throw.
  tz: r.tz !== null && isKnownZone(r.tz) ? r.tz : null,
  isCoordinator: r.is_coordinator === 1,
  deactivatedAt: r.deactivated_at,
  pausedUntil: r.paused_until,
  introducedAt: r.introduced_at,
});

/** What a platform tells us about a person; absent fields are left as stored. */
export interface UserProfile {
  externalId: string;
  displayName?: string | null;
  platformLocale?: string | null;
  tz?: string | null;
}

/** People, always within one workspace. */
export class UserRepo {
  constructor(private readonly db: Db) {}

  /** Finds or creates the user and refreshes what the platform told us about them. */
  upsert(workspaceId: number, p: UserProfile, now: number): User {
    const existing = this.findByExternal(workspaceId, p.externalId);
    if (!existing) {
      const info = prepared(
        this.db,
        'INSERT INTO users (workspace_id, external_id, display_name, platform_locale, tz, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(workspaceId, p.externalId, p.displayName || p.externalId, p.platformLocale ?? null, p.tz ?? null, now);
      return this.get(workspaceId, Number(info.lastInsertRowid)) as User;
    }
    const displayName = p.displayName || existing.displayName;
    const platformLocale = p.platformLocale ?? existing.platformLocale;
    const tz = p.tz ?? existing.tz;
    if (displayName !== existing.displayName || platformLocale !== existing.platformLocale || tz !== existing.tz) {
      prepared(this.db, 'UPDATE users SET display_name = ?, platform_locale = ?, tz = ? WHERE id = ?').run(
        displayName,
        platformLocale,
        tz,
        existing.id,
      );
      return { ...existing, displayName, platformLocale, tz };
    }
    return existing;
  }

  get(workspaceId: number, id: number): User | null {
    const r = prepared(this.db, 'SELECT * FROM users WHERE workspace_id = ? AND id = ?').get(workspaceId, id) as Row | undefined;
    return r ? toUser(r) : null;
  }

  findByExternal(workspaceId: number, externalId: string): User | null {
    const r = prepared(this.db, 'SELECT * FROM users WHERE workspace_id = ? AND external_id = ?').get(workspaceId, externalId) as
      | Row
      | undefined;
    return r ? toUser(r) : null;
  }

  /** Re-keys a person whose platform id changed (first seen by one id, later by another); never merges two people. */
  changeExternalId(workspaceId: number, from: string, to: string): boolean {
    return (
      prepared(
        this.db,
        `UPDATE users SET external_id = ? WHERE workspace_id = ? AND external_id = ?
           AND NOT EXISTS (SELECT 1 FROM users WHERE workspace_id = ? AND external_id = ?)`,
      ).run(to, workspaceId, from, workspaceId, to).changes > 0
    );
  }

  setLang(workspaceId: number, id: number, lang: Locale): void {
    prepared(this.db, 'UPDATE users SET lang = ? WHERE workspace_id = ? AND id = ?').run(lang, workspaceId, id);
  }

  setCoordinator(workspaceId: number, id: number, on: boolean): void {
    prepared(this.db, 'UPDATE users SET is_coordinator = ? WHERE workspace_id = ? AND id = ?').run(on ? 1 : 0, workspaceId, id);
  }

  /** Pauses the person until the start of `date` (YYYY-MM-DD, their local date); null ends the pause. */
  setPausedUntil(workspaceId: number, id: number, date: string | null): void {
    prepared(this.db, 'UPDATE users SET paused_until = ? WHERE workspace_id = ? AND id = ?').run(date, workspaceId, id);
  }

  setDeactivated(workspaceId: number, id: number, at: number | null): void {
    prepared(this.db, 'UPDATE users SET deactivated_at = ? WHERE workspace_id = ? AND id = ?').run(at, workspaceId, id);
  }

  /** The workspace's coordinators, by name. */
  coordinators(workspaceId: number): User[] {
    return (
      prepared(this.db, 'SELECT * FROM users WHERE workspace_id = ? AND is_coordinator = 1 ORDER BY display_name COLLATE NOCASE').all(
        workspaceId,
      ) as Row[]
    ).map(toUser);
  }

  coordinatorCount(workspaceId: number): number {
    return (
      prepared(this.db, 'SELECT COUNT(*) AS n FROM users WHERE workspace_id = ? AND is_coordinator = 1').get(workspaceId) as { n: number }
    ).n;
  }
}

/** Whether a pause holds at `at`: it lasts until the start of its date in the person's zone (else `fallbackTz`). */
export function isPausedAt(user: Pick<User, 'pausedUntil' | 'tz'>, at: number, fallbackTz = 'UTC'): boolean {
  if (!user.pausedUntil) return false;
  return localDate(at, user.tz ?? fallbackTz) < user.pausedUntil;
}

/** Whether the person should hear nothing at `at`: deactivated on their platform, or paused. */
export function isAwayAt(user: Pick<User, 'pausedUntil' | 'tz' | 'deactivatedAt'>, at: number, fallbackTz = 'UTC'): boolean {
  return user.deactivatedAt !== null || isPausedAt(user, at, fallbackTz);
}
