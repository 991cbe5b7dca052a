import { recordAudit } from '../../audit.js';
import type { CoreEnv, Person, PersonalDataHolder } from '../../capability.js';
import type { Delivery } from '../../grammar/command.js';
import { mustStay } from '../../membership.js';
import type { ReactionBus } from '../../reactions.js';
import { DELIVER_KIND } from '../../scheduler/fan-out.js';
import type { Community } from '../../store/communities.js';
import { prepared } from '../../store/db.js';

/** Every holder of personal data: the capabilities and the adapters that registered theirs. */
export type Holders = () => readonly PersonalDataHolder[];

/** Who asked for an erasure or an export: the person, a coordinator for them, or the IT admin at the command line. */
export type Requester = { by: 'self' } | { by: 'coordinator'; id: number } | { by: 'admin' };

const iso = (ms: number) => new Date(ms).toISOString();

/** Times in the file are read by people: every `at` or `…At` number becomes an ISO instant. */
function readableDates(value: unknown, key = ''): unknown {
  if (typeof value === 'number' && (key === 'at' || /At$/.test(key))) return iso(value);
  if (Array.isArray(value)) return value.map((v) => readableDates(v));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, readableDates(v, k)]));
  return value;
}

/**
 * Everything held about a person, as one JSON-ready object: who they are on their platform, then one section
 * per capability and adapter (named for it), then the audit events about them. Entries carry their date and
 * who could read them.
 */
export function personFile(person: Person, env: CoreEnv, holders: Holders): Record<string, unknown> {
  const { workspace, user } = person;
  const created = prepared(env.store.db, 'SELECT created_at AS at, introduced_at AS introduced FROM users WHERE id = ?').get(user.id) as
    | { at: number; introduced: number | null }
    | undefined;
  const audit = prepared(
    env.store.db,
    `SELECT action, at, CASE WHEN actor_user_id = ? THEN 'you' ELSE 'about you' END AS role, 'coordinators' AS readers
       FROM audit_log WHERE workspace_id = ? AND (actor_user_id = ? OR subject_user_id = ?) ORDER BY at, id`,
  ).all(user.id, workspace.id, user.id, user.id);
  return readableDates({
    about: 'Everything the PLC bot keeps about one person, by the part of the bot that keeps it.',
    exportedAt: env.now,
    workspace: { platform: workspace.platform, id: workspace.externalId, name: workspace.name },
    person: {
      platformId: user.externalId,
      displayName: user.displayName,
      language: user.lang,
      platformLocale: user.platformLocale,
      timeZone: user.tz,
      coordinator: user.isCoordinator,
      pausedUntil: user.pausedUntil,
      deactivatedAt: user.deactivatedAt,
      createdAt: created?.at ?? null,
      // When the bot introduced itself to them (first contact); null until then.
      introducedAt: created?.introduced ?? null,
      readers: 'workspace',
    },
    sections: Object.fromEntries(holders().map((h) => [h.name, h.personalData.export(person, env)])),
    audit,
  }) as Record<string, unknown>;
}

/** Why a person cannot be erased yet: they are the only lead of a community with others in it, or the last coordinator. */
export type Refusal = { kind: 'onlyLead'; community: Community } | { kind: 'lastCoordinator' };

/** What stands in the way of erasing the person now (empty: nothing). */
export function refusals({ workspace, user }: Person, env: CoreEnv): Refusal[] {
  const { communities, users } = env.store;
  const out: Refusal[] = [];
  for (const { community, role } of communities.ofUser(workspace.id, user.id)) {
    if (mustStay({ role, leads: communities.leadCount(community.id), members: communities.memberCount(community.id) }))
      out.push({ kind: 'onlyLead', community });
  }
  // Alone in the workspace, the last coordinator may go: the next person to use the bot becomes coordinator.
  const others = prepared(env.store.db, 'SELECT COUNT(*) AS n FROM users WHERE workspace_id = ? AND id <> ?').get(
    workspace.id,
    user.id,
  ) as {
    n: number;
  };
  if (user.isCoordinator && users.coordinatorCount(workspace.id) === 1 && others.n > 0) out.push({ kind: 'lastCoordinator' });
  return out;
}

/**
 * Erases a person from the whole workspace, inside the caller's transaction: they leave every community (so
 * duties pass on as when anyone leaves), an audit row says a person used forget-me, every capability and adapter
 * forgets them, the scheduled messages addressed to them go, and finally their own row (names, platform id,
 * preferences). Returns what the capabilities want sent (duties handed on), never anything for the asker.
 */
export function forgetPerson(person: Person, env: CoreEnv, holders: Holders, reactions: ReactionBus, requester: Requester): Delivery[] {
  const { workspace, user } = person;
  const { store } = env;
  const deliveries: Delivery[] = [];
  const memberships = prepared(store.db, 'SELECT community_id AS id FROM memberships WHERE user_id = ?').all(user.id) as { id: number }[];
  for (const { id } of memberships) {
    const community = store.communities.get(workspace.id, id);
    if (!community) continue;
    store.communities.removeMember(community.id, user.id);
    deliveries.push(...reactions.membershipChanged(env, community, user).filter((d) => d.to !== 'asker'));
  }
  // Written while the person's row still exists; its user columns fall to NULL with it: "a former member".
  recordAudit(store, env.now, {
    workspaceId: workspace.id,
    actorId: requester.by === 'self' ? user.id : requester.by === 'coordinator' ? requester.id : null,
    subjectId: user.id,
    action: 'forget.me',
    detail: { by: requester.by },
  });
  for (const holder of holders()) holder.personalData.forget(person, env);
  forgetScheduled(person, env);
  prepared(store.db, 'DELETE FROM users WHERE workspace_id = ? AND id = ?').run(workspace.id, user.id);
  return deliveries;
}

/**
 * The scheduler's part: messages queued for the person (each holds a rendered view addressed to them) are
 * deleted in any state; finished jobs whose stored payload or error still names them keep their row (its key
 * guards against sending twice) without the payload.
 */
function forgetScheduled({ workspace, user }: Person, { store }: CoreEnv): void {
  const q = (sql: string) => prepared(store.db, sql);
  q(
    `DELETE FROM jobs WHERE kind = ? AND (
       (json_extract(payload, '$.user.workspaceId') = ? AND json_extract(payload, '$.user.id') = ?)
       OR (json_extract(payload, '$.workspace.externalId') = ? AND json_extract(payload, '$.to.kind') = 'user'
           AND json_extract(payload, '$.to.user') = ?))`,
  ).run(DELIVER_KIND, workspace.id, user.id, workspace.externalId, user.externalId);
  q(
    `UPDATE jobs SET payload = '{}', last_error = NULL WHERE state IN ('done', 'dropped', 'failed')
       AND (instr(payload, ?) > 0 OR instr(COALESCE(last_error, ''), ?) > 0)`,
  ).run(user.externalId, user.externalId);
  // Delivery keys name their recipient; they are never re-queued once their parent finished (see prune.ts).
  q('DELETE FROM pruned_job_keys WHERE instr(key, ?) > 0').run(`>user:${user.externalId}#`);
}

/** The retention rule: every holder deletes its personal writing from before `before`; returns how many items went. */
export function expireBefore(before: number, env: CoreEnv, holders: Holders): number {
  return holders().reduce((n, h) => n + (h.personalData.expire?.(before, env) ?? 0), 0);
}
