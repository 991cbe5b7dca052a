import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WorkspaceAddress } from '../../src/ports.js';
import { text, view } from '../../src/views/build.js';
import { BotConnectorDouble } from '../doubles/bot-connector.js';
import { activityText, membersAdded, message, posted, type TeamsHarness, teamsHarness } from './harness.js';

const TENANT_A: WorkspaceAddress = { platform: 'teams', externalId: 'tenant-a' };
const MATH = '19:math@thread.tacv2';
const reminder = (s: string) => view('en', [text(s)]);

/** The stored references of a conversation: which tenant holds each, and where it sends. */
function references(h: TeamsHarness, conversation: string): { tenant: string; serviceUrl: string }[] {
  const found = h.app.store.db
    .prepare('SELECT tenant_id AS tenant, reference FROM teams_conversations WHERE conversation_id = ? ORDER BY tenant_id')
    .all(conversation) as { tenant: string; reference: string }[];
  return found.map((r) => ({ tenant: r.tenant, serviceUrl: (JSON.parse(r.reference) as { serviceUrl: string }).serviceUrl }));
}

describe('Teams conversations belong to their tenant', () => {
  let h: TeamsHarness;
  /** A Bot Connector of another tenant's choosing: nothing of tenant A's may ever reach it. */
  let elsewhere: BotConnectorDouble;
  beforeEach(async () => {
    h = await teamsHarness();
    elsewhere = await BotConnectorDouble.start();
    await h.post(membersAdded(h.connector.url, { name: 'carla' }, { channel: 'math' }, ['ben'], true));
    await h.post(message(h.connector.url, { name: 'ana' }, { personal: true }, 'plc help'));
    h.connector.take();
  });
  afterEach(async () => {
    await elsewhere.close();
    await h.close();
  });

  it('refuses another tenant’s activity in a tenant’s channel, and the channel’s reminder is still updated where it lives', async () => {
    const sent = await h.app.messenger.send(TENANT_A, { kind: 'channel', channel: MATH }, reminder('RSVP: 0 coming'));
    if (!sent) throw new Error('nothing was sent');
    h.connector.take();

    const forged = message(elsewhere.url, { name: 'mallory', tenant: 'tenant-b' }, { channel: 'math' }, 'help');
    expect((await h.post(forged)).status).toBe(403);
    expect(references(h, MATH)).toEqual([{ tenant: 'tenant-a', serviceUrl: h.connector.url }]);

    await h.app.messenger.update(TENANT_A, sent, reminder('RSVP: 1 coming'));
    const [put] = h.connector.take();
    expect(put?.kind).toBe('update');
    expect(activityText(put?.body)).toBe('RSVP: 1 coming');
    expect(elsewhere.take()).toEqual([]);
    expect(h.app.store.workspaces.find('teams', 'tenant-b')).toBeNull();
  });

  it('refuses another tenant’s activity in a person’s 1:1 chat, and the person’s DMs still go to their tenant', async () => {
    const forged = message(elsewhere.url, { name: 'ana', tenant: 'tenant-b' }, { personal: true }, 'plc help');
    expect((await h.post(forged)).status).toBe(403);
    expect(elsewhere.take()).toEqual([]);

    await h.app.messenger.send(TENANT_A, { kind: 'user', user: 'aad-ana' }, reminder('Time to reflect'));
    expect(posted(h.connector.take())[0]?.conversation).toBe('a:dm-ana');
    expect(elsewhere.take()).toEqual([]);
  });

  it('still takes the tenant’s own activities in its conversations, from a service URL that moved', async () => {
    const moved = await BotConnectorDouble.start();
    try {
      expect((await h.post(message(moved.url, { name: 'carla' }, { channel: 'math' }, 'help'))).status).toBe(200);
      expect(references(h, MATH)).toEqual([{ tenant: 'tenant-a', serviceUrl: moved.url }]);
      expect(posted(moved.take())).not.toHaveLength(0);
    } finally {
      await moved.close();
    }
  });
});
