import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BOT_FRAMEWORK_SERVICE_HOSTS, serviceUrlHosts } from '../../adapters/teams/config.js';
import { trustedServiceUrl } from '../../adapters/teams/edge.js';
import { ConfigError, loadConfig } from '../../src/config.js';
import { installation, membersAdded, message, NOTHING_WRITTEN, type TeamsHarness, teamsHarness, written } from './harness.js';

/** An activity with some of its fields taken out, as a broken or forged request would send it. */
function without<T extends object>(activity: T, ...fields: string[]): T {
  return Object.fromEntries(Object.entries(activity).filter(([k]) => !fields.includes(k))) as T;
}

describe('what /api/messages refuses before any route sees it', () => {
  let h: TeamsHarness;
  /** How often the core was handed a command or a platform event. */
  let handled: () => number;
  beforeEach(async () => {
    h = await teamsHarness();
    const core = [vi.spyOn(h.app.bot, 'handle'), vi.spyOn(h.app.events, 'handle')];
    handled = () => core.reduce((n, spy) => n + spy.mock.calls.length, 0);
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await h.close();
  });

  /** Posts the activity and says what came of it: the status, and whether anything was stored, sent or handled. */
  const outcome = async (activity: object) => {
    const { status, body } = await h.post(activity);
    return { status, body, written: written(h), sent: h.connector.take(), handled: handled() };
  };
  const refused = (reason: RegExp) => ({
    status: 400,
    body: expect.stringMatching(reason),
    written: NOTHING_WRITTEN,
    sent: [],
    handled: 0,
  });

  it('refuses a message without serviceUrl, instead of replying to api.botframework.com', async () => {
    const activity = without(message(h.connector.url, { name: 'ana' }, { personal: true }, 'plc help'), 'serviceUrl');
    expect(await outcome(activity)).toEqual(refused(/serviceUrl/));
  });

  it('refuses a member added without serviceUrl: nothing is stored to send to later', async () => {
    const activity = without(membersAdded(h.connector.url, { name: 'carla' }, { channel: 'math' }, ['ben'], true), 'serviceUrl');
    expect(await outcome(activity)).toEqual(refused(/serviceUrl/));
  });

  it('refuses a message without a tenant id, instead of guessing a workspace', async () => {
    const activity = message(h.connector.url, { name: 'ana' }, { personal: true }, 'plc help');
    const { tenantId: _t, ...conversation } = activity.conversation;
    expect(await outcome({ ...activity, conversation, channelData: {} })).toEqual(refused(/tenant/));
  });

  it('refuses a message without a sender, or whose sender has no id', async () => {
    const activity = message(h.connector.url, { name: 'ana' }, { channel: 'math' }, 'join Math');
    expect(await outcome(without(activity, 'from'))).toEqual(refused(/sender|from/));
    expect(await outcome({ ...activity, from: { name: 'ana' } })).toEqual(refused(/sender|from/));
  });

  it('refuses an installation without a sender: nobody becomes coordinator', async () => {
    const activity = installation(h.connector.url, { name: 'eva' }, { personal: true }, 'add');
    expect(await outcome({ ...activity, from: { id: '' } })).toEqual(refused(/sender|from/));
  });

  it('refuses an activity without a conversation', async () => {
    const activity = message(h.connector.url, { name: 'ana' }, { personal: true }, 'plc help');
    expect(await outcome(without(activity, 'conversation'))).toEqual(refused(/conversation/));
  });

  it('takes the same message with everything in place', async () => {
    const res = await outcome(message(h.connector.url, { name: 'ana' }, { personal: true }, 'plc help'));
    expect(res.status).toBe(200);
    expect(res.handled).toBe(1);
  });
});

describe('the service URLs an authenticated activity may name', () => {
  it('are on Microsoft’s Bot Connector hosts unless TEAMS_SERVICE_URL_HOSTS lists others', () => {
    expect(serviceUrlHosts(loadConfig({}))).toEqual(BOT_FRAMEWORK_SERVICE_HOSTS);
    expect(BOT_FRAMEWORK_SERVICE_HOSTS).toContain('smba.trafficmanager.net');
    expect(serviceUrlHosts(loadConfig({ TEAMS_SERVICE_URL_HOSTS: ' SMBA.trafficmanager.net , 127.0.0.1 ' }))).toEqual([
      'smba.trafficmanager.net',
      '127.0.0.1',
    ]);
    expect(() => loadConfig({ TEAMS_SERVICE_URL_HOSTS: 'https://smba.trafficmanager.net/teams/' })).toThrow(ConfigError);
  });

  it.each([
    ['https://smba.trafficmanager.net/teams/', true],
    ['https://smba.trafficmanager.net/emea/', true],
    ['https://SMBA.trafficmanager.net/amer/', true],
    ['https://smba.infra.gov.teams.microsoft.us/teams', true],
    ['http://smba.trafficmanager.net/teams/', false],
    ['https://smba.trafficmanager.net:8443/teams/', false],
    ['https://evil.trafficmanager.net/teams/', false],
    ['https://smba.trafficmanager.net.evil.example/teams/', false],
    ['https://user:pw@smba.trafficmanager.net/teams/', false],
    ['https://api.botframework.com/', false],
    ['http://127.0.0.1:3978/', true],
    ['http://localhost:3978/', false],
    ['not a url', false],
  ])('%s: %s', (url, trusted) => {
    expect(trustedServiceUrl(url, [...BOT_FRAMEWORK_SERVICE_HOSTS, '127.0.0.1'])).toBe(trusted);
  });
});
