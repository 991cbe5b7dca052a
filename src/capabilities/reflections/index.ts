import type { Capability, SearchDocument } from '../../capability.js';
import { reflectionsHome } from './home.js';
import { registerReflectionJobs } from './jobs.js';
import { messages } from './messages.js';
import { reflectionTables } from './migrations/400-reflections.js';
import { reflectionSummaryIndex } from './migrations/401-summary-index.js';
import { dropReflectionsCommunityIndex } from './migrations/402-drop-community-index.js';
import { reflectionActivity } from './migrations/403-activity.js';
import { openPromptsIndex } from './migrations/404-open-prompts-index.js';
import { personalData, privacy } from './personal-data.js';
import { promptsAddCommand, promptsCommand, promptsOffCommand } from './prompts.js';
import { reactions } from './reactions.js';
import {
  reflectionCommand,
  reflectionDeleteCommand,
  reflectionEditCommand,
  reflectionsCommand,
  teamReflectionsCommand,
} from './reading.js';
import { reflectCommand } from './reflect.js';
import { repos } from './store/index.js';
import { reflectionExport, reflectionFiguresOfMany, reflectionParticipants, reflectionParticipantsOfMany } from './summary.js';
import { readersOf } from './visibility.js';

/**
 * Reflections: what teachers write about their practice, private unless they share it with their team or with
 * the leads and coordinators; prompts with a question on a cadence, in each person's own time zone; a question
 * bank per language; and a streak that only its owner sees.
 */
export const reflections: Capability<typeof messages> = {
  name: 'reflections',
  versions: [[400, 499]],
  migrations: [reflectionTables, reflectionSummaryIndex, dropReflectionsCommunityIndex, reflectionActivity, openPromptsIndex],
  messages,
  commands: () => [
    reflectCommand,
    reflectionsCommand,
    teamReflectionsCommand,
    reflectionCommand,
    reflectionEditCommand,
    reflectionDeleteCommand,
    promptsCommand,
    promptsOffCommand,
    promptsAddCommand,
  ],
  jobs: (handlers) => {
    registerReflectionJobs(handlers);
  },
  home: reflectionsHome,
  reactions,
  personalData,
  privacy,
  // Shared reflections only; private ones are never offered to search. Readers are roles, and the author.
  searchable(community, { store }) {
    return repos(store)
      .reflections.shared(community.id)
      .flatMap((r): SearchDocument[] => {
        const readers = readersOf(r);
        return readers ? [{ ref: r.ref, source: 'reflection', text: r.text, at: r.createdAt, readers }] : [];
      });
  },
  // Counts only: how many reflections, by how many people, and how many were shared; never who or what.
  figures(community, period, { store }) {
    const c = repos(store).reflections.counts(community.id, period.from, period.to);
    return { 'reflections.count': c.count, 'reflections.reflectors': c.reflectors, 'reflections.shared': c.shared };
  },
  figuresOfMany: reflectionFiguresOfMany,
  participants: reflectionParticipants,
  participantsOfMany: reflectionParticipantsOfMany,
  // Only what authors shared with the leads and coordinators.
  coordinatorExport: reflectionExport,
};

export { rebuildActivity } from './store/activity.js';
export { readersOf } from './visibility.js';
export { deleteReflection, editReflection, forgetReflectionsOf, saveReflection } from './write.js';
