import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { App } from '../../src/app.js';
import type { Metrics } from '../../src/metrics.js';
import { HttpServer } from './server.js';

/**
 * `/metrics` in Prometheus' text format, never public. On the shared server it answers only a request that
 * carries `METRICS_TOKEN` as a bearer token; with `METRICS_PORT` it has a server of its own that listens on
 * 127.0.0.1 alone, for a scraper on the same host, and needs no token there. With neither set there is no
 * /metrics at all. Returns the server of its own, if one was started.
 */
export async function serveMetrics(app: App, http: HttpServer | null): Promise<MetricsServer | null> {
  const { METRICS_TOKEN: token, METRICS_PORT: port } = app.config;
  if (!token && port === undefined) return null;
  app.metrics.withProcessMetrics();
  if (token && http) http.route('GET', '/metrics', (req, res) => answer(app.metrics, req, res, token));
  if (port === undefined) return null;
  const local = new HttpServer({ log: app.log, healthy: () => app.store.db.open });
  local.route('GET', '/metrics', (req, res) => answer(app.metrics, req, res, null));
  const bound = await local.listen(port, '127.0.0.1');
  app.log.info({ port: bound }, 'metrics listening on 127.0.0.1');
  return { port: bound, stop: () => local.close() };
}

/** The metrics server of its own, on 127.0.0.1. */
export interface MetricsServer {
  port: number;
  stop(): Promise<void>;
}

async function answer(metrics: Metrics, req: IncomingMessage, res: ServerResponse, token: string | null): Promise<void> {
  if (token !== null && !bearerIs(req.headers.authorization, token)) {
    res.writeHead(401, { 'content-type': 'text/plain', 'www-authenticate': 'Bearer realm="metrics"' }).end('unauthorized');
    return;
  }
  const body = await metrics.text();
  res.writeHead(200, { 'content-type': metrics.contentType, 'cache-control': 'no-store' }).end(body);
}

/** Compares in constant time, so the token cannot be guessed from how fast a wrong one is refused. */
function bearerIs(header: string | undefined, token: string): boolean {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  if (!m) return false;
  const given = Buffer.from(m[1] as string);
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}
