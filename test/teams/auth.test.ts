import pino from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { HttpServer } from '../../adapters/http/server.js';
import { TeamsConfigError } from '../../adapters/teams/errors.js';
import { createTeams } from '../../adapters/teams/index.js';
import { BUTTON_VERB } from '../../adapters/teams/render.js';
import { BotFrameworkIdentityDouble, type Claims, type Signer } from '../doubles/openid.js';
import { testApp } from '../support/app.js';
import { activityText, cardAction, message, NOTHING_WRITTEN, posted, type TeamsHarness, teamsHarness, written } from './harness.js';

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

const APP_ID = REGISTERED.MICROSOFT_APP_ID;
/** The registration as botbuilder's settings name it. */
const SETTINGS = {
  MicrosoftAppId: APP_ID,
  MicrosoftAppPassword: REGISTERED.MICROSOFT_APP_PASSWORD,
  MicrosoftAppTenantId: REGISTERED.MICROSOFT_APP_TENANT_ID,
  MicrosoftAppType: REGISTERED.MICROSOFT_APP_TYPE,
};
/** An issuer botbuilder accepts as the Bot Framework Emulator's; such tokens carry no serviceurl claim. */
const EMULATOR_ISSUER = 'https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0';
const seconds = (fromNow: number) => Math.floor(Date.now() / 1000) + fromNow;
const HOUR = 3600;

describe('Teams authentication with tokens signed as the Bot Framework signs them', () => {
  let identity: BotFrameworkIdentityDouble;
  let h: TeamsHarness;
  beforeAll(async () => {
    identity = await BotFrameworkIdentityDouble.start();
  });
  afterAll(async () => {
    await identity.close();
  });
  beforeEach(async () => {
    // botbuilder prints each token it refuses, keys included, on console.error.
    vi.spyOn(console, 'error').mockImplementation(() => {});
    // The connector double is on loopback: the tests add it to the hosts a serviceUrl may name.
    h = await teamsHarness(
      { ...REGISTERED, TEAMS_SERVICE_URL_HOSTS: 'smba.trafficmanager.net,127.0.0.1' },
      { openIdMetadataUrl: identity.metadataUrl, credentials: identity.credentials(SETTINGS) },
    );
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await h.close();
  });

  const signed = (activity: object, token: string) => h.post(activity, { authorization: `Bearer ${token}` });
  const ana = { name: 'ana' };

  it('answers a valid token with 200, runs the command and replies with the bot’s own token', async () => {
    const res = await signed(message(h.connector.url, ana, { personal: true }, 'plc help'), identity.token(APP_ID, h.connector.url));
    expect(res.status).toBe(200);
    const replies = posted(h.connector.take());
    expect(replies.map((r) => activityText(r.body)).join('\n')).toContain('plc join');
    for (const reply of replies) expect(reply.authorization).toMatch(/^Bearer ey/);
    expect(written(h)).toMatchObject({ workspaces: 1, users: 1, teams_conversations: 1, teams_users: 1, teams_activities: 1 });
    expect(identity.fetches).toBeGreaterThan(0);
  });

  /** What makes each token wrong: its claims, its signer, the serviceUrl or the bot it names. */
  const refused: [string, { claims?: Claims; signer?: Signer; serviceUrl?: string; appId?: string }][] = [
    ['for another bot (wrong audience)', { appId: '99999999-8888-7777-6666-555555555555' }],
    ['from an issuer other than the Bot Framework', { claims: { iss: 'https://login.example.org/' } }],
    ['that has expired', { claims: { nbf: seconds(-2 * HOUR), iat: seconds(-2 * HOUR), exp: seconds(-HOUR) } }],
    ['that is not valid yet', { claims: { nbf: seconds(HOUR), iat: seconds(HOUR), exp: seconds(2 * HOUR) } }],
    ['signed by a key the metadata does not list, under a listed key id', { signer: 'stranger' }],
    ['signed by a key the metadata does not list', { signer: 'stranger-with-own-kid' }],
    ['issued for another serviceUrl than the activity names', { serviceUrl: 'https://smba.trafficmanager.net/emea/' }],
    [
      'botbuilder accepts but that names no serviceUrl (the Emulator’s)',
      { claims: { iss: EMULATOR_ISSUER, ver: '2.0', azp: APP_ID, serviceurl: undefined } },
    ],
  ];

  it.each(refused)('answers 401 to a token %s, and stores and runs nothing', async (_, { claims, signer, serviceUrl, appId }) => {
    const token = identity.token(appId ?? APP_ID, serviceUrl ?? h.connector.url, claims, signer);
    const res = await signed(message(h.connector.url, ana, { personal: true }, 'plc join Math'), token);
    expect(res.status).toBe(401);
    expect(h.connector.take()).toEqual([]);
    expect(written(h)).toEqual(NOTHING_WRITTEN);
  });

  it('answers 401 to a button press with a token for another serviceUrl, and runs nothing', async () => {
    const press = cardAction(h.connector.url, ana, { personal: true }, '1', BUTTON_VERB, { command: 'join Math' });
    const res = await signed(press, identity.token(APP_ID, 'https://smba.trafficmanager.net/amer/'));
    expect(res.status).toBe(401);
    expect(h.connector.take()).toEqual([]);
    expect(written(h)).toEqual(NOTHING_WRITTEN);
  });

  it('answers 403 to a valid token whose serviceUrl is not a Bot Framework service host, and sends nothing there', async () => {
    const elsewhere = 'https://bots.example.org/';
    const res = await signed(message(elsewhere, ana, { personal: true }, 'plc help'), identity.token(APP_ID, elsewhere));
    expect(res.status).toBe(403);
    expect(h.connector.take()).toEqual([]);
    expect(written(h)).toEqual(NOTHING_WRITTEN);
  });
});
