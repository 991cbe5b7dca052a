/**
 * A community's reflections over one block of hours, packed for summaries: for each author and UTC hour in which
 * they wrote, how many reflections and how many of those were shared beyond the author. Counts and times only,
 * never what anyone wrote.
 *
 * A district's summary asks, for 200 communities and six periods, how many reflected, how many reflections there
 * were and how many were shared. Read from the reflections, that is a hundred thousand index entries and a
 * distinct count over them; read from these blocks, it is a few rows a community (see the README's *Status
 * summaries*). Each entry is twelve bytes: the author (u32), the hour since the epoch (u32), the count (u16) and
 * the shared count (u16), little-endian, sorted by author and then hour.
 */

/** How many hours one block holds: 32 days, so a block of a busy community stays within one database page. */
export const BLOCK_HOURS = 32 * 24;
export const HOUR_MS = 3_600_000;
export const ENTRY_BYTES = 12;
/** What one entry can count: far more reflections than one person writes in an hour. */
const MAX_COUNT = 0xffff;

/** The hour since the epoch an instant falls in. */
export const hourOf = (ms: number): number => Math.floor(ms / HOUR_MS);
/** The block an hour is kept in. */
export const blockOf = (hour: number): number => Math.floor(hour / BLOCK_HOURS);

/** One author's reflections in one hour. */
export interface ActivityEntry {
  author: number;
  hour: number;
  count: number;
  shared: number;
}

/** A change to one author's hour: reflections written (positive counts) or deleted (negative). */
export type ActivityChange = ActivityEntry;

/** Whether this machine keeps numbers little-endian, as the blocks do: then a block reads as words without a copy. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * A block as three words an entry (author, hour, then count + shared × 65536), for summaries that read a
 * district's hundred thousand entries: a typed array reads each in a few nanoseconds, a DataView call several
 * times that.
 */
export function wordsOf(packed: Uint8Array): Uint32Array {
  if (LITTLE_ENDIAN && packed.byteOffset % 4 === 0) return new Uint32Array(packed.buffer, packed.byteOffset, packed.byteLength / 4);
  const data = view(packed);
  const out = new Uint32Array(packed.byteLength / 4);
  for (let i = 0; i < out.length; i++) out[i] = data.getUint32(i * 4, true);
  return out;
}

function view(packed: Uint8Array): DataView {
  return new DataView(packed.buffer, packed.byteOffset, packed.byteLength);
}

/** Every entry of a block, in order. */
export function entriesOf(packed: Uint8Array): ActivityEntry[] {
  const data = view(packed);
  const out: ActivityEntry[] = [];
  for (let at = 0; at + ENTRY_BYTES <= packed.byteLength; at += ENTRY_BYTES) {
    out.push({
      author: data.getUint32(at, true),
      hour: data.getUint32(at + 4, true),
      count: data.getUint16(at + 8, true),
      shared: data.getUint16(at + 10, true),
    });
  }
  return out;
}

/** A block packed from its entries (any order; entries with nothing left are dropped); null when none is left. */
export function packed(entries: readonly ActivityEntry[]): Uint8Array | null {
  const kept = entries.filter((e) => e.count > 0).sort((a, b) => a.author - b.author || a.hour - b.hour);
  if (kept.length === 0) return null;
  const out = new Uint8Array(kept.length * ENTRY_BYTES);
  const data = view(out);
  for (const [i, e] of kept.entries()) {
    const at = i * ENTRY_BYTES;
    data.setUint32(at, e.author, true);
    data.setUint32(at + 4, e.hour, true);
    data.setUint16(at + 8, Math.min(e.count, MAX_COUNT), true);
    data.setUint16(at + 10, Math.min(Math.max(e.shared, 0), e.count, MAX_COUNT), true);
  }
  return out;
}

/**
 * The block with the changes applied: counts added (or taken away) by author and hour, an entry dropped when
 * nothing is left of it. A deletion the block does not hold changes nothing: the reflection is gone either way.
 */
export function applied(block: Uint8Array | null, changes: readonly ActivityChange[]): Uint8Array | null {
  if (changes.length === 1 && block) return appliedOne(block, changes[0] as ActivityChange);
  const byKey = new Map<string, ActivityEntry>();
  for (const e of block ? entriesOf(block) : []) byKey.set(`${e.author}:${e.hour}`, e);
  for (const c of changes) {
    const key = `${c.author}:${c.hour}`;
    const e = byKey.get(key);
    if (e) {
      e.count += c.count;
      e.shared += c.shared;
    } else if (c.count > 0) {
      byKey.set(key, { author: c.author, hour: c.hour, count: c.count, shared: c.shared });
    }
  }
  return packed([...byKey.values()]);
}

/**
 * One change, as every `reflect` makes: the entry is found by halving (entries are sorted), and the block is copied
 * once with it changed, added or left out, rather than unpacked and packed again.
 */
function appliedOne(block: Uint8Array, c: ActivityChange): Uint8Array | null {
  const data = view(block);
  const n = block.byteLength / ENTRY_BYTES;
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const author = data.getUint32(mid * ENTRY_BYTES, true);
    const hour = data.getUint32(mid * ENTRY_BYTES + 4, true);
    if (author < c.author || (author === c.author && hour < c.hour)) lo = mid + 1;
    else hi = mid;
  }
  const at = lo * ENTRY_BYTES;
  const found = lo < n && data.getUint32(at, true) === c.author && data.getUint32(at + 4, true) === c.hour;
  if (!found) {
    if (c.count <= 0) return block;
    const out = new Uint8Array(block.byteLength + ENTRY_BYTES);
    out.set(block.subarray(0, at), 0);
    out.set(block.subarray(at), at + ENTRY_BYTES);
    const put = view(out);
    put.setUint32(at, c.author, true);
    put.setUint32(at + 4, c.hour, true);
    put.setUint16(at + 8, Math.min(c.count, MAX_COUNT), true);
    put.setUint16(at + 10, Math.min(Math.max(c.shared, 0), c.count, MAX_COUNT), true);
    return out;
  }
  const count = data.getUint16(at + 8, true) + c.count;
  if (count <= 0) {
    if (n === 1) return null;
    const out = new Uint8Array(block.byteLength - ENTRY_BYTES);
    out.set(block.subarray(0, at), 0);
    out.set(block.subarray(at + ENTRY_BYTES), at);
    return out;
  }
  const out = block.slice();
  const put = view(out);
  put.setUint16(at + 8, Math.min(count, MAX_COUNT), true);
  put.setUint16(at + 10, Math.min(Math.max(data.getUint16(at + 10, true) + c.shared, 0), count, MAX_COUNT), true);
  return out;
}
