import { type CoreEnv, type Figures, type Period, participantsOfOne } from '../../capability.js';
import type { Community } from '../../store/communities.js';
import { prepared } from '../../store/db.js';
import { blockOf, HOUR_MS, wordsOf } from './domain/activity.js';
import { repos } from './store/index.js';

/**
 * One community's reflections in one period: how many, how many shared, how many wrote them, and who (only ever
 * counted; kept only when asked for, as active members).
 */
interface Tally {
  count: number;
  shared: number;
  reflectors: number;
  authors: Set<number> | null;
}

/**
 * Each community's reflections in each period, from the activity blocks (`domain/activity.ts`): an hour wholly
 * inside a period is counted from its entries; the part-hours at a period's ends, from the reflections themselves.
 * Periods may overlap: each is counted on its own. Periods are taken 32 at a time, a bit each: a mask by hour says
 * which periods hold it, and a mask by author which periods have counted that author already.
 */
function talliesOf(communities: readonly Community[], periods: readonly Period[], env: CoreEnv, withPeople: boolean): Map<number, Tally>[] {
  const out = periods.map(
    () =>
      new Map<number, Tally>(
        communities.map((c) => [c.id, { count: 0, shared: 0, reflectors: 0, authors: withPeople ? new Set() : null }]),
      ),
  );
  if (periods.length === 0 || communities.length === 0) return out;
  const ids = communities.map((c) => c.id);
  // For each batch of 32 periods, each community's authors and the periods that counted them, as bits.
  const seen = Array.from({ length: Math.ceil(periods.length / 32) }, () => new Map<number, Map<number, number>>());
  /** Notes an author in some periods of a batch; answers those that had not counted them yet. */
  const fresh = (batch: number, communityId: number, author: number, mask: number): number => {
    const byCommunity = seen[batch] as Map<number, Map<number, number>>;
    let byAuthor = byCommunity.get(communityId);
    if (!byAuthor) {
      byAuthor = new Map();
      byCommunity.set(communityId, byAuthor);
    }
    const before = byAuthor.get(author) ?? 0;
    const news = mask & ~before;
    if (news !== 0) byAuthor.set(author, before | mask);
    return news;
  };
  const countAuthor = (t: Tally, author: number) => {
    t.reflectors++;
    t.authors?.add(author);
  };
  // The whole hours of each period, [first, end): an hour that ends at the period's start or later but starts before
  // it is a part-hour, read from the reflections.
  const first = periods.map((p) => Math.ceil(p.from / HOUR_MS));
  const end = periods.map((p, i) => Math.max(first[i] as number, Math.floor(p.to / HOUR_MS)));
  const counted = periods.flatMap((_, i) => ((end[i] as number) > (first[i] as number) ? [i] : []));
  if (counted.length > 0) {
    const lowest = Math.min(...counted.map((i) => first[i] as number));
    const highest = Math.max(...counted.map((i) => end[i] as number)) - 1;
    const blocks = repos(env.store).reflections.activity.blocks(ids, blockOf(lowest), blockOf(highest));
    for (let base = 0; base < periods.length; base += 32) {
      const batch = base / 32;
      const masks = new Uint32Array(highest - lowest + 1);
      for (const i of counted) {
        if (i < base || i >= base + 32) continue;
        for (let h = first[i] as number; h < (end[i] as number); h++) masks[h - lowest] = (masks[h - lowest] as number) | (1 << (i - base));
      }
      for (const [communityId, entries] of blocks) {
        const tallies = out.slice(base, base + 32).map((byCommunity) => byCommunity.get(communityId) as Tally);
        const words = wordsOf(entries);
        // Entries come by author: within a run of one author's, each period asks about them once.
        let author = -1;
        let asked = 0;
        let news = 0;
        for (let w = 0; w < words.length; w += 3) {
          const hour = words[w + 1] as number;
          if (hour < lowest || hour > highest) continue;
          let mask = masks[hour - lowest] as number;
          if (mask === 0) continue;
          if (words[w] !== author) {
            author = words[w] as number;
            asked = 0;
          }
          if ((mask & ~asked) !== 0) {
            news = fresh(batch, communityId, author, mask & ~asked);
            asked |= mask;
          } else news = 0;
          const counts = words[w + 2] as number;
          while (mask !== 0) {
            const bit = 31 - Math.clz32(mask);
            mask ^= 1 << bit;
            const t = tallies[bit] as Tally;
            t.count += counts & 0xffff;
            t.shared += counts >>> 16;
            if (news & (1 << bit)) countAuthor(t, author);
          }
        }
      }
    }
  }
  for (const [communityId, authorId, createdAt, visibility] of partHours(ids, periods, first, end, env)) {
    const hour = Math.floor(createdAt / HOUR_MS);
    for (const [i, p] of periods.entries()) {
      if (createdAt < p.from || createdAt >= p.to || (hour >= (first[i] as number) && hour < (end[i] as number))) continue;
      const t = out[i]?.get(communityId) as Tally;
      t.count++;
      if (visibility !== 'private') t.shared++;
      if (fresh(Math.floor(i / 32), communityId, authorId, 1 << (i % 32)) !== 0) countAuthor(t, authorId);
    }
  }
  return out;
}

/** The reflections written in the part-hours at the periods' ends (each once, however many periods share an hour). */
function partHours(
  ids: readonly number[],
  periods: readonly Period[],
  first: readonly number[],
  end: readonly number[],
  env: CoreEnv,
): [number, number, number, string][] {
  const ranges: [number, number][] = [];
  for (const [i, p] of periods.entries()) {
    const wholeFrom = (first[i] as number) * HOUR_MS;
    const wholeTo = (end[i] as number) * HOUR_MS;
    if (wholeTo <= wholeFrom) ranges.push([p.from, p.to]);
    else {
      if (p.from < wholeFrom) ranges.push([p.from, wholeFrom]);
      if (wholeTo < p.to) ranges.push([wholeTo, p.to]);
    }
  }
  const merged: [number, number][] = [];
  for (const [from, to] of ranges.filter(([f, t]) => t > f).sort((a, b) => a[0] - b[0])) {
    const last = merged[merged.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  if (merged.length === 0) return [];
  return prepared(
    env.store.db,
    `WITH ranges AS MATERIALIZED (SELECT value ->> '$[0]' AS f, value ->> '$[1]' AS t FROM json_each(:ranges))
     SELECT r.community_id, r.author_id, r.created_at, r.visibility FROM ranges
       JOIN reflections r ON r.community_id IN (SELECT value FROM json_each(:ids)) AND r.created_at >= ranges.f AND r.created_at < ranges.t`,
  )
    .raw()
    .all({ ranges: JSON.stringify(merged), ids: JSON.stringify(ids) }) as [number, number, number, string][];
}

/** The reflections figures of many communities in each period: counts only, never who or what. */
export function reflectionFiguresOfMany(
  communities: readonly Community[],
  periods: readonly Period[],
  env: CoreEnv,
): Map<number, Figures>[] {
  return talliesOf(communities, periods, env, false).map((byCommunity) => {
    const figures = new Map<number, Figures>();
    for (const [id, t] of byCommunity) {
      figures.set(id, { 'reflections.count': t.count, 'reflections.reflectors': t.reflectors, 'reflections.shared': t.shared });
    }
    return figures;
  });
}

/** Who reflected in the period, whatever the visibility: only ever counted, as active members. */
export const reflectionParticipants = participantsOfOne(reflectionParticipantsOfMany);

/** `reflectionParticipants` for many communities and periods, from the same counts as the figures. */
export function reflectionParticipantsOfMany(
  communities: readonly Community[],
  periods: readonly Period[],
  env: CoreEnv,
): Map<number, number[]>[] {
  return talliesOf(communities, periods, env, true).map(
    (byCommunity) => new Map([...byCommunity].filter(([, t]) => t.reflectors > 0).map(([id, t]) => [id, [...(t.authors ?? [])]])),
  );
}

/**
 * What coordinators may read of a community's reflections: those their authors shared with the leads and
 * coordinators. Never a private or team-only one.
 */
export function reflectionExport(community: Community, env: CoreEnv): Record<string, unknown[]> {
  const rows = prepared(
    env.store.db,
    `SELECT ref, text, created_at AS createdAt, edited_at AS editedAt FROM reflections
       WHERE community_id = ? AND visibility = 'coordinator' ORDER BY created_at, id`,
  ).all(community.id) as { ref: number; text: string; createdAt: number; editedAt: number | null }[];
  return {
    sharedWithCoordinators: rows.map((r) => ({
      reflection: `#${r.ref}`,
      text: r.text,
      writtenAt: new Date(r.createdAt).toISOString(),
      editedAt: r.editedAt === null ? null : new Date(r.editedAt).toISOString(),
      readers: 'coordinators',
    })),
  };
}
