import {
  type CoreEnv,
  type Figures,
  PERIODS_CTE,
  type Period,
  participantsFromQuery,
  participantsOfOne,
  periodsParam,
  spanOf,
} from '../../capability.js';
import type { Community } from '../../store/communities.js';
import { jsonRows, prepared } from '../../store/db.js';

/**
 * The pairing figures of many communities over several periods, as `figures` counts them for one: the rounds the
 * periods' span started, with the visits each keeps count of (migration 612), in one query, then the visits
 * done and the takeaways shared, a query a period that reads only the index. A visit counts as done when its
 * "yes" was recorded, in whichever round it was paired, so only rounds started by a period's end are looked in.
 */
export function pairingFiguresOfMany(communities: readonly Community[], periods: readonly Period[], env: CoreEnv): Map<number, Figures>[] {
  const ids = JSON.stringify(communities.map((c) => c.id));
  const out = periods.map(
    () =>
      new Map<number, Figures>(
        communities.map((c) => [
          c.id,
          { 'pairing.rounds': 0, 'pairing.visitsPaired': 0, 'pairing.visitsDone': 0, 'pairing.takeawaysShared': 0 },
        ]),
      ),
  );
  if (periods.length === 0) return out;
  const { from, to } = spanOf(periods);
  const rounds = jsonRows<[number, number, number]>(
    env.store.db,
    `SELECT r.community_id, r.started_at, r.paired
       FROM pairing_rounds r WHERE r.community_id IN (SELECT value FROM json_each(:ids)) AND r.started_at >= :from AND r.started_at < :to`,
    'community_id, started_at, paired',
    { ids, from, to },
  );
  for (let i = 0; i < periods.length; i++) {
    const p = periods[i] as Period;
    const byCommunity = out[i] as Map<number, Figures>;
    for (let r = 0; r < rounds.length; r++) {
      const round = rounds[r] as [number, number, number];
      if (round[1] < p.from || round[1] >= p.to) continue;
      const f = byCommunity.get(round[0]) as Figures;
      f['pairing.rounds'] = (f['pairing.rounds'] as number) + 1;
      f['pairing.visitsPaired'] = (f['pairing.visitsPaired'] as number) + round[2];
    }
  }
  // Visits done from the kept table (migration 613), takeaways from their index: one range each a community and period.
  const counts = jsonRows<[number, number, number, number]>(
    env.store.db,
    `${PERIODS_CTE}
     SELECT periods.i AS i, c.value AS id,
        (SELECT COUNT(*) FROM pairing_done d WHERE d.community_id = c.value AND d.at >= periods.f AND d.at < periods.t) AS done,
        (SELECT COUNT(*) FROM pairing_takeaways t WHERE t.community_id = c.value AND t.created_at >= periods.f AND t.created_at < periods.t) AS takeaways
       FROM json_each(:ids) c CROSS JOIN periods`,
    'i, id, done, takeaways',
    { ids, periods: periodsParam(periods) },
  );
  for (let r = 0; r < counts.length; r++) {
    const row = counts[r] as [number, number, number, number];
    const f = out[row[0]]?.get(row[1]);
    if (!f) continue;
    f['pairing.visitsDone'] = row[2];
    f['pairing.takeawaysShared'] = row[3];
  }
  return out;
}

/** `pairingParticipants` for many communities and periods, with one query over them all: each visit counts at its "done" and at its feedback. */
export const pairingParticipantsOfMany = participantsFromQuery(
  `WITH visits AS (
         SELECT r.community_id, v.observer_id, v.happened, v.happened_at, v.feedback_at FROM pairing_visits v
           JOIN pairing_rounds r ON r.id = v.round_id
           WHERE r.community_id IN (SELECT value FROM json_each(:ids)) AND v.observer_id IS NOT NULL AND v.cancelled_at IS NULL)
       SELECT community_id AS communityId, observer_id AS id, happened_at AS at FROM visits
         WHERE happened = 'yes' AND happened_at >= :from AND happened_at < :to
       UNION ALL SELECT community_id, observer_id, feedback_at FROM visits WHERE feedback_at >= :from AND feedback_at < :to`,
);

/** The observers who recorded a visit as done, or wrote its feedback, in the period: only ever counted. */
export const pairingParticipants = participantsOfOne(pairingParticipantsOfMany);

/**
 * The community's observation rounds as coordinators may read them: when each ran and how many visits were
 * paired and done. Never who visited whom, the focus, or a word of the feedback, which stays between the pair.
 */
export function pairingExport(community: Community, env: CoreEnv): Record<string, unknown[]> {
  const rows = prepared(
    env.store.db,
    `SELECT r.ref, r.started_at AS startedAt, r.ends_at AS endsAt, r.closed_at AS closedAt,
        COALESCE(SUM(CASE WHEN v.id IS NOT NULL AND v.cancelled_at IS NULL THEN 1 ELSE 0 END), 0) AS paired,
        COALESCE(SUM(CASE WHEN v.happened = 'yes' AND v.cancelled_at IS NULL THEN 1 ELSE 0 END), 0) AS done
       FROM pairing_rounds r LEFT JOIN pairing_visits v ON v.round_id = r.id
       WHERE r.community_id = ? GROUP BY r.id ORDER BY r.seq`,
  ).all(community.id) as { ref: number; startedAt: number; endsAt: number; closedAt: number | null; paired: number; done: number }[];
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return {
    rounds: rows.map((r) => ({
      round: `#${r.ref}`,
      startedAt: iso(r.startedAt),
      endsAt: iso(r.endsAt),
      closedAt: iso(r.closedAt),
      visitsPaired: r.paired,
      visitsDone: r.done,
      readers: 'coordinators',
    })),
  };
}
