import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RecipientGoneError, type WorkspaceAddress } from '../../src/ports.js';
import { text, view } from '../../src/views/build.js';
import { activityText, installation, membersAdded, message, posted, type TeamsHarness, teamsHarness } from './harness.js';

const TENANT: WorkspaceAddress = { platform: 'teams', externalId: 'tenant-a' };
const MATH = '19:math@thread.tacv2';
const reminder = (s: string) => view('en', [text(s)]);

describe('proactive Teams messages', () => {
  let h: TeamsHarness;
  beforeEach(async () => {
    h = await teamsHarness();
    // The bot learns the channel and the people from what Teams sends it.
    await h.post(membersAdded(h.connector.url, { name: 'carla' }, { channel: 'math' }, ['ben'], true));
    await h.post(message(h.connector.url, { name: 'ana' }, { personal: true }, 'plc help'));
    h.connector.take();
  });
  afterEach(async () => {
    await h.close();
  });

  it('posts a reminder to a channel as a new post, and a follow-up in its thread', async () => {
    const sent = await h.app.messenger.send(TENANT, { kind: 'channel', channel: MATH }, reminder('Meeting tomorrow at 15:30'));
    const [post] = posted(h.connector.take());
    expect(post?.kind).toBe('send');
    expect(post?.conversation).toBe(MATH);
    expect(activityText(post?.body)).toBe('Meeting tomorrow at 15:30');
    expect(sent).toEqual({ conversation: MATH, message: post?.id });

    await h.app.messenger.send(TENANT, { kind: 'channel', channel: MATH, thread: sent?.message }, reminder('Agenda is ready'));
    const [followUp] = posted(h.connector.take());
    expect(followUp?.conversation).toBe(`${MATH};messageid=${sent?.message}`);
  });

  it('DMs someone in the personal chat the bot already has', async () => {
    await h.app.messenger.send(TENANT, { kind: 'user', user: 'aad-ana' }, reminder('Time to reflect'));
    const calls = h.connector.take();
    expect(calls.some((c) => c.kind === 'createConversation')).toBe(false);
    expect(posted(calls)[0]?.conversation).toBe('a:dm-ana');
  });

  it('opens a 1:1 chat in the tenant to DM someone the bot never talked to, once', async () => {
    await h.app.messenger.send(TENANT, { kind: 'user', user: 'aad-ben' }, reminder('Your observation is on Thursday'));
    const calls = h.connector.take();
    const created = calls.find((c) => c.kind === 'createConversation');
    expect(created?.body.members).toEqual([expect.objectContaining({ id: '29:ben' })]);
    expect(created?.body.tenantId).toBe('tenant-a');
    expect(posted(calls)[0]?.conversation).toBe('a:created-29:ben');

    await h.app.messenger.send(TENANT, { kind: 'user', user: 'aad-ben' }, reminder('Reminder again'));
    const again = h.connector.take();
    expect(again.some((c) => c.kind === 'createConversation')).toBe(false);
    expect(posted(again)[0]?.conversation).toBe('a:created-29:ben');
  });

  it('updates a card in place', async () => {
    const sent = await h.app.messenger.send(TENANT, { kind: 'channel', channel: MATH }, reminder('RSVP: 0 coming'));
    h.connector.take();
    if (!sent) throw new Error('nothing was sent');
    await h.app.messenger.update(TENANT, sent, reminder('RSVP: 1 coming'));
    const [put] = h.connector.take();
    expect(put?.kind).toBe('update');
    expect(put?.method).toBe('PUT');
    expect(put?.activityId).toBe(sent.message);
    expect(activityText(put?.body)).toBe('RSVP: 1 coming');
  });

  it('treats a deleted card as gone on update, and keeps posting to its channel', async () => {
    const sent = await h.app.messenger.send(TENANT, { kind: 'channel', channel: MATH }, reminder('RSVP: nobody yet'));
    if (!sent) throw new Error('nothing was sent');
    h.connector.take();
    h.connector.deleteActivity(sent.message);
    await expect(h.app.messenger.update(TENANT, sent, reminder('RSVP: 1 coming'))).rejects.toBeInstanceOf(RecipientGoneError);
    await h.app.messenger.send(TENANT, { kind: 'channel', channel: MATH }, reminder('next week'));
    expect(posted(h.connector.take())).toHaveLength(1);
  });

  it('records a channel the bot was removed from (403) and does not try it again until added back', async () => {
    h.connector.fail(MATH, 403);
    await expect(h.app.messenger.send(TENANT, { kind: 'channel', channel: MATH }, reminder('one'))).rejects.toBeInstanceOf(
      RecipientGoneError,
    );
    expect(h.connector.take()).toHaveLength(1);
    await expect(h.app.messenger.send(TENANT, { kind: 'channel', channel: MATH }, reminder('two'))).rejects.toBeInstanceOf(
      RecipientGoneError,
    );
    expect(h.connector.take()).toHaveLength(0);

    h.connector.heal(MATH);
    await h.post(membersAdded(h.connector.url, { name: 'carla' }, { channel: 'math' }, [], true));
    await h.app.messenger.send(TENANT, { kind: 'channel', channel: MATH }, reminder('three'));
    expect(posted(h.connector.take())).toHaveLength(1);
  });

  it('records a person who cannot be reached (404 on opening a chat) and does not retry', async () => {
    h.connector.fail('29:ben', 404);
    const dm = () => h.app.messenger.send(TENANT, { kind: 'user', user: 'aad-ben' }, reminder('hello'));
    await expect(dm()).rejects.toBeInstanceOf(RecipientGoneError);
    expect(h.connector.take().filter((c) => c.kind === 'createConversation')).toHaveLength(1);
    await expect(dm()).rejects.toBeInstanceOf(RecipientGoneError);
    expect(h.connector.take()).toHaveLength(0);
  });

  it('stops sending to a personal chat when the person uninstalls the bot', async () => {
    await h.post(installation(h.connector.url, { name: 'ana' }, { personal: true }, 'remove'));
    await expect(h.app.messenger.send(TENANT, { kind: 'user', user: 'aad-ana' }, reminder('hi'))).rejects.toBeInstanceOf(
      RecipientGoneError,
    );
    expect(posted(h.connector.take())).toHaveLength(0);
  });

  it('welcomes a person who installs the bot in their language', async () => {
    await h.post(installation(h.connector.url, { name: 'eva' }, { personal: true }, 'add'));
    const [hello] = posted(h.connector.take());
    expect(hello?.conversation).toBe('a:dm-eva');
    expect(activityText(hello?.body)).toContain('plc help');
  });
});
