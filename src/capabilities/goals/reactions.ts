import type { Reactions } from '../../capability.js';
import { type AskPayload, askTopic, planSchedule, teamSteward } from './asks.js';
import { queueAsk } from './jobs.js';
import { repos } from './store/index.js';

/**
 * Someone who leaves a community keeps their individual goals (they stay theirs, and `goals` still lists them);
 * the asks find out at their time who still answers for what. Someone away (paused, deactivated) hears nothing;
 * the team goals they were to be asked about go to whoever answers for the team instead.
 */
export const reactions: Reactions = {
  // Archiving removed the queued asks (they name the community); restoring plans the cadence's next date.
  communityRestored(env, community) {
    const schedule = repos(env.store).goals.schedule(community.workspaceId, community.id);
    if (schedule) planSchedule(env.store, schedule, env.now);
    return [];
  },
  away(env, user) {
    const { goals } = repos(env.store);
    for (const job of env.store.jobs.pendingInTopic(askTopic(user.workspaceId, user.id))) {
      const p = job.payload as AskPayload;
      if (p.communityId === null) continue;
      const schedule = goals.schedule(p.workspaceId, p.communityId);
      const community = env.store.communities.get(p.workspaceId, p.communityId);
      if (!schedule || schedule.setAt !== p.setAt || !community) continue;
      const team = p.goalIds.flatMap((id) => goals.get(id) ?? []).filter((g) => g.level === 'team' && g.closedAt === null);
      if (team.length === 0) continue;
      const steward = teamSteward(env.store, community, job.dueAt, user.id);
      if (steward) queueAsk(env.store, schedule, community, p.date, steward, team, env.now, `:for:${user.id}`);
    }
    return [];
  },
};
