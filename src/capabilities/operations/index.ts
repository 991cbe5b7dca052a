import type { Capability } from '../../capability.js';
import { messages } from './messages.js';
import { settingsQuietCommand, settingsWorkdaysCommand } from './settings.js';

/**
 * Running the bot through a school year: the workspace's quiet hours and workdays (kept by the core's delivery
 * in src/quiet-hours.ts, for every capability's messages).
 */
export const operations: Capability<typeof messages> = {
  name: 'operations',
  versions: [[1000, 1099]],
  // Its first migration (1000, the quiet-hours columns) moved to the core as 105: the core reads those columns.
  migrations: [],
  messages,
  commands: () => [settingsQuietCommand, settingsWorkdaysCommand],
  personalData: {
    // Its settings belong to the workspace, not to a person.
    export: () => ({}),
    forget: () => {},
  },
  // The quiet hours and workdays are the workspace's: nothing about a person.
  privacy: { stores: [] },
};
