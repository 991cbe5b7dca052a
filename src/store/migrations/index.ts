import { foundation } from './001-foundation.js';
import { scheduler } from './002-scheduler.js';
import { meetings } from './003-meetings.js';
import { reminderPosts } from './004-reminder-posts.js';
import { meetingIds } from './005-meeting-ids.js';
import { slack } from './010-slack.js';
import { teams } from './020-teams.js';
import { teamsFiles } from './021-teams-files.js';

/** A schema change; `version` orders them and is never reused. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * Numbered, append-only schema migrations, one file each. Never edit one that has shipped: add the next.
 * Instants are INTEGER milliseconds since the epoch (UTC); local schedules keep their IANA zone beside them.
 */
export const migrations: readonly Migration[] = [foundation, scheduler, meetings, reminderPosts, meetingIds, slack, teams, teamsFiles];
