import type { Capability } from '../../capability.js';
import { prepared } from '../../store/db.js';
import { list } from '../../views/build.js';
import type { Text } from '../../views/view.js';
import { registerPairingJobs } from './jobs.js';
import { messages } from './messages.js';
import { pairingTables } from './migrations/600-pairing.js';
import { pairingSummaryIndex } from './migrations/601-summary-index.js';
import { pairingTakeawayIndex } from './migrations/610-takeaway-index.js';
import { pairingRoundsStartIndex } from './migrations/611-rounds-start-index.js';
import { pairingPairedCount } from './migrations/612-paired-count.js';
import { pairingDoneVisits } from './migrations/613-done-visits.js';
import { observeFeedbackCommand, observeFocusCommand, observeHappenedCommand, observeShareCommand } from './observe.js';
import { pairAvoidCommand, pairStatusCommand, pairWhyCommand } from './people.js';
import { personalData, privacy } from './personal-data.js';
import { reactions } from './reactions.js';
import { pairNowCommand, pairScheduleCommand } from './schedule.js';
import { pairing } from './store/index.js';
import { pairingExport, pairingFiguresOfMany, pairingParticipants, pairingParticipantsOfMany } from './summary.js';
import { refLabel, todoLines, windowEnd } from './views.js';

/**
 * Peer observation: rounds that pair the community's active members to visit each other's classrooms (a trio
 * in a ring for an odd count), without repeats while that is possible; the observed teacher picks the focus,
 * the observer says whether the visit happened and writes one glow and one grow that only the two of them read.
 */
export const pairingCapability: Capability<typeof messages> = {
  name: 'pairing',
  versions: [[600, 699]],
  migrations: [pairingTables, pairingSummaryIndex, pairingTakeawayIndex, pairingRoundsStartIndex, pairingPairedCount, pairingDoneVisits],
  messages,
  commands: () => [
    pairStatusCommand,
    pairAvoidCommand,
    pairScheduleCommand,
    pairNowCommand,
    pairWhyCommand,
    observeFocusCommand,
    observeHappenedCommand,
    observeFeedbackCommand,
    observeShareCommand,
  ],
  jobs: (handlers) => {
    registerPairingJobs(handlers);
  },
  home: (ctx) => {
    const { store, workspace, actor, i18n } = ctx;
    const lines: Text[] = [];
    for (const { community } of store.communities.ofUser(workspace.id, actor.id)) {
      const round = pairing(store).currentRound(community.id, ctx.now);
      if (!round) continue;
      const out = pairing(store).visitBy(round.id, actor.id);
      const inn = pairing(store).visitTo(round.id, actor.id);
      if (!out && !inn) continue;
      const visit = out?.observedId ? store.users.get(workspace.id, out.observedId)?.displayName : null;
      const visitor = inn?.observerId ? store.users.get(workspace.id, inn.observerId)?.displayName : null;
      lines.push(
        i18n.t('pairing.home.line', {
          community: community.name,
          ref: refLabel(round.ref),
          visit: visit ?? '—',
          visitor: visitor ?? '—',
          until: windowEnd(i18n, community, round, ctx.now),
        }),
      );
      lines.push(...todoLines(i18n, community, round, out, inn, ctx.now));
    }
    return lines.length ? [list(lines)] : [];
  },
  reactions,
  personalData,
  privacy,
  searchable: (community, { store }) => {
    // Shared takeaways are for the people who take part: the community's members who are not guests.
    const readers = store.communities
      .members(community.id)
      .filter((m) => m.role !== 'guest')
      .map((m) => m.userId);
    return pairing(store)
      .takeaways(community.id)
      .map((t) => ({
        ref: t.ref,
        source: 'observation-takeaway',
        text: t.text,
        at: t.createdAt,
        readers: { kind: 'people' as const, userIds: readers },
      }));
  },
  figures: (community, period, { store }) => {
    const count = (sql: string) => (prepared(store.db, sql).get(community.id, period.from, period.to) as { n: number }).n;
    return {
      'pairing.rounds': count('SELECT COUNT(*) AS n FROM pairing_rounds WHERE community_id = ? AND started_at >= ? AND started_at < ?'),
      'pairing.visitsPaired': count(
        `SELECT COUNT(*) AS n FROM pairing_visits v JOIN pairing_rounds r ON r.id = v.round_id
           WHERE r.community_id = ? AND r.started_at >= ? AND r.started_at < ? AND v.cancelled_at IS NULL`,
      ),
      'pairing.visitsDone': count(
        `SELECT COUNT(*) AS n FROM pairing_visits v JOIN pairing_rounds r ON r.id = v.round_id
           WHERE r.community_id = ? AND v.happened = 'yes' AND v.happened_at >= ? AND v.happened_at < ? AND v.cancelled_at IS NULL`,
      ),
      'pairing.takeawaysShared': count(
        'SELECT COUNT(*) AS n FROM pairing_takeaways WHERE community_id = ? AND created_at >= ? AND created_at < ?',
      ),
    };
  },
  figuresOfMany: pairingFiguresOfMany,
  participants: pairingParticipants,
  participantsOfMany: pairingParticipantsOfMany,
  // Rounds and their counts: never who visited whom, the focus or the feedback.
  coordinatorExport: pairingExport,
};

export { planRound, type Rotation, type RoundPlan } from './domain/plan.js';
