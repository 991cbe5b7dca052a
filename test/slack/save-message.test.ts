import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askerText, deliverSigned, interactivityBody, type SlackHarness, startSlackHarness, TEAM, typeCommand } from './support.js';

/** A "Save to PLC library" message shortcut as Slack posts it (form-encoded, one `payload` field of JSON). */
function saveShortcut(
  h: SlackHarness,
  p: { user: string; channel: string; channelName: string; author?: string; text: string; ts: string },
) {
  return interactivityBody({
    type: 'message_action',
    callback_id: 'save_to_library',
    trigger_id: `1337.42.${p.ts}`,
    response_url: h.api.responseUrl(`save${p.ts}`),
    team: { id: TEAM, domain: 'school' },
    user: { id: p.user, name: p.user.toLowerCase(), team_id: TEAM },
    channel: { id: p.channel, name: p.channelName },
    message: { type: 'message', ...(p.author ? { user: p.author } : {}), ts: p.ts, text: p.text },
    message_ts: p.ts,
    action_ts: `${p.ts}1`,
    token: 'verification-token-unused',
  });
}

describe('Slack: Save to PLC library', () => {
  let h: SlackHarness;
  const say = (user: string, text: string) => typeCommand(h, { user, channel: 'CMATH', channelName: 'math', text });
  const save = async (p: Parameters<typeof saveShortcut>[1]) => {
    const { status, calls } = await deliverSigned(h, saveShortcut(h, p), 'application/x-www-form-urlencoded');
    expect(status).toBe(200);
    return askerText(calls);
  };

  beforeAll(async () => {
    h = await startSlackHarness();
    await say('UCARLA', 'create Math');
    await say('UANA', 'join');
    await say('UBEN', 'join');
  });
  afterAll(async () => {
    await h.close();
  });

  it('saves a message of the community’s channel, crediting its author and the saver; the author may remove it', async () => {
    const answer = await save({
      user: 'UBEN',
      channel: 'CMATH',
      channelName: 'math',
      author: 'UANA',
      text: 'Try <https://example.org/exit|exit tickets> &amp; number talks #fractions',
      ts: '1788000000.000300',
    });
    expect(answer).toMatch(/The message is saved in the library of Math as #\d+\./);
    const ref = /#(\d+)/.exec(answer)?.[1];
    const list = askerText((await say('UBEN', 'resources #fractions')).calls);
    expect(list).toContain('Try https://example.org/exit &amp; number talks #fractions');
    expect(list).toMatch(/a message by \w+, saved by \w+/);
    expect(askerText((await say('UANA', `resource remove #${ref}`)).calls)).toContain(`#${ref} is removed from the library.`);
  });

  it('refuses a message of a direct message or of a channel that is no community’s, and keeps nothing', async () => {
    const before = h.app.store.db.prepare('SELECT COUNT(*) AS n FROM knowledge_resources').get();
    const inDm = await save({
      user: 'UBEN',
      channel: 'DBEN',
      channelName: 'directmessage',
      author: 'UANA',
      text: 'private words',
      ts: '1788000001.000100',
    });
    expect(inDm).toContain('Only messages in a community’s own channel can be saved');
    const elsewhere = await save({
      user: 'UBEN',
      channel: 'CRANDOM',
      channelName: 'random',
      author: 'UANA',
      text: 'other words',
      ts: '1788000002.000100',
    });
    expect(elsewhere).toContain('Only messages in a community’s own channel can be saved');
    expect(h.app.store.db.prepare('SELECT COUNT(*) AS n FROM knowledge_resources').get()).toEqual(before);
  });

  it('refuses a message with a javascript: link, in the saver’s words', async () => {
    const answer = await save({
      user: 'UBEN',
      channel: 'CMATH',
      channelName: 'math',
      author: 'UANA',
      text: 'click javascript:alert(1)',
      ts: '1788000003.000100',
    });
    expect(answer).toContain('not a “javascript:” link');
  });
});
