import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the double received: a Web API method, a response_url post or a file upload. */
export interface SlackCall {
  /** The Web API method (`chat.postMessage`), or `respond` (a response_url) or `upload` (an upload URL). */
  method: string;
  /** The bot token from the Authorization header, if any. */
  token: string | null;
  body: Record<string, unknown>;
  /** The request body as text (for uploads, the whole multipart body). */
  raw: string;
  /** For an upload: the file's bytes, out of the multipart body `files.uploadV2` posts (or the raw body). */
  file?: Buffer;
  /** When it arrived (performance.now()), to check that Retry-After was respected. */
  at: number;
  /** The HTTP status the double answered with; 0 when it cut the connection off (`offline`). */
  status: number;
  /** The JSON the double answered with (a posted message's `ts` and `channel`), when it answered JSON. */
  answer?: Record<string, unknown>;
}

/** A person as `users.info` describes them. */
export interface DoubleUser {
  name: string;
  locale?: string;
  tz?: string;
  deleted?: boolean;
}

/** What `oauth.v2.access` answers for one authorization code. */
export interface DoubleInstall {
  teamId: string;
  teamName: string;
  userId: string;
  botToken: string;
}

/**
 * A local stand-in for Slack's Web API on 127.0.0.1: records every call and answers the way Slack
 * does (`{ ok: true, … }`, channel ids for DMs, message timestamps), with 429s and errors on demand.
 */
export class SlackApiDouble {
  readonly calls: SlackCall[] = [];
  readonly users = new Map<string, DoubleUser>();
  /** Ids Slack knows no one by: `users.info` answers `user_not_found` (every other id is someone). */
  readonly strangers = new Set<string>();
  readonly installs = new Map<string, DoubleInstall>();
  /** Which team each bot token belongs to (`auth.test`). */
  readonly tokenTeams = new Map<string, string>();
  readonly #rateLimits = new Map<string, { times: number; retryAfter: number }>();
  readonly #failures = new Map<string, string>();
  readonly #statuses = new Map<string, { times: number; status: number; body: string }>();
  /** Files by id, from `files.getUploadURLExternal` on: what was announced, what was posted, where it was shared. */
  readonly files = new Map<
    string,
    { filename: string; length: number; bytes: Buffer | null; channel: string | null; title: string | null }
  >();
  #server: Server | null = null;
  #ts = 1_788_000_000_000;
  url = '';

  /** The base URL to give Bolt as SLACK_API_URL. */
  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  /** A response_url that records what is posted to it. */
  responseUrl(id: string | number): string {
    return `${this.url}/respond/${id}`;
  }

  async start(): Promise<this> {
    this.#server = createServer((req, res) => void this.#handle(req, res));
    await new Promise<void>((resolve) => this.#server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.#server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The next `times` calls of `method` answer 429 with `Retry-After: retryAfter` seconds. */
  rateLimit(method: string, times: number, retryAfter: number): void {
    this.#rateLimits.set(method, { times, retryAfter });
  }

  /** The next `times` calls of `method` answer HTTP `status` with `body` as plain text (a 5xx, or a response_url's 404 `expired_url`). */
  answerStatus(method: string, times: number, status: number, body = ''): void {
    this.#statuses.set(method, { times, status, body });
  }

  /** Every later call of `method` answers `{ ok: false, error }`. */
  fail(method: string, error: string): void {
    this.#failures.set(method, error);
  }

  /** `method` answers normally again. */
  succeed(method: string): void {
    this.#failures.delete(method);
  }

  /**
   * While true, every Web API call (`/api/…`) is cut off before any answer, as when Slack is out of reach;
   * response_urls still answer, since Slack posts those to its own hooks host.
   */
  offline = false;

  /** The calls of one method, in order. */
  of(method: string): SlackCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const bytes = await readAll(req);
    const raw = bytes.toString('utf8');
    const path = (req.url ?? '/').split('?')[0] as string;
    const auth = req.headers.authorization;
    const call: SlackCall = {
      method: methodOf(path),
      token: auth?.startsWith('Bearer ') ? auth.slice(7) : null,
      body: parseBody(raw, req.headers['content-type'] ?? ''),
      raw,
      at: performance.now(),
      status: 200,
    };
    if (typeof call.body.token === 'string' && !call.token) call.token = call.body.token;
    this.calls.push(call);
    if (this.offline && path.startsWith('/api/')) {
      call.status = 0;
      req.socket.destroy();
      return;
    }
    const limit = this.#rateLimits.get(call.method);
    if (limit && limit.times > 0) {
      limit.times--;
      call.status = 429;
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(limit.retryAfter) });
      res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
      return;
    }
    const answer = this.#statuses.get(call.method);
    if (answer && answer.times > 0) {
      answer.times--;
      call.status = answer.status;
      res.writeHead(answer.status, { 'content-type': 'text/plain' }).end(answer.body);
      return;
    }
    if (call.method === 'upload') return this.#upload(call, path, bytes, req.headers['content-type'] ?? '', res);
    const failure = this.#failures.get(call.method);
    const payload = failure ? { ok: false, error: failure } : this.#answer(call);
    call.answer = payload;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
  }

  /** The WebSocket URL `apps.connections.open` answers (Socket Mode), e.g. a local SlackSocketDouble's. */
  socketUrl = '';

  #answer(call: SlackCall): Record<string, unknown> {
    const b = call.body;
    switch (call.method) {
      case 'apps.connections.open':
        return { ok: true, url: this.socketUrl };
      case 'auth.test': {
        const team = (call.token && this.tokenTeams.get(call.token)) ?? 'T0SCHOOL';
        return { ok: true, url: 'https://school.slack.com/', team: 'School', user: 'plc', team_id: team, user_id: 'UBOT', bot_id: 'BBOT' };
      }
      case 'users.info': {
        const id = String(b.user);
        if (this.strangers.has(id)) return { ok: false, error: 'user_not_found' };
        const u = this.users.get(id) ?? { name: id.toLowerCase() };
        return {
          ok: true,
          user: {
            id,
            name: u.name,
            real_name: u.name,
            deleted: u.deleted ?? false,
            tz: u.tz ?? 'UTC',
            locale: u.locale ?? 'en-US',
            profile: { display_name: u.name, real_name: u.name },
          },
        };
      }
      case 'chat.postMessage': {
        const channel = String(b.channel);
        return {
          ok: true,
          channel: channel.startsWith('U') ? `D${channel.slice(1)}` : channel,
          ts: this.#nextTs(),
          message: { text: b.text },
        };
      }
      case 'chat.update':
        return { ok: true, channel: b.channel, ts: b.ts };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: this.#nextTs() };
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(b.users).slice(1)}` } };
      case 'views.open':
      case 'views.publish':
        return { ok: true, view: { id: `V${this.calls.length}` } };
      case 'files.getUploadURLExternal': {
        const length = Number(b.length);
        if (typeof b.filename !== 'string' || !b.filename || !Number.isInteger(length) || length <= 0)
          return { ok: false, error: 'invalid_arguments' };
        const id = `F0${String(this.calls.length).padStart(8, '0')}`;
        this.files.set(id, { filename: b.filename, length, bytes: null, channel: null, title: null });
        return { ok: true, upload_url: `${this.url}/upload/v1/${id}`, file_id: id };
      }
      case 'files.completeUploadExternal': {
        const files = Array.isArray(b.files) ? (b.files as { id?: string; title?: string }[]) : [];
        const known = files.map((f) => ({ f, held: f.id ? this.files.get(f.id) : undefined }));
        if (files.length === 0 || known.some((k) => !k.held?.bytes)) return { ok: false, error: 'file_not_found' };
        const channel = typeof b.channel_id === 'string' ? b.channel_id : null;
        return {
          ok: true,
          files: known.map(({ f, held }) => {
            if (held) Object.assign(held, { channel, title: f.title ?? held.filename });
            return { id: f.id, title: f.title ?? held?.filename, name: held?.filename, size: held?.length };
          }),
        };
      }
      case 'oauth.v2.access': {
        const install = this.installs.get(String(b.code));
        if (!install) return { ok: false, error: 'invalid_code' };
        this.tokenTeams.set(install.botToken, install.teamId);
        return {
          ok: true,
          app_id: 'A0PLC',
          authed_user: { id: install.userId },
          scope: 'commands,chat:write',
          token_type: 'bot',
          access_token: install.botToken,
          bot_user_id: 'UBOT',
          team: { id: install.teamId, name: install.teamName },
          enterprise: null,
          is_enterprise_install: false,
        };
      }
      default:
        return { ok: true };
    }
  }

  /**
   * A post to an upload URL, as files.slack.com takes it: the bytes, raw or as multipart form data (what
   * `files.uploadV2` sends), answered `OK - <length>` in plain text; an unknown URL is a 404.
   */
  async #upload(call: SlackCall, path: string, bytes: Buffer, contentType: string, res: ServerResponse): Promise<void> {
    const held = this.files.get(path.split('/').pop() ?? '');
    if (!held) {
      call.status = 404;
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
      return;
    }
    let file = bytes;
    if (contentType.startsWith('multipart/form-data')) {
      const form = await new Response(new Uint8Array(bytes), { headers: { 'content-type': contentType } }).formData();
      const part = [...form.values()].find((v) => typeof v !== 'string') as Blob | undefined;
      file = part ? Buffer.from(await part.arrayBuffer()) : Buffer.alloc(0);
    }
    call.file = file;
    held.bytes = file;
    res.writeHead(200, { 'content-type': 'text/plain' }).end(`OK - ${file.length}`);
  }

  #nextTs(): string {
    this.#ts += 1;
    return `${Math.floor(this.#ts / 1000)}.${String(this.#ts % 1000).padStart(6, '0')}`;
  }
}

function methodOf(path: string): string {
  if (path.startsWith('/api/')) return path.slice('/api/'.length);
  if (path.startsWith('/respond/')) return 'respond';
  if (path.startsWith('/upload/')) return 'upload';
  return path;
}

/** Reads a Web API body: form-encoded (JSON-valued fields decoded, as Slack does) or JSON. */
function parseBody(raw: string, contentType: string): Record<string, unknown> {
  if (!raw) return {};
  if (contentType.includes('application/json')) {
    try {
      return JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return {};
    }
  }
  if (!contentType.includes('application/x-www-form-urlencoded')) return {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    out[k] = /^[[{]/.test(v) ? safeJson(v) : v;
  }
  return out;
}

function safeJson(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}
