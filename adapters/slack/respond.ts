import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { SlackAdapterError, SlackErrorCode } from './errors.js';
import type { SlackMessage } from './render.js';

// Answers go to a handful of Slack hosts; keeping their connections open saves a TLS handshake per answer.
const httpAgent = new HttpAgent({ keepAlive: true, maxSockets: 64 });
const httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets: 64 });

export type ResponseMessage = SlackMessage & { response_type?: 'ephemeral' | 'in_channel'; replace_original?: boolean };

/**
 * How a failed response_url post is tried again. A response_url lives 30 minutes, but the person is
 * waiting for the answer, so the policy stays within well under a minute.
 */
export interface RespondRetry {
  /** Posts in all, the first included. */
  attempts: number;
  /** The wait before the first retry after a 5xx or a network error; it doubles on each retry. */
  backoffMs: number;
  /** The longest single wait; a Retry-After beyond it means Slack will not take the answer soon, so it is given up. */
  maxWaitMs: number;
  /** Waits; tests may replace it, production uses a timer. */
  sleep: (ms: number) => Promise<void>;
}

export const defaultRespondRetry: RespondRetry = {
  attempts: 4,
  backoffMs: 500,
  maxWaitMs: 10_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Posts an answer to a slash command's or button's `response_url` (valid for 30 minutes, 5 uses).
 * A plain keep-alive request: it is on the path of every command, and Bolt's axios-based `respond`
 * costs several times more CPU per answer.
 *
 * A 429 is waited out per Retry-After and a 5xx or network failure is retried after a backoff, so a
 * passing hiccup does not lose the person's answer; any other status (404 for an expired or used-up
 * URL, 400 for a malformed message) will not get better and fails at once. Rejects with a coded
 * SlackAdapterError once it gives up.
 */
export function respondTo(responseUrl: string, message: ResponseMessage, retry: RespondRetry = defaultRespondRetry): Promise<void> {
  const url = new URL(responseUrl);
  const body = JSON.stringify(message);
  return new Promise((resolve, reject) => post(url, body, 1, retry, resolve, reject));
}

/**
 * One POST. The happy path allocates what a bare request needs and no more: one settle function
 * serves the response's end and every error, and the retry state lives in plain arguments.
 */
function post(url: URL, body: string, attempt: number, retry: RespondRetry, resolve: () => void, reject: (e: Error) => void): void {
  const https = url.protocol === 'https:';
  let status = 0;
  let retryAfter: string | string[] | undefined;
  let failureText = '';
  let settled = false;
  const settle = (err?: Error) => {
    if (settled) return;
    settled = true;
    if (!err && status === 200) return resolve();
    void failed(url, body, attempt, retry, status, err ? undefined : retryAfter, failureText, err).then(resolve, reject);
  };
  const req = (https ? httpsRequest : httpRequest)(
    url,
    {
      method: 'POST',
      agent: https ? httpsAgent : httpAgent,
      headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) },
      timeout: 10_000,
    },
    (res) => {
      status = res.statusCode ?? 0;
      if (status === 200) res.resume();
      else {
        // Slack names the reason in the body (`expired_url`, `used_url`, `invalid_blocks`); keep a little of it for the log.
        retryAfter = res.headers['retry-after'];
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          if (failureText.length < 200) failureText += chunk;
        });
      }
      res.on('end', settle);
      res.on('error', settle);
    },
  );
  req.on('timeout', () => req.destroy(new Error('response_url timed out')));
  req.on('error', settle);
  req.end(body);
}

/** After a failed post: waits and posts again when the failure is transient and attempts remain, else rejects with a coded error. */
async function failed(
  url: URL,
  body: string,
  attempt: number,
  retry: RespondRetry,
  status: number,
  retryAfter: string | string[] | undefined,
  text: string,
  err: Error | undefined,
): Promise<void> {
  const wait = err || status >= 500 ? backoff(retry, attempt) : status === 429 ? retryAfterMs(retryAfter) : null;
  if (wait === null || wait > retry.maxWaitMs || attempt >= retry.attempts) throw giveUp(status, text, err, attempt);
  await retry.sleep(wait);
  return new Promise((resolve, reject) => post(url, body, attempt + 1, retry, resolve, reject));
}

/** Exponential backoff with jitter, so answers failed by one Slack outage do not all come back at the same instant. */
function backoff(retry: RespondRetry, attempt: number): number {
  const base = retry.backoffMs * 2 ** (attempt - 1);
  return Math.round(base / 2 + (Math.random() * base) / 2);
}

/** Retry-After in seconds (the form Slack sends), as milliseconds; one second when missing or unreadable. */
function retryAfterMs(header: string | string[] | undefined): number {
  const seconds = Number(Array.isArray(header) ? header[0] : header);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.ceil(seconds * 1000) : 1000;
}

/** The coded error for an answer given up on; the response_url itself is left out, as it grants posting to the person. */
function giveUp(status: number, text: string, err: Error | undefined, attempts: number): SlackAdapterError {
  const reason = text.trim().slice(0, 100) || undefined;
  const tries = `after ${attempts} attempt${attempts === 1 ? '' : 's'}`;
  if (err) return new SlackAdapterError(SlackErrorCode.Unknown, `response_url failed ${tries}: ${err.message}`);
  const code =
    status === 429
      ? SlackErrorCode.RateLimited
      : status === 404 || status === 410
        ? SlackErrorCode.NotFound
        : status === 401 || status === 403
          ? SlackErrorCode.Permission
          : SlackErrorCode.Unknown;
  return new SlackAdapterError(code, `response_url answered ${status} ${tries}${reason ? `: ${reason}` : ''}`, reason);
}
