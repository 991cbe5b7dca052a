import type { Capability } from '../../capability.js';
import { prepared } from '../../store/db.js';
import { communitiesCommand, createCommand, joinCommand, leaveCommand, membersCommand, roleCommand, settingsCommand } from './commands.js';
import { coordinatorCommand } from './coordinators.js';
import { archiveCommand, handoverCommand, moveToCommand, renameCommand, restoreCommand } from './lifecycle.js';
import { messages } from './messages.js';
import { archivedChannel } from './migrations/220-archived-channel.js';
import { registerNameJobs, upgradeNames } from './names.js';

/** Communities and who belongs to them: create, join, leave, members, roles, coordinators, settings, and a community's life (rename, move, handover, archive, restore). */
export const communities: Capability<typeof messages> = {
  name: 'communities',
  versions: [[220, 239]],
  migrations: [archivedChannel],
  messages,
  upgrade: upgradeNames,
  jobs: registerNameJobs,
  commands: () => [
    communitiesCommand,
    joinCommand,
    leaveCommand,
    membersCommand,
    createCommand,
    coordinatorCommand,
    roleCommand,
    settingsCommand,
    renameCommand,
    moveToCommand,
    handoverCommand,
    archiveCommand,
    restoreCommand,
  ],
  personalData: {
    export({ workspace, user }, { store }) {
      const q = (sql: string) => prepared(store.db, sql);
      return {
        // Archived communities too: the membership is still held about the person.
        memberships: q(
          `SELECT c.name AS community, m.role, m.joined_at AS at, c.archived_at IS NOT NULL AS archived, 'community' AS readers
             FROM memberships m CROSS JOIN communities c ON c.id = m.community_id WHERE c.workspace_id = ? AND m.user_id = ? ORDER BY m.joined_at`,
        )
          .all(workspace.id, user.id)
          .map((m) => ({ ...(m as Record<string, unknown>), archived: (m as { archived: number }).archived === 1 })),
        coordinator: user.isCoordinator,
        created: q(
          `SELECT name AS community, created_at AS at, 'workspace' AS readers FROM communities
             WHERE workspace_id = ? AND created_by = ? ORDER BY created_at`,
        ).all(workspace.id, user.id),
      };
    },
    forget({ workspace, user }, { store }) {
      prepared(store.db, 'UPDATE communities SET created_by = NULL WHERE workspace_id = ? AND created_by = ?').run(workspace.id, user.id);
    },
  },
  privacy: {
    stores: [
      { what: 'privacy.communities.memberships', readers: 'community', kept: 'whileUsed', onForget: 'deleted' },
      { what: 'privacy.communities.coordinator', readers: 'workspace', kept: 'whileUsed', onForget: 'deleted' },
      { what: 'privacy.communities.created', readers: 'workspace', kept: 'whileUsed', onForget: 'anonymous' },
    ],
  },
};
