import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { meetingYesMembers } from '../../../src/capabilities/meetings/migrations/313-yes-members.js';
import { prepared } from '../../../src/store/db.js';
import { summaryApp } from '../summaries/fakes.js';
import { type SummaryApp, say } from '../summaries/school.js';

let app: SummaryApp;
beforeEach(() => {
  app = summaryApp();
});
afterEach(async () => app.dispose());

/** Each meeting's kept count beside the count its answers and the memberships give now. */
const counts = () =>
  prepared(
    app.store.db,
    `SELECT m.id, m.yes_members AS kept,
       (SELECT COUNT(*) FROM rsvps r JOIN memberships ms ON ms.community_id = m.community_id AND ms.user_id = r.user_id
          WHERE r.meeting_id = m.id AND r.answer = 'yes' AND ms.role != 'guest') AS counted
     FROM meetings m ORDER BY m.id`,
  ).all() as { id: number; kept: number; counted: number }[];
const expectKept = (total: number) => {
  const all = counts();
  for (const c of all) expect(c.kept, `meeting ${c.id}`).toBe(c.counted);
  expect(
    all.reduce((n, c) => n + c.kept, 0),
    JSON.stringify(all),
  ).toBe(total);
};
const user = (name: string) => app.store.users.findByExternal(1, name)?.id as number;

describe("a meeting's kept count of members' yes answers", () => {
  it('follows answers, joins, new roles, leaving and forgotten people', () => {
    say(app, 'Carla', 'create Math');
    say(app, 'Lena', 'join');
    say(app, 'Gustav', 'join');
    say(app, 'Carla', 'schedule weekly wed 15:30');
    say(app, 'Lena', 'rsvp yes');
    say(app, 'Gustav', 'rsvp yes');
    expectKept(2);
    say(app, 'Lena', 'rsvp no');
    expectKept(1);
    say(app, 'Lena', 'rsvp yes');
    say(app, 'Carla', 'role @Gustav guest');
    expectKept(1);
    say(app, 'Carla', 'role @Gustav member');
    expectKept(2);
    say(app, 'Gustav', 'leave');
    expectKept(1);
    // Joining again brings the answer the person gave back into the count, as the answers say.
    say(app, 'Gustav', 'join');
    expectKept(2);
    // Forgotten as forget-me does it: the memberships go, then the person's row, which leaves their answers anonymous.
    const math = app.store.communities.findByChannel(1, 'math')?.id as number;
    app.store.communities.removeMember(math, user('Lena'));
    prepared(app.store.db, 'DELETE FROM users WHERE id = ?').run(user('Lena'));
    expectKept(1);
    // A person's row deleted outright takes the membership with it (the cascade), and the count follows.
    prepared(app.store.db, 'DELETE FROM users WHERE id = ?').run(user('Gustav'));
    expectKept(0);
  });

  it('is counted by the migration from the answers there are', () => {
    say(app, 'Carla', 'create Math');
    for (const who of ['Lena', 'Gustav', 'Anneliese']) say(app, who, 'join');
    say(app, 'Carla', 'schedule weekly wed 15:30');
    for (const who of ['Lena', 'Gustav', 'Carla']) say(app, who, 'rsvp yes');
    say(app, 'Anneliese', 'rsvp no');
    expectKept(3);
    prepared(app.store.db, 'UPDATE meetings SET yes_members = 0').run();
    // The migration's count, run again, as it runs over a file written before it.
    const fill = meetingYesMembers.sql.split(';').find((s) => s.includes('UPDATE meetings SET yes_members')) as string;
    app.store.db.exec(fill);
    expectKept(3);
  });
});
