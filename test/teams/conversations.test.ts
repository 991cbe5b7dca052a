import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type StoredReference, TeamsConversations } from '../../adapters/teams/conversations.js';
import { teamsMigrations } from '../../adapters/teams/migrations/index.js';
import { Store } from '../../src/store/store.js';

const CHANNEL = '19:math@thread.tacv2';
const NOW = Date.parse('2026-09-01T08:00:00Z');

/** A channel reference as the adapter stores it. */
const channelRef = (tenant: string, serviceUrl: string): StoredReference => ({
  serviceUrl,
  channelId: 'msteams',
  conversation: { id: CHANNEL, tenantId: tenant, conversationType: 'channel', isGroup: true },
  bot: { id: '28:plc-bot' },
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'plc-teams-store-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('Teams conversation references', () => {
  it('are kept per tenant: a second tenant naming the same conversation never replaces the first one’s', () => {
    const store = Store.open(join(dir, 'plc.sqlite'), teamsMigrations);
    const known = new TeamsConversations(store);
    known.remember('channel', null, channelRef('tenant-a', 'https://smba.trafficmanager.net/emea/'), NOW);
    known.remember('channel', null, channelRef('tenant-b', 'https://attacker.example/'), NOW + 1);

    expect(known.find('tenant-a', CHANNEL)?.reference.serviceUrl).toBe('https://smba.trafficmanager.net/emea/');
    expect(known.find('tenant-b', CHANNEL)?.reference.serviceUrl).toBe('https://attacker.example/');
    expect(known.ownerOf(CHANNEL)).toBe('tenant-a');
    known.markGone('tenant-b', CHANNEL, 403, NOW + 2);
    expect(known.find('tenant-a', CHANNEL)?.goneAt).toBeNull();
    store.close();
  });

  it('keep what was stored before they were keyed by tenant', () => {
    const path = join(dir, 'old.sqlite');
    const before = Store.open(
      path,
      teamsMigrations.filter((m) => m.version < 23),
    );
    before.db
      .prepare(
        `INSERT INTO teams_conversations (conversation_id, tenant_id, kind, user_id, reference, updated_at, gone_at, gone_status, team_id)
           VALUES (?, 'tenant-a', 'channel', NULL, ?, ?, NULL, NULL, '19:team@thread.tacv2')`,
      )
      .run(CHANNEL, JSON.stringify(channelRef('tenant-a', 'https://smba.trafficmanager.net/emea/')), NOW);
    before.close();

    const after = Store.open(path, teamsMigrations);
    const known = new TeamsConversations(after);
    expect(known.find('tenant-a', CHANNEL)).toMatchObject({ tenantId: 'tenant-a', kind: 'channel', goneAt: null });
    expect(known.channelsOfTeam('tenant-a', '19:team@thread.tacv2')).toEqual([CHANNEL]);
    expect(after.db.pragma('integrity_check', { simple: true })).toBe('ok');
    after.close();
  });
});
