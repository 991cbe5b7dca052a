import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlackErrorCode } from '../../adapters/slack/errors.js';
import { RecipientGoneError } from '../../src/ports.js';
import type { View } from '../../src/views/view.js';
import { blocksText, type SlackHarness, startSlackHarness, TEAM } from './support.js';

const school = { platform: 'slack' as const, externalId: TEAM };
const say = (text: string): View => ({ locale: 'en', dir: 'ltr', summary: text, blocks: [{ type: 'text', text }] });

describe('the Slack messenger', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('DMs a person and can update that DM later', async () => {
    const sent = await h.adapter.messenger.send(school, { kind: 'user', user: 'UANA' }, say('Your observation is on Thursday.'));
    expect(sent).toEqual({ conversation: 'DANA', message: expect.any(String) });
    await h.adapter.messenger.update(school, sent as NonNullable<typeof sent>, say('Your observation moved to Friday.'));
    const update = h.api.of('chat.update').at(-1);
    expect(update?.body).toMatchObject({ channel: 'DANA', ts: sent?.message });
    expect(blocksText(update?.body.blocks)).toBe('Your observation moved to Friday.');
    expect(update?.token).toBe('xoxb-school');
  });

  it('replies in a thread when the core names one', async () => {
    await h.adapter.messenger.send(school, { kind: 'channel', channel: 'CMATH', thread: '1788000000.000100' }, say('Notes are up.'));
    expect(h.api.of('chat.postMessage').at(-1)?.body).toMatchObject({ channel: 'CMATH', thread_ts: '1788000000.000100' });
  });

  it('waits out a 429 for its Retry-After and then delivers the message', async () => {
    h.api.rateLimit('chat.postMessage', 1, 1);
    const before = h.api.of('chat.postMessage').length;
    const sent = await h.adapter.messenger.send(school, { kind: 'channel', channel: 'CMATH' }, say('Reminder: meeting at 15:30'));
    const attempts = h.api.of('chat.postMessage').slice(before);
    expect(attempts.map((c) => c.status)).toEqual([429, 200]);
    expect((attempts[1]?.at ?? 0) - (attempts[0]?.at ?? 0)).toBeGreaterThanOrEqual(1000);
    expect(sent?.conversation).toBe('CMATH');
  });

  it('delivers every post of a burst to one channel, in order', async () => {
    const before = h.api.of('chat.postMessage').length;
    await Promise.all(
      Array.from({ length: 12 }, (_, i) => h.adapter.messenger.send(school, { kind: 'channel', channel: 'CBURST' }, say(`post ${i}`))),
    );
    const posted = h.api
      .of('chat.postMessage')
      .slice(before)
      .map((c) => blocksText(c.body.blocks));
    expect(posted).toEqual(Array.from({ length: 12 }, (_, i) => `post ${i}`));
  });

  it('reports a channel the bot was removed from as a recipient that is gone', async () => {
    h.api.fail('chat.postMessage', 'channel_not_found');
    await expect(h.adapter.messenger.send(school, { kind: 'channel', channel: 'CGONE' }, say('hello'))).rejects.toBeInstanceOf(
      RecipientGoneError,
    );
    h.api.succeed('chat.postMessage');
  });

  it('reports a message that was deleted as gone when it is updated, so it is forgotten', async () => {
    h.api.fail('chat.update', 'message_not_found');
    await expect(
      h.adapter.messenger.update(school, { conversation: 'CMATH', message: '1700000000.000100' }, say('updated')),
    ).rejects.toBeInstanceOf(RecipientGoneError);
    h.api.succeed('chat.update');
  });

  it('uploads an export with the external upload flow', async () => {
    const csv = 'date,attended\n2026-09-08,7\n';
    const fileId = await h.adapter.messenger.upload(
      school,
      { kind: 'user', user: 'UANA' },
      { filename: 'math.csv', content: csv, title: 'Math export' },
    );
    const flow = h.api.calls.filter((c) =>
      ['conversations.open', 'files.getUploadURLExternal', 'upload', 'files.completeUploadExternal'].includes(c.method),
    );
    expect(flow.map((c) => c.method)).toEqual([
      'conversations.open',
      'files.getUploadURLExternal',
      'upload',
      'files.completeUploadExternal',
    ]);
    expect(flow[1]?.body).toMatchObject({ filename: 'math.csv', length: String(Buffer.byteLength(csv)) });
    expect(flow[2]?.file?.toString('utf8')).toBe(csv);
    expect(h.api.files.get(fileId)).toMatchObject({ filename: 'math.csv', channel: 'DANA', title: 'Math export' });
    expect(flow[3]?.body).toMatchObject({ channel_id: 'DANA', files: [{ id: fileId, title: 'Math export' }] });
  });

  it('turns a refused upload into a coded error', async () => {
    h.api.fail('files.getUploadURLExternal', 'missing_scope');
    await expect(
      h.adapter.messenger.upload(school, { kind: 'channel', channel: 'CMATH' }, { filename: 'x.json', content: '{}' }),
    ).rejects.toMatchObject({ code: SlackErrorCode.Upload });
  });
});
