import { SLACK_VERSIONS, slackMigrations } from '../adapters/slack/migrations/index.js';
import { TEAMS_VERSIONS, teamsMigrations } from '../adapters/teams/migrations/index.js';
import { allMigrations } from '../src/capabilities.js';
import type { Migration } from '../src/store/migrations/index.js';
import { Store } from '../src/store/store.js';

/** Both adapters' migrations and their blocks: an install runs them all, whichever platforms it serves today. */
const ADAPTERS = {
  migrations: [...slackMigrations, ...teamsMigrations],
  versions: [...SLACK_VERSIONS, ...TEAMS_VERSIONS],
};

/** Every migration this build has: the core's, every capability's and both adapters'. */
export function everyMigration(): Migration[] {
  return [...allMigrations(), ...ADAPTERS.migrations];
}

/**
 * The bot's store on `path` with every migration this build has, so that a file a newer build has migrated, in
 * any owner's block, is refused (NewerDatabaseError) before anything is written.
 */
export function openBotStore(path: string): Store {
  return Store.open(path, ADAPTERS.migrations, ADAPTERS.versions);
}
