import type { Statement } from 'better-sqlite3';
import type { Db } from '../../src/store/db.js';
import type { Store } from '../../src/store/store.js';
import type { ConversationKind } from './ids.js';

/** A Bot Framework conversation reference, as much of it as a proactive send needs. */
export interface StoredReference {
  serviceUrl: string;
  channelId: string;
  conversation: { id: string; tenantId?: string; conversationType?: string; isGroup?: boolean; name?: string };
  bot: { id: string; name?: string };
  user?: { id: string; name?: string; aadObjectId?: string };
}

export interface KnownConversation {
  id: string;
  tenantId: string;
  kind: ConversationKind;
  reference: StoredReference;
  goneAt: number | null;
}

interface Row {
  conversation_id: string;
  tenant_id: string;
  kind: ConversationKind;
  reference: string;
  gone_at: number | null;
}

const toKnown = (r: Row): KnownConversation => ({
  id: r.conversation_id,
  tenantId: r.tenant_id,
  kind: r.kind,
  reference: JSON.parse(r.reference) as StoredReference,
  goneAt: r.gone_at,
});

const keyOf = (tenantId: string, conversationId: string) => `${tenantId}\u0000${conversationId}`;

/** How long handled activity ids are kept: Teams redelivers within minutes, never days later. */
const DEDUPE_KEEP_MS = 2 * 24 * 3_600_000;

/**
 * The Teams adapter's memory in SQLite: conversation references, Teams ids beside Entra ids, and handled
 * activity ids. Writes that would change nothing are skipped, as every request would otherwise write.
 */
export class TeamsConversations {
  readonly #written = new Map<string, string>();
  readonly #users = new Map<string, string | null>();
  #inserts = 0;

  readonly #statements = new Map<string, Statement>();

  readonly #db: Db;

  constructor(private readonly store: Store) {
    this.#db = store.db;
  }

  /** Prepares a statement once: preparing on every request showed up in the benchmark's profile. */
  #sql(sql: string): Statement {
    let st = this.#statements.get(sql);
    if (!st) {
      st = this.#db.prepare(sql);
      this.#statements.set(sql, st);
    }
    return st;
  }

  /** Records an activity id; false when it was handled before (a redelivery). */
  firstSight(activityId: string, now: number): boolean {
    const fresh = this.#sql('INSERT OR IGNORE INTO teams_activities (activity_id, seen_at) VALUES (?, ?)').run(activityId, now).changes > 0;
    if (fresh && ++this.#inserts % 1000 === 0) this.#sql('DELETE FROM teams_activities WHERE seen_at < ?').run(now - DEDUPE_KEEP_MS);
    return fresh;
  }

  /**
   * Stores (or refreshes) the reference of a conversation the bot is in, and for a channel the team it
   * belongs to; a conversation heard from is not gone. References are the tenant's own: another tenant's
   * activity never replaces them (see ownerOf).
   */
  remember(kind: ConversationKind, userId: string | null, ref: StoredReference, now: number, teamId: string | null = null): void {
    const json = JSON.stringify(ref);
    const id = ref.conversation.id;
    const tenantId = ref.conversation.tenantId ?? '';
    const key = keyOf(tenantId, id);
    const written = `${teamId ?? ''}\u0000${json}`;
    if (this.#written.get(key) === written) return;
    this.#sql(
      `INSERT INTO teams_conversations (conversation_id, tenant_id, kind, user_id, reference, updated_at, team_id)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (tenant_id, conversation_id) DO UPDATE SET reference = excluded.reference, user_id = excluded.user_id,
           updated_at = excluded.updated_at, gone_at = NULL, gone_status = NULL, team_id = COALESCE(excluded.team_id, team_id)`,
    ).run(id, tenantId, kind, userId, json, now, teamId);
    this.#written.set(key, written);
  }

  /** The tenant whose conversation this is, if the bot has heard from it: the first tenant heard from owns it. */
  ownerOf(conversationId: string): string | null {
    const r = this.#sql('SELECT tenant_id FROM teams_conversations WHERE conversation_id = ? LIMIT 1').get(conversationId) as
      | { tenant_id: string }
      | undefined;
    return r?.tenant_id ?? null;
  }

  /** The channel conversations of a team that the bot has heard from. */
  channelsOfTeam(tenantId: string, teamId: string): string[] {
    return (
      this.#sql("SELECT conversation_id AS id FROM teams_conversations WHERE tenant_id = ? AND team_id = ? AND kind = 'channel'").all(
        tenantId,
        teamId,
      ) as { id: string }[]
    ).map((r) => r.id);
  }

  /** The app is back in the conversation (added to its team again): it may be sent to once more. */
  reopen(tenantId: string, conversationId: string): void {
    this.#sql('UPDATE teams_conversations SET gone_at = NULL, gone_status = NULL WHERE tenant_id = ? AND conversation_id = ?').run(
      tenantId,
      conversationId,
    );
    this.#written.delete(keyOf(tenantId, conversationId));
  }

  /** A conversation of the tenant. */
  find(tenantId: string, conversationId: string): KnownConversation | null {
    const r = this.#sql('SELECT * FROM teams_conversations WHERE tenant_id = ? AND conversation_id = ?').get(tenantId, conversationId) as
      | Row
      | undefined;
    return r ? toKnown(r) : null;
  }

  /** The 1:1 chat with a person, if the bot has one. */
  personalOf(tenantId: string, userId: string): KnownConversation | null {
    const r = this.#sql(
      "SELECT * FROM teams_conversations WHERE tenant_id = ? AND user_id = ? AND kind = 'personal' ORDER BY updated_at DESC LIMIT 1",
    ).get(tenantId, userId) as Row | undefined;
    return r ? toKnown(r) : null;
  }

  /** Any reference in the tenant, for its service URL and the bot's id there. */
  anyIn(tenantId: string): KnownConversation | null {
    const r = this.#sql('SELECT * FROM teams_conversations WHERE tenant_id = ? ORDER BY gone_at IS NOT NULL, updated_at DESC LIMIT 1').get(
      tenantId,
    ) as Row | undefined;
    return r ? toKnown(r) : null;
  }

  /** Records that the conversation answered 403/404: nothing is sent there again until it is heard from. */
  markGone(tenantId: string, conversationId: string, status: number, now: number): void {
    this.#sql(
      'UPDATE teams_conversations SET gone_at = ?, gone_status = ? WHERE tenant_id = ? AND conversation_id = ? AND gone_at IS NULL',
    ).run(now, status, tenantId, conversationId);
    this.#written.delete(keyOf(tenantId, conversationId));
  }

  /**
   * Learns a person's Teams id beside their Entra object id. Someone first known only from a mention
   * (Teams id) is renamed to their Entra id here, so they stay one person in the core.
   */
  learnUser(workspaceOf: () => number | null, tenantId: string, teamsId: string, aadId: string | null): void {
    const key = `${tenantId}\u0000${teamsId}`;
    if (this.#users.has(key) && (this.#users.get(key) === aadId || aadId === null)) return;
    const workspaceId = workspaceOf();
    this.store.transaction(() => {
      this.#sql(
        `INSERT INTO teams_users (tenant_id, teams_id, aad_id) VALUES (?, ?, ?)
           ON CONFLICT (tenant_id, teams_id) DO UPDATE SET aad_id = COALESCE(excluded.aad_id, aad_id)`,
      ).run(tenantId, teamsId, aadId);
      if (aadId && workspaceId !== null) this.store.users.changeExternalId(workspaceId, teamsId, aadId);
    });
    this.#users.set(key, aadId ?? this.aadOf(tenantId, teamsId));
  }

  /** The Entra object id of a Teams user id, if learned. */
  aadOf(tenantId: string, teamsId: string): string | null {
    const r = this.#sql('SELECT aad_id FROM teams_users WHERE tenant_id = ? AND teams_id = ?').get(tenantId, teamsId) as
      | { aad_id: string | null }
      | undefined;
    return r?.aad_id ?? null;
  }

  /** The Teams user id of a person known by Entra object id, if learned. */
  teamsIdOf(tenantId: string, aadId: string): string | null {
    const r = this.#sql('SELECT teams_id FROM teams_users WHERE tenant_id = ? AND aad_id = ? LIMIT 1').get(tenantId, aadId) as
      | { teams_id: string }
      | undefined;
    return r?.teams_id ?? null;
  }
}
