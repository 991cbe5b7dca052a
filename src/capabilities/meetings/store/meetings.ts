import { type Db, prepared } from '../../../store/db.js';

/** A community's meeting cadence as stored: the RFC 5545 rule with its zone, and the meeting settings. */
export interface MeetingSchedule {
  communityId: number;
  /** `DTSTART;TZID=…:…` and `RRULE:…` lines; null while the schedule is off. */
  rrule: string | null;
  tz: string;
  /** The cadence phrase as the lead typed it. */
  cadence: string | null;
  durationMin: number;
  location: string | null;
  /** Minutes before the start, largest first. */
  reminders: number[];
}

export type MeetingStatus = 'scheduled' | 'cancelled';

/** One occurrence of a community's meeting that has a number (#n): the next one, or one cancelled or moved. */
export interface Meeting {
  id: number;
  workspaceId: number;
  communityId: number;
  ref: number;
  /** The local date the rule gave it, YYYY-MM-DD. */
  occurrence: string;
  startsAt: number;
  endsAt: number;
  status: MeetingStatus;
  moved: boolean;
  facilitatorId: number | null;
  noteTakerId: number | null;
  notes: string | null;
  notesBy: number | null;
  notesAt: number | null;
}

export type RsvpAnswer = 'yes' | 'no';

/** A member as the duty rotation sees them. */
export interface DutyMember {
  userId: number;
  joinedAt: number;
  role: string;
  deactivatedAt: number | null;
  pausedUntil: string | null;
}

interface ScheduleRow {
  community_id: number;
  rrule: string | null;
  tz: string;
  cadence: string | null;
  duration_min: number;
  location: string | null;
  reminders: string;
}

const toSchedule = (r: ScheduleRow): MeetingSchedule => ({
  communityId: r.community_id,
  rrule: r.rrule,
  tz: r.tz,
  cadence: r.cadence,
  durationMin: r.duration_min,
  location: r.location,
  reminders: r.reminders ? r.reminders.split(',').map(Number) : [],
});

const MEETING_COLUMNS = `id, workspace_id AS workspaceId, community_id AS communityId, ref, occurrence, starts_at AS startsAt,
  ends_at AS endsAt, status, moved, facilitator_id AS facilitatorId, note_taker_id AS noteTakerId, notes, notes_by AS notesBy,
  notes_at AS notesAt`;

const toMeeting = (r: Omit<Meeting, 'moved'> & { moved: number | boolean }): Meeting => ({
  ...r,
  moved: r.moved === 1 || r.moved === true,
});

/** Meeting schedules, meetings and their attendance. */
/**
 * How many past meetings the rotation looks back over: years of weekly meetings, far more than a community needs
 * to see who served last, and a bound that keeps each rotation's cost flat as the history grows.
 */
const DUTY_HISTORY_MEETINGS = 400;

export class MeetingRepo {
  readonly #sql;

  constructor(db: Db) {
    this.#sql = (sql: string) => prepared(db, sql);
  }

  schedule(communityId: number): MeetingSchedule | null {
    const r = this.#sql('SELECT * FROM meeting_schedules WHERE community_id = ?').get(communityId) as ScheduleRow | undefined;
    return r ? toSchedule(r) : null;
  }

  /** Writes the parts of the schedule given; creates it with defaults first when new. */
  saveSchedule(
    communityId: number,
    tz: string,
    patch: Partial<Pick<MeetingSchedule, 'rrule' | 'cadence' | 'durationMin' | 'location' | 'reminders'>>,
    now: number,
  ): MeetingSchedule {
    this.#sql('INSERT INTO meeting_schedules (community_id, tz, updated_at) VALUES (?, ?, ?) ON CONFLICT (community_id) DO NOTHING').run(
      communityId,
      tz,
      now,
    );
    const columns: Record<string, unknown> = {
      rrule: patch.rrule,
      cadence: patch.cadence,
      duration_min: patch.durationMin,
      location: patch.location,
      reminders: patch.reminders?.join(','),
    };
    const set = Object.entries(columns).filter(([, v]) => v !== undefined);
    const sql = ['tz = ?', 'updated_at = ?', ...set.map(([k]) => `${k} = ?`)].join(', ');
    this.#sql(`UPDATE meeting_schedules SET ${sql} WHERE community_id = ?`).run(tz, now, ...set.map(([, v]) => v), communityId);
    return this.schedule(communityId) as MeetingSchedule;
  }

  get(id: number): Meeting | null {
    const r = this.#sql(`SELECT ${MEETING_COLUMNS} FROM meetings WHERE id = ?`).get(id) as Meeting | undefined;
    return r ? toMeeting(r) : null;
  }

  byRef(workspaceId: number, ref: number): Meeting | null {
    const r = this.#sql(`SELECT ${MEETING_COLUMNS} FROM meetings WHERE workspace_id = ? AND ref = ?`).get(workspaceId, ref) as
      | Meeting
      | undefined;
    return r ? toMeeting(r) : null;
  }

  byOccurrence(communityId: number, occurrence: string): Meeting | null {
    const r = this.#sql(`SELECT ${MEETING_COLUMNS} FROM meetings WHERE community_id = ? AND occurrence = ?`).get(communityId, occurrence) as
      | Meeting
      | undefined;
    return r ? toMeeting(r) : null;
  }

  /** Every numbered meeting of a community, by start. */
  list(communityId: number): Meeting[] {
    return (
      this.#sql(`SELECT ${MEETING_COLUMNS} FROM meetings WHERE community_id = ? ORDER BY starts_at, id`).all(communityId) as Meeting[]
    ).map(toMeeting);
  }

  /**
   * The meetings a window can be about: those starting from `from`, and those whose rule date is from `fromDate`
   * (a meeting moved elsewhere still stands for its date). Planning reads this, not every meeting ever held, so
   * a community's years of history do not slow each plan down.
   */
  since(communityId: number, from: number, fromDate: string): Meeting[] {
    return (
      this.#sql(
        `SELECT ${MEETING_COLUMNS} FROM meetings WHERE community_id = ? AND (starts_at >= ? OR occurrence >= ?) ORDER BY starts_at, id`,
      ).all(communityId, from, fromDate) as Meeting[]
    ).map(toMeeting);
  }

  /** The latest held (not cancelled) meeting that started at or before `now`. */
  lastStarted(communityId: number, now: number): Meeting | null {
    const r = this.#sql(
      `SELECT ${MEETING_COLUMNS} FROM meetings WHERE community_id = ? AND status = 'scheduled' AND starts_at <= ?
         ORDER BY starts_at DESC LIMIT 1`,
    ).get(communityId, now) as Meeting | undefined;
    return r ? toMeeting(r) : null;
  }

  /** Creates the meeting row for an occurrence, or updates its times; keeps its number and duties. */
  upsert(
    m: { workspaceId: number; communityId: number; occurrence: string; startsAt: number; endsAt: number },
    nextRef: () => number,
    now: number,
  ): Meeting {
    const found = this.byOccurrence(m.communityId, m.occurrence);
    if (found) {
      if (found.startsAt !== m.startsAt || found.endsAt !== m.endsAt) {
        this.#sql('UPDATE meetings SET starts_at = ?, ends_at = ? WHERE id = ?').run(m.startsAt, m.endsAt, found.id);
      }
      return { ...found, startsAt: m.startsAt, endsAt: m.endsAt };
    }
    const info = this.#sql(
      // Past the highest id ever given (migration 005): job keys name meetings by id.
      `INSERT INTO meetings (id, workspace_id, community_id, ref, occurrence, starts_at, ends_at, created_at)
         VALUES ((SELECT last + 1 FROM meeting_id_high_water), ?, ?, ?, ?, ?, ?, ?)`,
    ).run(m.workspaceId, m.communityId, nextRef(), m.occurrence, m.startsAt, m.endsAt, now);
    return this.get(Number(info.lastInsertRowid)) as Meeting;
  }

  /** Forgets the meetings that have not started (a new schedule replaces them); their rsvps and reminder posts go with them. */
  deleteUpcoming(communityId: number, now: number): void {
    this.#sql('DELETE FROM meetings WHERE community_id = ? AND starts_at > ?').run(communityId, now);
  }

  setStatus(id: number, status: MeetingStatus): void {
    this.#sql('UPDATE meetings SET status = ? WHERE id = ?').run(status, id);
  }

  /** Moves one occurrence; a moved meeting is held even in a holiday, because someone chose its date. */
  move(id: number, startsAt: number, endsAt: number): void {
    this.#sql("UPDATE meetings SET starts_at = ?, ends_at = ?, moved = 1, status = 'scheduled' WHERE id = ?").run(startsAt, endsAt, id);
  }

  /** Sets a meeting's times without calling it moved (its zone changed, not its local time). */
  retime(id: number, startsAt: number, endsAt: number): void {
    this.#sql('UPDATE meetings SET starts_at = ?, ends_at = ? WHERE id = ?').run(startsAt, endsAt, id);
  }

  /** Bumps the meeting's revision (a new state to show in its posted reminders) and returns it. */
  touch(id: number): number {
    const r = this.#sql('UPDATE meetings SET revision = revision + 1 WHERE id = ? RETURNING revision').get(id) as
      | { revision: number }
      | undefined;
    return r?.revision ?? 0;
  }

  setDuties(id: number, facilitatorId: number | null, noteTakerId: number | null): void {
    this.#sql('UPDATE meetings SET facilitator_id = ?, note_taker_id = ? WHERE id = ?').run(facilitatorId, noteTakerId, id);
  }

  setNotes(id: number, notes: string, by: number, now: number): void {
    this.#sql('UPDATE meetings SET notes = ?, notes_by = ?, notes_at = ? WHERE id = ?').run(notes, by, now, id);
  }

  /** The community's meetings that have notes, for the community search. */
  withNotes(communityId: number): Meeting[] {
    return (
      this.#sql(`SELECT ${MEETING_COLUMNS} FROM meetings WHERE community_id = ? AND notes IS NOT NULL ORDER BY starts_at`).all(
        communityId,
      ) as Meeting[]
    ).map(toMeeting);
  }

  /** When each person last facilitated and last took notes before `before` (held meetings only: `skipped` leaves some out). */
  dutyHistory(
    communityId: number,
    before: number,
    skipped: (m: { occurrence: string; moved: boolean }) => boolean = () => false,
    termStart: number | null = null,
  ): {
    facilitated: Map<number, number>;
    noted: Map<number, number>;
    facilitatedInTerm: Map<number, number>;
    notedInTerm: Map<number, number>;
  } {
    const rows = this.#sql(
      `SELECT facilitator_id AS f, note_taker_id AS n, starts_at AS at, occurrence, moved FROM meetings
         WHERE community_id = ? AND status = 'scheduled' AND starts_at < ? ORDER BY starts_at DESC LIMIT ${DUTY_HISTORY_MEETINGS}`,
    ).all(communityId, before) as { f: number | null; n: number | null; at: number; occurrence: string; moved: number }[];
    const facilitated = new Map<number, number>();
    const noted = new Map<number, number>();
    const facilitatedInTerm = new Map<number, number>();
    const notedInTerm = new Map<number, number>();
    const add = (counts: Map<number, number>, id: number) => counts.set(id, (counts.get(id) ?? 0) + 1);
    for (const r of rows) {
      if (skipped({ occurrence: r.occurrence, moved: r.moved === 1 })) continue;
      // Newest first: the first row seen for a person is their latest turn.
      if (r.f !== null && !facilitated.has(r.f)) facilitated.set(r.f, r.at);
      if (r.n !== null && !noted.has(r.n)) noted.set(r.n, r.at);
      if (termStart !== null && r.at >= termStart) {
        if (r.f !== null) add(facilitatedInTerm, r.f);
        if (r.n !== null) add(notedInTerm, r.n);
      }
    }
    return { facilitated, noted, facilitatedInTerm, notedInTerm };
  }

  /** The community's members with what decides whether they can take a duty (one query, for reminder bursts). */
  dutyMembers(communityId: number): DutyMember[] {
    return this.#sql(
      `SELECT m.user_id AS userId, m.joined_at AS joinedAt, m.role AS role, u.deactivated_at AS deactivatedAt, u.paused_until AS pausedUntil
       FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.community_id = ? ORDER BY m.joined_at, m.user_id`,
    ).all(communityId) as DutyMember[];
  }

  /** How a person is mentioned. */
  person(userId: number): { externalId: string; displayName: string } | null {
    return (
      (this.#sql('SELECT external_id AS externalId, display_name AS displayName FROM users WHERE id = ?').get(userId) as
        | { externalId: string; displayName: string }
        | undefined) ?? null
    );
  }

  rsvp(meetingId: number, userId: number, answer: RsvpAnswer, now: number): void {
    this.#sql(
      `INSERT INTO rsvps (meeting_id, user_id, answer, answered_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (meeting_id, user_id) DO UPDATE SET answer = excluded.answer, answered_at = excluded.answered_at`,
    ).run(meetingId, userId, answer, now);
  }

  /** Who answered what for a meeting: the attendance. A former member's answer counts, with no one named (null). */
  rsvps(meetingId: number): { userId: number | null; displayName: string | null; answer: RsvpAnswer }[] {
    return this.#sql(
      `SELECT r.user_id AS userId, u.display_name AS displayName, r.answer AS answer FROM rsvps r LEFT JOIN users u ON u.id = r.user_id
         WHERE r.meeting_id = ? ORDER BY u.display_name IS NULL, u.display_name COLLATE NOCASE`,
    ).all(meetingId) as { userId: number | null; displayName: string | null; answer: RsvpAnswer }[];
  }
}
