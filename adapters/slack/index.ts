import type { App } from '../../src/app.js';
import type { HttpServer } from '../http/server.js';

/** Starts the Slack adapter on the shared HTTP server; resolves with what stops it. */
export async function startSlack(app: App, _http: HttpServer): Promise<() => Promise<void>> {
  app.log.error('the Slack adapter is not built yet');
  throw new Error('The Slack adapter is not available in this build.');
}
