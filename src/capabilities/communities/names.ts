import type { CoreEnv } from '../../capability.js';
import { displayName, nameKey } from '../../grammar/names.js';
import { localeFor } from '../../i18n/locales.js';
import { translator } from '../../i18n/translate.js';
import type { JobEnv, JobHandlers, Outbox } from '../../scheduler/handlers.js';
import type { Job } from '../../store/jobs.js';
import { text, view } from '../../views/build.js';

/** Which rule for comparing names the stored keys follow; bumped when `nameKey` changes. */
const NAME_RULE = '2';
const RENAMED = 'communities.renamed';

/**
 * Recomputes every community's name key by today's rule (invisible characters out, full case folding). Names
 * that now collide keep working: the later community gets " (2)" (or the next free number), and the
 * workspace's coordinators are told once, by a job per renamed community.
 */
export function upgradeNames({ store, now }: CoreEnv): void {
  if (store.getMeta('communities.nameRule') === NAME_RULE) return;
  store.transaction(() => {
    const taken = new Map<number, Set<string>>();
    const all = store.communities.everyOne();
    // Clear the old keys first, so the unique index cannot trip over a key about to move.
    for (const c of all) store.db.prepare('UPDATE communities SET name_key = ? WHERE id = ?').run(`\u0000${c.id}`, c.id);
    for (const c of all) {
      const keys = taken.get(c.workspaceId) ?? new Set<string>();
      taken.set(c.workspaceId, keys);
      const shown = displayName(c.name) || `#${c.id}`;
      let name = shown;
      for (let n = 2; keys.has(nameKey(name)); n++) name = `${shown} (${n})`;
      keys.add(nameKey(name));
      store.communities.rename(c.workspaceId, c.id, name);
      if (name === c.name) continue;
      const kept = all.find((o) => o.workspaceId === c.workspaceId && o.id !== c.id && nameKey(o.name) === nameKey(shown));
      store.jobs.queue(
        {
          kind: RENAMED,
          key: `${RENAMED}:${c.id}:${NAME_RULE}`,
          dueAt: now,
          payload: { workspaceId: c.workspaceId, kept: kept?.name ?? shown, other: c.name, renamed: name },
        },
        now,
      );
    }
    store.setMeta('communities.nameRule', NAME_RULE);
  });
}

/** `communities.renamed`: each coordinator of the workspace hears, in their language, which community was renamed. */
function renamed(job: Job, env: JobEnv): Outbox | null {
  const p = job.payload as { workspaceId: number; kept: string; other: string; renamed: string };
  const workspace = env.store.workspaces.get(p.workspaceId);
  if (!workspace) return null;
  const coordinators = env.store.users.coordinators(workspace.id);
  return {
    workspace,
    deliveries: coordinators.map((user) => {
      const i18n = translator(localeFor(user, null));
      return {
        to: 'user' as const,
        user,
        view: view(i18n.locale, [text(i18n.t('names.renamed', { kept: p.kept, other: p.other, renamed: p.renamed }))]),
      };
    }),
  };
}

export function registerNameJobs(handlers: JobHandlers): void {
  handlers.register(RENAMED, renamed);
}
