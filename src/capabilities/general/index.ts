import type { Capability } from '../../capability.js';
import { helpCommand, langCommand, pauseCommand, resumeCommand } from './commands.js';
import { homeCommand } from './home.js';
import { messages } from './messages.js';

/** help, language, home, and a person's pause: what anyone can do about themselves. */
export const general: Capability<typeof messages> = {
  name: 'general',
  versions: [[200, 219]],
  migrations: [],
  messages,
  // Help lists the registry the composition root is building, which it hands every capability.
  commands: ({ registry, preambles }) => [helpCommand(registry, preambles), langCommand, homeCommand, pauseCommand, resumeCommand],
  personalData: {
    // Language and pause live on the person's own row, which the core's part of their data covers.
    export: () => ({}),
    forget: () => {},
  },
  privacy: {
    stores: [
      // Names and ids are erased last, by the data-rights capability, once every other part has forgotten the person.
      { what: 'privacy.general.identity', readers: 'workspace', kept: 'whileUsed', onForget: 'deleted' },
      { what: 'privacy.general.preferences', readers: 'self', kept: 'whileUsed', onForget: 'deleted' },
    ],
  },
};

export { homeBlocks } from './home.js';
