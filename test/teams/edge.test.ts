import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installation, membersAdded, message, NOTHING_WRITTEN, type TeamsHarness, teamsHarness, written } from './harness.js';

/** An activity with some of its fields taken out, as a broken or forged request would send it. */
function without<T extends object>(activity: T, ...fields: string[]): T {
  return Object.fromEntries(Object.entries(activity).filter(([k]) => !fields.includes(k))) as T;
}

describe('what /api/messages refuses before any route sees it', () => {
  let h: TeamsHarness;
  /** How often the core was handed a command or a platform event. */
  let handled: () => number;
  beforeEach(async () => {
    h = await teamsHarness();
    const core = [vi.spyOn(h.app.bot, 'handle'), vi.spyOn(h.app.events, 'handle')];
    handled = () => core.reduce((n, spy) => n + spy.mock.calls.length, 0);
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await h.close();
  });

  /** Posts the activity and says what came of it: the status, and whether anything was stored, sent or handled. */
  const outcome = async (activity: object) => {
    const { status, body } = await h.post(activity);
    return { status, body, written: written(h), sent: h.connector.take(), handled: handled() };
  };
  const refused = (reason: RegExp) => ({
    status: 400,
    body: expect.stringMatching(reason),
    written: NOTHING_WRITTEN,
    sent: [],
    handled: 0,
  });

  it('refuses a message without serviceUrl, instead of replying to api.botframework.com', async () => {
    const activity = without(message(h.connector.url, { name: 'ana' }, { personal: true }, 'plc help'), 'serviceUrl');
    expect(await outcome(activity)).toEqual(refused(/serviceUrl/));
  });

  it('refuses a member added without serviceUrl: nothing is stored to send to later', async () => {
    const activity = without(membersAdded(h.connector.url, { name: 'carla' }, { channel: 'math' }, ['ben'], true), 'serviceUrl');
    expect(await outcome(activity)).toEqual(refused(/serviceUrl/));
  });

  it('refuses a message without a tenant id, instead of guessing a workspace', async () => {
    const activity = message(h.connector.url, { name: 'ana' }, { personal: true }, 'plc help');
    const { tenantId: _t, ...conversation } = activity.conversation;
    expect(await outcome({ ...activity, conversation, channelData: {} })).toEqual(refused(/tenant/));
  });

  it('refuses a message without a sender, or whose sender has no id', async () => {
    const activity = message(h.connector.url, { name: 'ana' }, { channel: 'math' }, 'join Math');
    expect(await outcome(without(activity, 'from'))).toEqual(refused(/sender/));
    expect(await outcome({ ...activity, from: { name: 'ana' } })).toEqual(refused(/sender/));
  });

  it('refuses an installation without a sender: nobody becomes coordinator', async () => {
    const activity = installation(h.connector.url, { name: 'eva' }, { personal: true }, 'add');
    expect(await outcome({ ...activity, from: { id: '' } })).toEqual(refused(/sender/));
  });

  it('refuses an activity without a conversation', async () => {
    const activity = message(h.connector.url, { name: 'ana' }, { personal: true }, 'plc help');
    expect(await outcome(without(activity, 'conversation'))).toEqual(refused(/conversation/));
  });

  it('takes the same message with everything in place', async () => {
    const res = await outcome(message(h.connector.url, { name: 'ana' }, { personal: true }, 'plc help'));
    expect(res.status).toBe(200);
    expect(res.handled).toBe(1);
  });
});
