import type { App } from '../../src/app.js';
import { summaryRepo } from '../../src/capabilities/summaries/index.js';
import type { HttpServer } from './server.js';

const TOKEN_PATH = /^\/charts\/([A-Za-z0-9_-]{16,128})\.png$/;

/**
 * Serves `GET /charts/<secret token>.png`, the summary charts that Slack and Teams fetch to show: an unknown
 * token is a plain 404, an expired one (seven days on) a 410, and the picture is never cached publicly.
 */
export function registerSummaryCharts(http: HttpServer, app: App): void {
  http.route('GET', '/charts/*', (req, res) => {
    const path = (req.url ?? '').split('?')[0] as string;
    const token = TOKEN_PATH.exec(path)?.[1];
    const found = token ? summaryRepo(app.store).chart(token, app.clock.now().getTime()) : { state: 'unknown' as const };
    if (found.state === 'expired') {
      res.writeHead(410, { 'content-type': 'text/plain' }).end('gone');
      return;
    }
    if (found.state !== 'found') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res
      .writeHead(200, {
        'content-type': 'image/png',
        'content-length': String(found.png.length),
        'cache-control': 'private, max-age=3600',
        'x-content-type-options': 'nosniff',
      })
      .end(found.png);
  });
}
