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
 *
 * A district's summary reads a hundred thousand entries here, in its first runs before V8 has optimized anything:
 * the entries are read by `tallyEntries`, a small loop over typed arrays that is compiled early and once.
 */
function talliesOf(communities: readonly Community[], periods: readonly Period[], env: CoreEnv, withPeople: boolean): Map<number, Tally>[] {
  const out: Map<number, Tally>[] = [];
  for (let i = 0; i < periods.length; i++) {
    const byCommunity = new Map<number, Tally>();
    for (const c of communities) byCommunity.set(c.id, { count: 0, shared: 0, reflectors: 0, authors: withPeople ? new Set() : null });
    out.push(byCommunity);
  }
  if (periods.length === 0 || communities.length === 0) return out;
  const tallyOf = (i: number, communityId: number) => (out[i] as Map<number, Tally>).get(communityId) as Tally;
  const ids = communities.map((c) => c.id);
  const batches = Math.ceil(periods.length / 32);
  // For each batch of 32 periods, each community's authors and the periods that counted them, as bits.
  const seen: Map<number, Map<number, number>>[] = [];
  for (let b = 0; b < batches; b++) seen.push(new Map(ids.map((id) => [id, new Map<number, number>()])));
  // The whole hours of each period, [first, end): an hour that ends at the period's start or later but starts before
  // it is a part-hour, read from the reflections.
  const first = periods.map((p) => Math.ceil(p.from / HOUR_MS));
  const end = periods.map((p, i) => Math.max(first[i] as number, Math.floor(p.to / HOUR_MS)));
  let lowest = Number.POSITIVE_INFINITY;
  let highest = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < periods.length; i++) {
    if ((end[i] as number) <= (first[i] as number)) continue;
    lowest = Math.min(lowest, first[i] as number);
    highest = Math.max(highest, (end[i] as number) - 1);
  }
  if (highest >= lowest) {
    const entries = repos(env.store).reflections.activity.entries(ids, blockOf(lowest), blockOf(highest));
    // Counts, shared counts and reflectors of one community, three a period of the batch.
    const acc = new Int32Array(32 * 3);
    const people: Set<number>[] | null = withPeople ? [] : null;
    for (let batch = 0; batch < batches; batch++) {
      const base = batch * 32;
      const size = Math.min(32, periods.length - base);
      const masks = hourMasks(first, end, base, size, lowest, highest);
      for (let e = 0; e < entries.length; e++) {
        const communityId = (entries[e] as [number, Uint8Array])[0];
        acc.fill(0);
        if (people) {
          people.length = 0;
          for (let bit = 0; bit < size; bit++) people.push(tallyOf(base + bit, communityId).authors as Set<number>);
        }
        const byAuthor = seen[batch]?.get(communityId) as Map<number, number>;
        tallyEntries(wordsOf((entries[e] as [number, Uint8Array])[1]), masks, lowest, byAuthor, acc, people);
        for (let bit = 0; bit < size; bit++) {
          const t = tallyOf(base + bit, communityId);
          t.count += acc[bit * 3] as number;
          t.shared += acc[bit * 3 + 1] as number;
          t.reflectors += acc[bit * 3 + 2] as number;
        }
      }
    }
  }
  const rows = partHours(ids, periods, first, end, env);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as PartHourRow;
    const communityId = row[0];
    const authorId = row[1];
    const createdAt = row[2];
    const hour = Math.floor(createdAt / HOUR_MS);
    for (let i = 0; i < periods.length; i++) {
      const p = periods[i] as Period;
      if (createdAt < p.from || createdAt >= p.to || (hour >= (first[i] as number) && hour < (end[i] as number))) continue;
      const t = tallyOf(i, communityId);
      t.count++;
      if (row[3] !== 'private') t.shared++;
      const byAuthor = seen[Math.floor(i / 32)]?.get(communityId) as Map<number, number>;
      const before = byAuthor.get(authorId) ?? 0;
      const bit = 1 << (i % 32);
      if ((before & bit) === 0) {
        byAuthor.set(authorId, before | bit);
        t.reflectors++;
        t.authors?.add(authorId);
      }
    }
  }
  return out;
}

/** For each hour from `lowest` to `highest`, which periods of a batch hold it as a whole hour, a bit each. */
function hourMasks(
  first: readonly number[],
  end: readonly number[],
  base: number,
  size: number,
  lowest: number,
  highest: number,
): Int32Array {
  const masks = new Int32Array(highest - lowest + 1);
  for (let bit = 0; bit < size; bit++) {
    const to = (end[base + bit] as number) - lowest;
    for (let h = (first[base + bit] as number) - lowest; h < to; h++) masks[h] = (masks[h] as number) | (1 << bit);
  }
  return masks;
}

/**
 * Adds a community's entries (its blocks, one after another) to its counts in a batch of periods (`acc`: count,
 * shared and reflectors, three a period's bit). `masks` says which periods hold each hour from `lowest`;
 * `byAuthor`, which periods have counted each author. Each block's entries come by author: within a run of one
 * author's, each period asks about them once.
 */
function tallyEntries(
  words: Uint32Array,
  masks: Int32Array,
  lowest: number,
  byAuthor: Map<number, number>,
  acc: Int32Array,
  people: Set<number>[] | null,
): void {
  const hours = masks.length;
  let author = -1;
  let asked = 0;
  for (let w = 0; w < words.length; w += 3) {
    const at = (words[w + 1] as number) - lowest;
    if (at < 0 || at >= hours) continue;
    let mask = masks[at] as number;
    if (mask === 0) continue;
    if (words[w] !== author) {
      author = words[w] as number;
      asked = 0;
    }
    let news = 0;
    if ((mask & ~asked) !== 0) {
      const before = byAuthor.get(author) ?? 0;
      news = mask & ~asked & ~before;
      if (news !== 0) byAuthor.set(author, before | news);
      asked |= mask;
    }
    const counts = words[w + 2] as number;
    const count = counts & 0xffff;
    const shared = counts >>> 16;
    while (mask !== 0) {
      const bit = 31 - Math.clz32(mask);
      mask ^= 1 << bit;
      acc[bit * 3] = (acc[bit * 3] as number) + count;
      acc[bit * 3 + 1] = (acc[bit * 3 + 1] as number) + shared;
      if ((news & (1 << bit)) !== 0) {
        acc[bit * 3 + 2] = (acc[bit * 3 + 2] as number) + 1;
        people?.[bit]?.add(author);
      }
    }
  }
}

/** A reflection written in a part-hour: community, author, when, and its visibility. */
type PartHourRow = [number, number, number, string];

/** The reflections written in the part-hours at the periods' ends (each once, however many periods share an hour). */
function partHours(
  ids: readonly number[],
  periods: readonly Period[],
  first: readonly number[],
  end: readonly number[],
  env: CoreEnv,
): PartHourRow[] {
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
    .all({ ranges: JSON.stringify(merged), ids: JSON.stringify(ids) }) as PartHourRow[];
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
