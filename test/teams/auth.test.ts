import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { HttpServer } from '../../adapters/http/server.js';
import { TeamsConfigError } from '../../adapters/teams/errors.js';
import { createTeams } from '../../adapters/teams/index.js';
import { testApp } from '../support/app.js';
import { message, posted, teamsHarness } from './harness.js';

const REGISTERED = {
  MICROSOFT_APP_ID: '11111111-2222-3333-4444-555555555555',
  MICROSOFT_APP_PASSWORD: 'not-a-real-secret',
  MICROSOFT_APP_TENANT_ID: '66666666-7777-8888-9999-000000000000',
  MICROSOFT_APP_TYPE: 'SingleTenant',
};

describe('Teams authentication', () => {
  it('answers 401 to a request without a Bot Framework token when authentication is on', async () => {
    const h = await teamsHarness(REGISTERED);
    try {
      const res = await h.post(message(h.connector.url, { name: 'ana' }, { personal: true }, 'plc help'));
      expect(res.status).toBe(401);
      expect(posted(h.connector.take())).toHaveLength(0);
    } finally {
      await h.close();
    }
  });

  it('refuses to start without an app id in production', async () => {
    const app = testApp({ env: { ADAPTERS: 'teams', NODE_ENV: 'production' } });
    try {
      expect(() => createTeams(app, new HttpServer({ log: pino({ level: 'silent' }), healthy: () => true }))).toThrow(TeamsConfigError);
    } finally {
      await app.dispose();
    }
  });

  it('refuses a single-tenant registration without its tenant id', async () => {
    const { MICROSOFT_APP_TENANT_ID: _omit, ...env } = REGISTERED;
    const app = testApp({ env: { ADAPTERS: 'teams', ...env } });
    try {
      expect(() => createTeams(app, new HttpServer({ log: pino({ level: 'silent' }), healthy: () => true }))).toThrow(
        /MICROSOFT_APP_TENANT_ID/,
      );
    } finally {
      await app.dispose();
    }
  });
});
