import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SlackAdapterError, SlackErrorCode } from '../../adapters/slack/errors.js';
import { defaultRespondRetry, type RespondRetry, respondTo } from '../../adapters/slack/respond.js';
import { SlackApiDouble } from '../doubles/slack-api.js';
import { askerText, type SlackHarness, startSlackHarness, typeCommand } from './support.js';

const answer = { response_type: 'ephemeral' as const, text: 'Math: 1 member', blocks: [] };
/** The real policy with short backoffs, so a 5xx retry costs milliseconds; Retry-After is still honoured in full. */
const quick: RespondRetry = { ...defaultRespondRetry, backoffMs: 5 };

describe('answers through a response_url', () => {
  let api: SlackApiDouble;
  let seq = 0;
  beforeAll(async () => {
    api = await new SlackApiDouble().start();
  });
  afterAll(async () => {
    await api.stop();
  });

  /** A fresh response_url and the double's calls to it. */
  function fresh() {
    const url = api.responseUrl(`r${++seq}`);
    const start = api.calls.length;
    return { url, calls: () => api.calls.slice(start).filter((c) => c.method === 'respond') };
  }

  it('waits out a 429 per Retry-After and delivers the answer once', async () => {
    const { url, calls } = fresh();
    api.rateLimit('respond', 1, 1);
    await respondTo(url, answer, quick);
    const [limited, delivered, ...more] = calls();
    expect(limited?.status).toBe(429);
    expect(delivered?.status).toBe(200);
    expect(more).toEqual([]);
    expect(delivered?.body).toEqual(answer);
    expect((delivered?.at ?? 0) - (limited?.at ?? 0)).toBeGreaterThanOrEqual(1000);
  });

  it('retries a 5xx and delivers the answer once', async () => {
    const { url, calls } = fresh();
    api.answerStatus('respond', 1, 500, 'internal_error');
    await respondTo(url, answer, quick);
    expect(calls().map((c) => c.status)).toEqual([500, 200]);
    expect(calls()[1]?.body).toEqual(answer);
  });

  it('gives up after a bounded number of attempts when Slack keeps failing', async () => {
    const { url, calls } = fresh();
    api.answerStatus('respond', 10, 503);
    const err = await respondTo(url, answer, quick).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SlackAdapterError);
    expect((err as SlackAdapterError).code).toBe(SlackErrorCode.Unknown);
    expect(calls().map((c) => c.status)).toEqual([503, 503, 503, 503]);
    api.answerStatus('respond', 0, 200);
  });

  it('never retries a 404 (an expired or used-up URL) and reports it as not found', async () => {
    const { url, calls } = fresh();
    api.answerStatus('respond', 1, 404, 'expired_url');
    const err = await respondTo(url, answer, quick).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SlackAdapterError);
    expect(err).toMatchObject({ code: SlackErrorCode.NotFound, slackError: 'expired_url' });
    expect((err as Error).message).not.toContain(url);
    expect(calls().map((c) => c.status)).toEqual([404]);
  });

  it('gives up at once on a Retry-After longer than the person should wait', async () => {
    const { url, calls } = fresh();
    api.rateLimit('respond', 1, 120);
    await expect(respondTo(url, answer, quick)).rejects.toMatchObject({ code: SlackErrorCode.RateLimited });
    expect(calls().map((c) => c.status)).toEqual([429]);
  });
});

describe('a slash command answer through a failing response_url', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
    h.api.users.set('UCARLA', { name: 'carla', locale: 'en-US', tz: 'Europe/Amsterdam' });
  });
  afterAll(async () => {
    await h.close();
  });

  it('acks at once, waits out the 429 after it, and the person gets the answer once', async () => {
    // A newcomer is looked up first, so the answer goes through the response_url rather than the ack.
    h.api.rateLimit('respond', 1, 1);
    const { status, calls } = await typeCommand(h, { user: 'UCARLA', channel: 'CMATH', channelName: 'math', text: 'create Math' });
    expect(status).toBe(200);
    const posts = calls.filter((c) => c.method === 'respond');
    const [limited, retried] = posts;
    expect(limited?.status).toBe(429);
    expect(retried?.status).toBe(200);
    expect(retried?.raw).toBe(limited?.raw);
    expect((retried?.at ?? 0) - (limited?.at ?? 0)).toBeGreaterThanOrEqual(1000);
    // Every later answer waited for the retried one, so the order holds, and nothing arrived twice.
    const delivered = posts.filter((c) => c.status === 200);
    expect(new Set(delivered.map((c) => c.raw)).size).toBe(delivered.length);
    expect(askerText(delivered)).toContain('Community Math is ready, and you are its lead.');
  });

  it('logs an expired response_url with its code and does not retry it', async () => {
    h.api.users.set('UANA', { name: 'ana', locale: 'en-US', tz: 'Europe/Berlin' });
    const logged = vi.spyOn(h.app.log, 'error');
    h.api.answerStatus('respond', 1, 404, 'expired_url');
    const { calls } = await typeCommand(h, { user: 'UANA', channel: 'CMATH', channelName: 'math', text: 'join' });
    expect(calls.filter((c) => c.method === 'respond').map((c) => c.status)).toEqual([404]);
    const errors = logged.mock.calls.map(([fields]) => (fields as { err?: unknown }).err);
    expect(errors).toContainEqual(expect.objectContaining({ code: SlackErrorCode.NotFound, slackError: 'expired_url' }));
    logged.mockRestore();
  });
});
