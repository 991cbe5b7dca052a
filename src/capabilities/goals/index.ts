import type { Capability } from '../../capability.js';
import { goalAddCommand, goalAlignCommand } from './add.js';
import { checkinCommand } from './checkin.js';
import { goalCloseCommand } from './close.js';
import { registerGoalJobs } from './jobs.js';
import { goalsCommand } from './list.js';
import { messages } from './messages.js';
import { goalTables } from './migrations/500-goals.js';
import { personalData } from './personal-data.js';
import { reactions } from './reactions.js';
import { checkinsCommand } from './schedule.js';
import { goalAttention, goalExport, goalFigures, goalFiguresOfMany, goalHome, goalParticipants } from './summaries.js';

/**
 * Goals at the three levels of the professionalisation plan (individual, team, school), aligned one level up,
 * with check-ins (status, progress, evidence) typed, from a form, or when a scheduled ask comes.
 */
export const goals: Capability<typeof messages> = {
  name: 'goals',
  versions: [[500, 599]],
  migrations: [goalTables],
  messages,
  commands: () => [goalsCommand, goalAddCommand, goalCloseCommand, goalAlignCommand, checkinCommand, checkinsCommand],
  jobs: registerGoalJobs,
  home: goalHome,
  reactions,
  personalData,
  figures: goalFigures,
  attention: goalAttention,
  figuresOfMany: goalFiguresOfMany,
  participants: goalParticipants,
  coordinatorExport: goalExport,
};
