import { assemble } from '../../app.js';
import { recordAudit } from '../../audit.js';
import { capabilities } from '../../capabilities.js';
import type { Person } from '../../capability.js';
import type { Logger } from '../../log.js';
import type { Platform } from '../../ports.js';
import { prepared } from '../../store/db.js';
import type { Store } from '../../store/store.js';
import { forgetPerson, type Holders, personFile, refusals } from './person.js';
import { truncateWalSoon } from './wal.js';

/** What the command-line tools need: the store, every holder of personal data, the log and the instant. */
export interface AdminEnv {
  store: Store;
  holders: Holders;
  log: Logger;
  now: number;
}

/** A request the tools refuse, with a sentence for the IT admin (in English: the command line has no language). */
export class AdminRefusal extends Error {
  override name = 'AdminRefusal';
}

/**
 * The person with `externalId` on `platform`, in the workspace named (by its platform id) or, when none is named,
 * the only workspace that knows them.
 */
export function findPerson(store: Store, platform: Platform, externalId: string, workspaceId?: string): Person {
  const rows = prepared(
    store.db,
    `SELECT w.external_id AS workspace FROM users u JOIN workspaces w ON w.id = u.workspace_id
      WHERE w.platform = ? AND u.external_id = ? ORDER BY w.external_id`,
  ).all(platform, externalId) as { workspace: string }[];
  const matching = rows.filter((r) => workspaceId === undefined || r.workspace === workspaceId);
  if (matching.length === 0)
    throw new AdminRefusal(`Nobody with the id ${externalId} is known on ${platform}${workspaceId ? ` in ${workspaceId}` : ''}.`);
  if (matching.length > 1)
    throw new AdminRefusal(
      `${externalId} is known in several ${platform} workspaces (${matching.map((r) => r.workspace).join(', ')}); name one as a third argument.`,
    );
  const workspace = store.workspaces.find(platform, (matching[0] as { workspace: string }).workspace);
  const user = workspace && store.users.findByExternal(workspace.id, externalId);
  if (!workspace || !user) throw new AdminRefusal(`Nobody with the id ${externalId} is known on ${platform}.`);
  return { workspace, user };
}

/** `npm run export-person`: the file `export me` gives, for a request that came by email; audited as done by the bot's admin. */
export function adminExport(env: AdminEnv, person: Person): Record<string, unknown> {
  return env.store.transaction(() => {
    const data = personFile(person, { store: env.store, now: env.now, log: env.log }, env.holders);
    recordAudit(env.store, env.now, {
      workspaceId: person.workspace.id,
      actorId: null,
      subjectId: person.user.id,
      action: 'export.person',
      detail: { by: 'admin' },
    });
    return data;
  });
}

/**
 * `npm run forget`: erases someone who has left, exactly as `forget @user confirm` does, with the same audit row;
 * refused for the only lead of a community or the last coordinator, as there. Resolves once the write-ahead
 * log is truncated.
 */
export async function adminForget(env: AdminEnv, person: Person): Promise<void> {
  const { reactions } = assemble(capabilities());
  const coreEnv = { store: env.store, now: env.now, log: env.log };
  env.store.transaction(() => {
    const [first] = refusals(person, coreEnv);
    if (first?.kind === 'onlyLead')
      throw new AdminRefusal(
        `${person.user.displayName} is the only lead of ${first.community.name}, which has other members: make someone else its lead first (role @person lead).`,
      );
    if (first?.kind === 'lastCoordinator')
      throw new AdminRefusal(
        `${person.user.displayName} is the last coordinator of this workspace: appoint another first (coordinator add @person).`,
      );
    // What the capabilities would send (duties handed on) is not sent from the command line; reminders show the new holders.
    forgetPerson(person, coreEnv, env.holders, reactions, { by: 'admin' });
  });
  await truncateWalSoon(env.store.db, env.log);
}
