import type { Capability, Figures, SearchDocument } from '../../capability.js';
import { prepared } from '../../store/db.js';
import type { Store } from '../../store/store.js';
import { heading, list } from '../../views/build.js';
import type { Block } from '../../views/view.js';
import { charterCommand, charterMissionCommand, charterPreamble } from './charter.js';
import { planNormsReviews, queueNormsReview, registerKnowledgeJobs } from './jobs.js';
import { messages } from './messages.js';
import { library as libraryTables } from './migrations/700-library.js';
import { normDocument, normsAddCommand, normsCommand, normsPreamble, normsRemoveCommand } from './norms.js';
import { personalData, privacy } from './personal-data.js';
import {
  resourceDocument,
  resourcePinCommand,
  resourceRemoveCommand,
  resourcesCommand,
  resourceUnpinCommand,
  saveCommand,
  shareCommand,
} from './resources.js';
import { searchCommand } from './search.js';
import { library } from './store/index.js';
import { knowledgeExport, knowledgeFiguresOfMany, knowledgeParticipants, knowledgeParticipantsOfMany } from './summary.js';
import { resourceLine } from './views.js';

/** How many pinned resources of each community the home view shows. */
const HOME_PINNED = 5;

/**
 * Community knowledge: the resource library (shared links, lesson ideas, protocols, saved messages), the team's
 * norms and charter, and the one search over everything a person may read in their community.
 */
export const knowledge: Capability<typeof messages> = {
  name: 'knowledge',
  versions: [[700, 799]],
  migrations: [libraryTables],
  messages,
  commands: () => [
    shareCommand,
    saveCommand,
    resourcesCommand,
    resourceRemoveCommand,
    resourcePinCommand,
    resourceUnpinCommand,
    normsCommand,
    normsAddCommand,
    normsRemoveCommand,
    charterCommand,
    charterMissionCommand,
    searchCommand,
  ],
  jobs: (handlers) => {
    registerKnowledgeJobs(handlers);
  },
  reactions: {
    // Archiving removed the queued norm review and library note; a restored team with norms reviews them again in twelve weeks.
    communityRestored(env, community) {
      if (library(env.store).norms(community.id).length > 0) queueNormsReview(env.store, community, env.now);
      return [];
    },
  },
  // Pinned resources head each of the person's communities in the home view (Slack's App Home, Teams' `plc home`).
  home: (ctx) => {
    const blocks: Block[] = [];
    for (const { community } of ctx.store.communities.ofUser(ctx.workspace.id, ctx.actor.id)) {
      const pinned = library(ctx.store).pinned(community.id, HOME_PINNED);
      if (pinned.length === 0) continue;
      blocks.push(
        heading(ctx.i18n.t('knowledge.home.pinned', { community: community.name })),
        list(pinned.map((r) => resourceLine(r, ctx.i18n, community.tz))),
      );
    }
    return blocks;
  },
  meetingPreamble: normsPreamble,
  helpPreamble: charterPreamble,
  searchable: (community, { store }): SearchDocument[] => [
    ...library(store).resources(community.id).map(resourceDocument),
    ...library(store).norms(community.id).map(normDocument),
  ],
  figures: (community, period, { store }): Figures => {
    const count = (sql: string, ...args: unknown[]) => (prepared(store.db, sql).get(...args) as { n: number }).n;
    return {
      'knowledge.resources': library(store).countResources(community.id, period.to),
      'knowledge.resourcesAdded': count(
        'SELECT COUNT(*) AS n FROM knowledge_resources WHERE community_id = ? AND shared_at >= ? AND shared_at < ?',
        community.id,
        period.from,
        period.to,
      ),
      'knowledge.norms': count(
        'SELECT COUNT(*) AS n FROM knowledge_norms WHERE community_id = ? AND created_at < ?',
        community.id,
        period.to,
      ),
    };
  },
  figuresOfMany: knowledgeFiguresOfMany,
  participants: knowledgeParticipants,
  participantsOfMany: knowledgeParticipantsOfMany,
  coordinatorExport: knowledgeExport,
  personalData,
  privacy,
};

/** For `term start` (operations): each community with norms is asked to review them at that term's start. */
export { planNormsReviews };

/** How many norms a community has, for the new school year's ask to its leads. */
export function normsCount(store: Store, communityId: number): number {
  return library(store).norms(communityId).length;
}
