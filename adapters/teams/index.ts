import type { App } from '../../src/app.js';
import type { HttpServer } from '../http/server.js';

/** Starts the Teams adapter on the shared HTTP server; resolves with what stops it. */
export async function startTeams(app: App, _http: HttpServer): Promise<() => Promise<void>> {
  app.log.error('the Teams adapter is not built yet');
  throw new Error('The Teams adapter is not available in this build.');
}
