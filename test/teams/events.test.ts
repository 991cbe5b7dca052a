import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { repos } from '../../src/capabilities/meetings/store/index.js';
import { activityText, GENERAL, installation, membersRemoved, message, posted, type TeamsHarness, teamsHarness } from './harness.js';

const MATH = '19:math@thread.tacv2';

describe('Teams events about the people of a scheduled community', () => {
  let h: TeamsHarness;
  const say = (name: string, text: string) => h.post(message(h.connector.url, { name }, { channel: 'math' }, text));
  const ws = () => h.app.store.workspaces.find('teams', 'tenant-a')?.id ?? 0;
  const math = () => h.app.store.communities.findByName(ws(), 'Math');
  const nameOf = (id: number | null) => (id === null ? null : (h.app.store.users.get(ws(), id)?.externalId.replace(/^aad-/, '') ?? null));
  const roleOf = (name: string) =>
    h.app.store.communities.roleOf(math()?.id ?? 0, h.app.store.users.findByExternal(ws(), `aad-${name}`)?.id ?? 0);
  const firstMeeting = () => repos(h.app.store).meetings.byOccurrence(math()?.id ?? 0, '2026-09-02');
  const leavesTeam = (name: string) => h.post(membersRemoved(h.connector.url, { name: 'carla' }, GENERAL, [name]));
  /** Runs what is due at the current instant: the refresh a change queued, as the live ticker would at once. */
  const settle = () => h.app.advance(h.app.clock.now().getTime());
  const reminderCards = () =>
    posted(h.connector.calls).filter((c) => c.conversation === MATH && activityText(c.body).includes('Math meets'));

  /** Math lives in the math channel of the school's team: carla leads, ana, ben and dora meet Wednesdays at 15:30. */
  beforeEach(async () => {
    h = await teamsHarness();
    await say('carla', 'create Math');
    await say('carla', 'settings tz Europe/Copenhagen');
    for (const name of ['ana', 'ben', 'dora']) await say(name, 'join');
    await say('carla', 'schedule weekly wed 15:30');
    h.connector.take();
  });
  afterEach(async () => {
    await h.close();
  });

  it('hands the duty of a facilitator removed from the team on, and updates the posted reminder cards', async () => {
    const facilitator = nameOf(firstMeeting()?.facilitatorId ?? null) as string;
    // They may be the only lead, whom leaving would not take out: someone else leads too.
    const other = ['carla', 'ana'].find((n) => n !== facilitator) as string;
    await say('carla', `role @${other} lead`);
    await h.app.advance(Date.parse('2026-09-02T12:45:00Z'));
    const cards = reminderCards();
    expect(cards).toHaveLength(2);
    expect(activityText(cards[1]?.body)).toContain(`@${facilitator}`);
    h.connector.take();

    await leavesTeam(facilitator);
    expect(roleOf(facilitator)).toBeNull();
    const next = nameOf(firstMeeting()?.facilitatorId ?? null);
    expect(next).not.toBeNull();
    expect(next).not.toBe(facilitator);

    await settle();
    const updates = h.connector.take().filter((c) => c.kind === 'update');
    expect(updates.map((u) => u.activityId)).toEqual(cards.map((c) => c.id));
    for (const u of updates) {
      expect(activityText(u.body)).toContain(`Facilitator: @${next}`);
      expect(activityText(u.body)).not.toContain(`@${facilitator}`);
    }
  });

  it('keeps the only lead removed from the team as lead and member', async () => {
    await leavesTeam('carla');
    expect(roleOf('carla')).toBe('lead');
    expect(posted(h.connector.take()).map((c) => activityText(c.body))).toEqual([expect.stringContaining('only lead')]);
  });

  it('records that the app was removed from the team, tells the lead, and posts nothing to its channels until it is back', async () => {
    await h.post(installation(h.connector.url, { name: 'carla' }, GENERAL, 'remove'));
    expect(math()?.removedFromChannelAt).toBe(h.app.clock.now().getTime());
    const told = posted(h.connector.take());
    expect(told.map((c) => activityText(c.body))).toEqual([expect.stringContaining('removed from the channel of Math')]);
    expect(told[0]?.conversation).not.toBe(MATH);

    await h.app.advance(Date.parse('2026-09-02T14:00:00Z'));
    expect(h.connector.take().filter((c) => c.conversation.startsWith(MATH))).toEqual([]);
    // The core sent the reminders nowhere: none was tried, failed and dropped.
    expect(h.app.store.jobs.counts()).toMatchObject({ failed: 0, dropped: 0 });

    await h.post(installation(h.connector.url, { name: 'carla' }, GENERAL, 'add'));
    expect(math()?.removedFromChannelAt).toBeNull();
    await h.app.advance(Date.parse('2026-09-08T14:00:00Z'));
    expect(reminderCards().map((c) => activityText(c.body))).toEqual([expect.stringContaining('Math meets')]);
  });
});

describe('installing the Teams app', () => {
  let h: TeamsHarness;
  beforeEach(async () => {
    h = await teamsHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('makes the first person to install it the coordinator, and tells them in their chat', async () => {
    await h.post(installation(h.connector.url, { name: 'eva' }, { personal: true }, 'add'));
    const ws = h.app.store.workspaces.find('teams', 'tenant-a');
    expect(h.app.store.users.findByExternal(ws?.id ?? 0, 'aad-eva')?.isCoordinator).toBe(true);
    const said = posted(h.connector.take());
    // One message: the core's, which tells the first installer they coordinate (and, in production, opens with
    // the bot's introduction); the adapter says nothing of its own.
    expect(said.map((c) => c.conversation)).toEqual(['a:dm-eva']);
    expect(activityText(said[0]?.body)).toContain('coordinator');

    // Whoever installs it next finds a coordinator already, and is only welcomed.
    await h.post(installation(h.connector.url, { name: 'finn' }, { personal: true }, 'add'));
    expect(h.app.store.users.findByExternal(ws?.id ?? 0, 'aad-finn')?.isCoordinator).toBe(false);
    const hello = posted(h.connector.take());
    expect(hello.map((c) => c.conversation)).toEqual(['a:dm-finn']);
    expect(activityText(hello[0]?.body)).toContain('plc help');
  });
});
