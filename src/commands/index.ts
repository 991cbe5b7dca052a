import {
  communitiesCommand,
  createCommand,
  joinCommand,
  leaveCommand,
  membersCommand,
  roleCommand,
  settingsCommand,
} from './communities.js';
import { coordinatorCommand } from './coordinators.js';
import { helpCommand, langCommand } from './general.js';
import { homeCommand } from './home.js';
import { type MeetingOptions, meetingCommands } from './meetings.js';
import { Registry } from './registry.js';

/** Every command the bot knows, in the order help lists them. */
export function createRegistry(options: MeetingOptions = {}): Registry {
  const registry = new Registry();
  registry.add(
    helpCommand(registry),
    langCommand,
    homeCommand,
    communitiesCommand,
    joinCommand,
    leaveCommand,
    membersCommand,
    createCommand,
    coordinatorCommand,
    roleCommand,
    settingsCommand,
  );
  registry.add(...meetingCommands(options));
  return registry;
}
