import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse } from 'node:querystring';
import { type BufferedIncomingMessage, type HTTPReceiver, HTTPModuleFunctions as http } from '@slack/bolt';
import type { Logger } from '../../src/log.js';
import { readBody } from '../http/body.js';
import type { RouteHandler } from '../http/server.js';
import { payloadProblem } from './payload.js';
import { hasKind, unreadableBody } from './shape.js';

/**
 * The most /slack/events reads of one request. Slack's largest bodies are interactions that echo a whole
 * view or message back (100 blocks at most), form-encoded; a few hundred KB leaves room for that in
 * Arabic, whose characters percent-encode to six bytes each. Bolt's own limit is 4 MB.
 */
export const SLACK_BODY_LIMIT = 512 * 1024;

/** How far a request's timestamp may be from our clock, either way (Slack's own rule is five minutes in the past). */
export const SLACK_CLOCK_SKEW_S = 5 * 60;

/** Signed requests let in before, by signature; a second sighting is a replay. */
export interface ReplayLedger {
  firstSeen(signature: string, now: number): boolean;
}

export interface SlackGuardOptions {
  signingSecret: string;
  /** Bolt's own receiver: every request the guard lets in goes to its request listener. */
  receiver: Pick<HTTPReceiver, 'requestListener'>;
  seen: ReplayLedger;
  log: Logger;
  /** Milliseconds since the epoch; Slack's timestamps are real time, whatever clock the app runs on. */
  now?: () => number;
}

type Refusal = { status: 400 | 401; reason: string } | { status: 200; reason: 'replayed' };

/**
 * What stands in front of Bolt's HTTPReceiver on /slack/events. It reads the body (at most
 * SLACK_BODY_LIMIT, within the server's requestTimeout), refuses a timestamp more than five minutes off either
 * way, a bad signature, a body that is not one Slack sends (`null`, which crashed Bolt's receiver, or a
 * command with nobody's name on it), and a signed request seen before. What passes goes to Bolt with
 * its raw body as `req.rawBody`, which Bolt reuses instead of reading the stream again; Bolt then checks
 * the signature again and does everything else (SSL checks, URL verification, the ack, OAuth pages).
 */
export function slackGuard(opts: SlackGuardOptions): RouteHandler {
  const now = opts.now ?? Date.now;
  return async (req, res) => {
    // The OAuth pages are GETs, which the server lets through only without a body.
    if (req.method !== 'POST') return toBolt(opts.receiver, req, res);
    const raw = await readBody(req, SLACK_BODY_LIMIT);
    const refusal = check(opts.signingSecret, opts.seen, req, raw, now());
    if (refusal && refusal !== 'ssl check') {
      opts.log.warn({ status: refusal.status, reason: refusal.reason }, 'slack request refused');
      res.writeHead(refusal.status).end();
      return;
    }
    // An SSL check is let in unsigned, so nothing sent beside it may reach Bolt (which no longer checks signatures).
    (req as BufferedIncomingMessage).rawBody = refusal === null ? raw : SSL_CHECK;
    // Whatever Bolt answers here is JSON or empty. Typed now, an ack may be JSON text serialized once for many
    // requests (the listeners' acksAsText), which Bolt writes as given; Bolt's own answers keep their type.
    res.setHeader('content-type', 'application/json');
    return toBolt(opts.receiver, req, res);
  };
}

/** What an SSL check's body becomes before Bolt reads it: the check alone. */
const SSL_CHECK = Buffer.from('ssl_check=1');

/** Why a request is refused; `ssl check` for Slack's unsigned SSL check, let in as the check alone; null for a signed request let in. */
function check(signingSecret: string, seen: ReplayLedger, req: IncomingMessage, raw: Buffer, now: number): Refusal | 'ssl check' | null {
  const text = raw.toString();
  const form = req.headers['content-type'] === 'application/x-www-form-urlencoded';
  // Slack's SSL check comes unsigned; Bolt answers it, and the guard drops anything else sent with it.
  if (form && text.includes('ssl_check=') && parse(text).ssl_check === '1') return 'ssl check';

  const timestamp = header(req, 'x-slack-request-timestamp');
  const signature = header(req, 'x-slack-signature');
  if (!timestamp || !/^\d{1,12}$/.test(timestamp) || !signature) return { status: 401, reason: 'not signed' };
  if (Math.abs(now / 1000 - Number(timestamp)) > SLACK_CLOCK_SKEW_S) return { status: 401, reason: 'timestamp over five minutes off' };
  const hash = signedHash(signingSecret, timestamp, text, signature);
  if (!hash) return { status: 401, reason: 'signature mismatch' };

  // Parsed exactly as Bolt will parse it, so what is checked here is what Bolt's listeners get.
  let body: unknown;
  try {
    body = http.parseHTTPRequestBody({ rawBody: raw, headers: req.headers } as BufferedIncomingMessage);
  } catch {
    return { status: 400, reason: 'malformed body' };
  }
  // A slash command, by far the busiest kind, is read in full by payloadProblem (command, team and user as text);
  // the field-by-field check and the kind are for everything else.
  const command = typeof body === 'object' && body !== null && 'command' in body;
  const problem =
    payloadProblem(body) ?? (command ? null : (unreadableBody(body) ?? (hasKind(body) ? null : 'a body of no kind Slack sends')));
  if (problem) return { status: 400, reason: problem };

  // Answered as handled, so a proxy or Slack resending a request it thinks was lost does not try again.
  if (!seen.firstSeen(hash, now)) return { status: 200, reason: 'replayed' };
  return null;
}

/**
 * Slack's v0 signature (`v0=` and the hex HMAC-SHA256 of `v0:<timestamp>:<body>`): the HMAC when the header
 * holds it, else null. Bolt checks the same again, its way (tsscmp: three HMACs and random bytes, four times this).
 */
function signedHash(secret: string, timestamp: string, body: string, header: string): string | null {
  const hash = createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex');
  const given = Buffer.from(header);
  const expected = Buffer.from(`v0=${hash}`);
  return given.length === expected.length && timingSafeEqual(given, expected) ? hash : null;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}

/** Hands a request to Bolt's receiver; settles once the response is closed, so the server's count of requests in flight stays true. */
function toBolt(receiver: SlackGuardOptions['receiver'], req: IncomingMessage, res: ServerResponse): Promise<void> {
  return new Promise<void>((resolve) => {
    res.once('close', resolve);
    receiver.requestListener(req, res);
  });
}
