import type { Capability } from '../../capability.js';
import { prepared } from '../../store/db.js';
import { communitiesCommand, createCommand, joinCommand, leaveCommand, membersCommand, roleCommand, settingsCommand } from './commands.js';
import { coordinatorCommand } from './coordinators.js';
import { messages } from './messages.js';
import { registerNameJobs, upgradeNames } from './names.js';

/** Communities and who belongs to them: create, join, leave, members, roles, coordinators and settings. */
export const communities: Capability<typeof messages> = {
  name: 'communities',
  versions: [[220, 239]],
  migrations: [],
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
  ],
  personalData: {
    export({ workspace, user }, { store }) {
      return {
        memberships: store.communities.ofUser(workspace.id, user.id).map((m) => ({
          community: m.community.name,
          role: m.role,
          readers: 'community',
        })),
        coordinator: user.isCoordinator,
      };
    },
    forget({ workspace, user }, { store }) {
      prepared(store.db, 'UPDATE communities SET created_by = NULL WHERE workspace_id = ? AND created_by = ?').run(workspace.id, user.id);
    },
  },
};
