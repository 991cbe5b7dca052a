import type { Capability } from '../../capability.js';
import { messages } from './messages.js';
import { yearConfirmations } from './migrations/1050-year-confirmations.js';
import { settingsQuietCommand, settingsWorkdaysCommand } from './settings.js';
import { termCommand, termStartCommand, termsCommand } from './terms.js';
import { personalData, privacy, registerYearJobs, termConfirmCommand } from './terms-year.js';

/**
 * Running the bot through a school year: the workspace's quiet hours and workdays (kept by the core's delivery
 * in src/quiet-hours.ts, for every capability's messages), and its terms and school years (`term start`; at a new
 * school year each lead is asked to confirm their community).
 */
export const operations: Capability<typeof messages> = {
  name: 'operations',
  versions: [[1000, 1099]],
  // Its first migration (1000, the quiet-hours columns) moved to the core as 105: the core reads those columns.
  migrations: [yearConfirmations],
  messages,
  commands: () => [settingsQuietCommand, settingsWorkdaysCommand, termStartCommand, termConfirmCommand, termsCommand, termCommand],
  jobs: (handlers) => {
    registerYearJobs(handlers);
  },
  // The quiet hours, workdays and terms are the workspace's; a lead's confirmation of a new year is theirs.
  personalData,
  privacy,
};
