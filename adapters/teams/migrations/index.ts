import type { Migration } from '../../../src/store/migrations/index.js';
import { teams } from './020-teams.js';
import { teamsFiles } from './021-teams-files.js';
import { teamsOfChannels } from './022-teams-of-channels.js';
import { teamsConversationsByTenant } from './023-teams-conversations-by-tenant.js';

/** The Teams adapter's tables, in its block of versions (20–29); it runs them when it starts. */
export const teamsMigrations: readonly Migration[] = [teams, teamsFiles, teamsOfChannels, teamsConversationsByTenant];
export const TEAMS_VERSIONS = [[20, 29]] as const;
