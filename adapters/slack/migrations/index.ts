import type { Migration } from '../../../src/store/migrations/index.js';
import { slack } from './010-slack.js';

/** The Slack adapter's tables, in its block of versions (10–19); it runs them when it starts. */
export const slackMigrations: readonly Migration[] = [slack];
export const SLACK_VERSIONS = [[10, 19]] as const;
