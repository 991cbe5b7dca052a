import type { Capability } from '../../capability.js';
import type { Store } from '../../store/store.js';
import { goalAddCommand, goalAlignCommand } from './add.js';
import { checkinCommand } from './checkin.js';
import { goalCloseCommand } from './close.js';
import { registerGoalJobs } from './jobs.js';
import { goalsCommand } from './list.js';
import { messages } from './messages.js';
import { goalTables } from './migrations/500-goals.js';
import { teamGoalsIndex } from './migrations/501-team-goals-index.js';
import { checkinsLatestIndex } from './migrations/502-checkins-latest-index.js';
import { personalData, privacy } from './personal-data.js';
import { reactions } from './reactions.js';
import { checkinsCommand } from './schedule.js';
import type { Goal } from './store/goals.js';
import { repos } from './store/index.js';
import {
  goalAttention,
  goalExport,
  goalFigures,
  goalFiguresOfMany,
  goalHome,
  goalParticipants,
  goalParticipantsOfMany,
} from './summaries.js';

/**
 * Goals at the three levels of the professionalisation plan (individual, team, school), aligned one level up,
 * with check-ins (status, progress, evidence) typed, from a form, or when a scheduled ask comes.
 */
export const goals: Capability<typeof messages> = {
  name: 'goals',
  versions: [[500, 599]],
  migrations: [goalTables, teamGoalsIndex, checkinsLatestIndex],
  messages,
  commands: () => [goalsCommand, goalAddCommand, goalCloseCommand, goalAlignCommand, checkinCommand, checkinsCommand],
  jobs: registerGoalJobs,
  home: goalHome,
  reactions,
  personalData,
  privacy,
  figures: goalFigures,
  attention: goalAttention,
  figuresOfMany: goalFiguresOfMany,
  participants: goalParticipants,
  participantsOfMany: goalParticipantsOfMany,
  coordinatorExport: goalExport,
};

/**
 * The text of the community's current team goal: the open one set most recently, or null when it has none (for
 * the pairing focus "our team goal"). Team goals are read by the whole community.
 */
export function currentTeamGoal(store: Store, communityId: number): string | null {
  const open = repos(store)
    .goals.teamGoals(communityId)
    .filter((g) => g.closedAt === null);
  return open.reduce<Goal | null>((latest, g) => (latest && latest.createdAt > g.createdAt ? latest : g), null)?.text ?? null;
}
