import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../../src/log.js';
import { HttpErrorCode, HttpRequestError, isHttpRequestError } from './errors.js';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

interface Route {
  method: string;
  match: (path: string) => boolean;
  handler: RouteHandler;
}

/**
 * The process's one HTTP server: Slack, Teams and the calendar feed each add routes, and
 * `/healthz` answers 200 while the database is reachable. Lives with the adapters, never in the core.
 */
export class HttpServer {
  readonly #routes: Route[] = [];
  readonly #reports = new Map<string, () => string>();
  readonly #server: Server;
  /** Requests being handled, counted rather than kept: `close()` only needs to know when none is left. */
  #inFlight = 0;
  readonly #drained: (() => void)[] = [];
  readonly #finished = () => {
    if (--this.#inFlight === 0) for (const resolve of this.#drained.splice(0)) resolve();
  };

  constructor(private readonly opts: { log: Logger; healthy: () => boolean; timeouts?: Partial<ServerTimeouts> }) {
    const timeouts = { ...SERVER_TIMEOUTS, ...opts.timeouts };
    this.#server = createServer(timeouts, (req, res) => {
      this.#inFlight++;
      // #dispatch answers its own errors, so it settles once the handler is done, either way.
      void this.#dispatch(req, res).then(this.#finished, this.#finished);
    });
    this.#server.keepAliveTimeout = 65_000;
    this.route('GET', '/healthz', (_req, res) => {
      const ok = this.opts.healthy();
      const body: Record<string, unknown> = { ok };
      for (const [name, describe] of this.#reports) body[name] = describe();
      // Only the database decides the status code: a supervisor restarting the bot would not fix a bad token.
      res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
  }

  /** Adds a named line to /healthz's body (`"slack": "token rejected"`) for an admin to read; it never changes the status code. */
  report(name: string, describe: () => string): void {
    if (name === 'ok') throw new Error('"ok" is the database\'s own line in /healthz');
    this.#reports.set(name, describe);
  }

  /** Adds a route: an exact path, or a prefix ending in `*` (`/slack/*`). */
  route(method: string, path: string, handler: RouteHandler): void {
    const match = path.endsWith('*') ? (p: string) => p.startsWith(path.slice(0, -1)) : (p: string) => p === path;
    this.#routes.push({ method: method.toUpperCase(), match, handler });
  }

  async #dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = req.url ?? '/';
    const query = url.indexOf('?');
    const path = query < 0 ? url : url.slice(0, query);
    const route = this.#routes.find((r) => (r.method === req.method || r.method === '*') && r.match(path));
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    try {
      // No route here takes a body with a GET; a body there is someone else's traffic, not read at all.
      if ((req.method === 'GET' || req.method === 'HEAD') && hasBody(req))
        throw new HttpRequestError(HttpErrorCode.BodyNotAllowed, `${req.method} ${path} takes no body`);
      await route.handler(req, res);
    } catch (err) {
      if (isHttpRequestError(err)) {
        this.opts.log.warn({ code: err.code, path }, err.message);
        // Closing the connection is what stops the rest of a refused body from being read.
        if (!res.headersSent) res.writeHead(err.status, { 'content-type': 'text/plain', connection: 'close' });
        if (!res.writableEnded) res.end(err.message);
        return;
      }
      this.opts.log.error({ err, path }, 'http handler failed');
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      if (!res.writableEnded) res.end('internal error');
    }
  }

  /**
   * Starts listening on `host` (the HOST setting: every interface is `0.0.0.0`, this machine only `127.0.0.1`);
   * resolves with the port (useful with port 0 in tests). The address is always named, never assumed.
   */
  listen(port: number, host: string): Promise<number> {
    return new Promise((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(port, host, () => resolve((this.#server.address() as AddressInfo).port));
    });
  }

  /** Stops taking requests and waits for those in flight. */
  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.#server.close(() => resolve()));
    this.#server.closeIdleConnections();
    if (this.#inFlight > 0) await new Promise<void>((resolve) => this.#drained.push(resolve));
    await closed;
  }
}

/**
 * How long a client may take: its headers within `headersTimeout`, the whole request within `requestTimeout`
 * (so a body within about five seconds more; platforms send theirs in well under one). Node answers 408 and
 * closes a connection past either, looking every `connectionsCheckingInterval`: its default, 30 s, would let
 * a slow client hold on that long.
 */
export interface ServerTimeouts {
  headersTimeout: number;
  requestTimeout: number;
  connectionsCheckingInterval: number;
}

export const SERVER_TIMEOUTS: ServerTimeouts = {
  headersTimeout: 5_000,
  requestTimeout: 10_000,
  connectionsCheckingInterval: 1_000,
};

function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return (length !== undefined && length !== '0') || req.headers['transfer-encoding'] !== undefined;
}
