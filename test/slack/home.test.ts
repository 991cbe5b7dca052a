import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  blocksText,
  buttonPress,
  deliverSigned,
  eventBody,
  interactivityBody,
  type SlackHarness,
  startSlackHarness,
  typeCommand,
} from './support.js';

type Call = SlackHarness['api']['calls'][number];

/** The Home tabs published for `user` in these calls. */
function homesPublished(calls: Call[], user: string): { blocks: unknown[] }[] {
  return calls
    .filter((c) => c.method === 'views.publish' && c.body.user_id === user)
    .map((c) => c.body.view as { type: string; blocks: unknown[] })
    .filter((v) => v.type === 'home');
}

describe('the Slack App Home', () => {
  let h: SlackHarness;
  let clicks = 0;
  /** Presses a button that runs `/plc <value>`, on the Home tab (channel null) or in a message in a channel. */
  const press = (user: string, value: string, where: { channel: string; name: string } | null, homeBlocks?: unknown[]) => {
    const actionTs = `1788000300.${String(++clicks * 5).padStart(6, '0')}`;
    const payload = where
      ? buttonPress({
          user,
          channel: where.channel,
          channelName: where.name,
          value,
          actionTs,
          responseUrl: h.api.responseUrl(`home${clicks}`),
        })
      : buttonPress({ user, channel: null, value, actionTs, homeBlocks });
    return deliverSigned(h, interactivityBody(payload), 'application/x-www-form-urlencoded');
  };

  beforeAll(async () => {
    h = await startSlackHarness();
    await typeCommand(h, { user: 'UCARLA', channel: 'CMATH', channelName: 'math', text: 'create Math' });
    await typeCommand(h, { user: 'UCARLA', channel: 'CSCIENCE', channelName: 'science', text: 'create Science' });
  });
  afterAll(async () => {
    await h.close();
  });

  it('shows a community joined from a Home button on the Home at once, and still answers the person', async () => {
    const opened = await deliverSigned(
      h,
      eventBody({ type: 'app_home_opened', user: 'UDAN', channel: 'DDAN', tab: 'home' }),
      'application/json',
    );
    const [before] = homesPublished(opened.calls, 'UDAN');
    expect(blocksText(before?.blocks)).toContain('You are not in a community yet');

    const { status, calls } = await press('UDAN', 'join Math', null, before?.blocks);
    expect(status).toBe(200);
    const after = homesPublished(calls, 'UDAN').map((v) => blocksText(v.blocks));
    expect(after).toHaveLength(1);
    expect(after[0]).toContain('Math · member');
    expect(after[0]).not.toContain('You are not in a community yet');
    // The answer itself goes where it went before: a DM, as the Home has no response_url.
    const dm = calls.find((c) => c.method === 'chat.postMessage' && c.body.channel === 'UDAN');
    expect(blocksText(dm?.body.blocks)).toContain('Welcome to Math!');
  });

  it('leaves the Home alone when a button in a channel message is pressed', async () => {
    const { calls } = await press('UDAN', 'join Science', { channel: 'CSCIENCE', name: 'science' });
    expect(blocksText(calls.find((c) => c.method === 'respond')?.body.blocks)).toContain('Welcome to Science!');
    expect(homesPublished(calls, 'UDAN')).toEqual([]);
  });
});
