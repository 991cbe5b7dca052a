import type { Readers, SearchDocument } from '../capability.js';
import { type Db, prepared } from '../store/db.js';
import type { Store } from '../store/store.js';
import { fold, foldWithOffsets } from './fold.js';
import { indexable, parseQuery } from './query.js';
import { trigramPhrase, trigramTokens } from './trigrams.js';

export { fold } from './fold.js';
export { parseQuery } from './query.js';

/**
 * The community search: one index for every capability's texts, on SQLite FTS5 over folded text
 * (src/search/fold.ts) cut into trigrams (src/search/trigrams.ts), so "förderung" finds "Leseförderung" and
 * "المعلمون" finds "المُعَلِّمُونَ".
 *
 * The community reaches the index through its tokens: each trigram is indexed with the community's id in
 * front of it, so a search reads that community's postings and no other's. Who may read reaches it through
 * the document's id, laid out as `community · 2^27 + level · 2^24 + sequence` with the levels of `Readers`
 * from the widest (0, everyone in the community) to the narrowest (4, listed people only): what a person may
 * read by their role is one range of rowids (a member: levels 0–1 of their community), a constraint of the
 * match itself (a coordinator from outside the community has the team's level cut out of theirs). Texts beyond
 * their role that list them as a reader (their own private reflection) come from `search_readers`, keyed by
 * person, so those too are found without reading anyone else's. Readers are roles wherever they can be: a text
 * for the team costs one row, not one per member, and a change of role needs no reindexing.
 *
 * Ranking is term frequency with length normalisation (a BM25 shape without the inverse document frequency):
 * every term must match, so what IDF adds is a weight between terms, and FTS5's bm25() computes it by matching
 * each term over the whole table on every query.
 */

/** Who may read, as an ordered level: each level's readers read every level below it. */
const LEVELS = { community: 0, participants: 1, leads: 2, coordinators: 3, people: 4 } as const;
export type ReaderLevel = (typeof LEVELS)[keyof typeof LEVELS];
const TOP_LEVEL = LEVELS.people;

const LEVEL_SPAN = 2 ** 24;
const COMMUNITY_SPAN = 2 ** 27;

const lowest = (communityId: number, level: number) => communityId * COMMUNITY_SPAN + level * LEVEL_SPAN;
const highest = (communityId: number, level: number) => lowest(communityId, level) + LEVEL_SPAN - 1;

/** The most hits one search keeps: a hundred pages of ten. */
export const MAX_HITS = 1000;

/** Where a document comes from: the key it is kept under. */
export interface DocumentKey {
  communityId: number;
  source: string;
  ref: number;
}

/** The community a document belongs to. */
export interface Owner {
  id: number;
  workspaceId: number;
}

/** Who searches, and how far their role lets them read in the community. */
export interface Asker {
  communityId: number;
  userId: number;
  level: ReaderLevel;
  /**
   * Whether they read the team's texts (`participants`): a member or lead of the community. A guest does not, and
   * neither does a coordinator who does not belong to it, though their level is above the team's.
   */
  team: boolean;
}

/** One document a search found, best first. */
export interface Hit {
  source: string;
  ref: number;
  at: number;
  /** The text as it was written. */
  body: string;
  score: number;
}

/** How far a person reads in a community: guests its common texts, members the team's, leads theirs, coordinators theirs. */
export function readerLevel(role: string | null, isCoordinator: boolean): ReaderLevel {
  if (isCoordinator) return LEVELS.coordinators;
  if (role === 'lead') return LEVELS.leads;
  if (role && role !== 'guest') return LEVELS.participants;
  return LEVELS.community;
}

/** The asker a person is in a community, by their role there (null: not in it) and whether they coordinate the workspace. */
export function askerOf(communityId: number, userId: number, role: string | null, isCoordinator: boolean): Asker {
  return { communityId, userId, level: readerLevel(role, isCoordinator), team: role !== null && role !== 'guest' };
}

/**
 * How many waiting documents one transaction puts into the FTS index. Each commit writes an FTS5 segment and
 * merges some, so fewer, larger batches cost less a document: 64 took about 2 ms (11 ms at most, when segments
 * merged), 16 took 0.8 ms, and the write mix's commands took about 5 % less time with 64.
 */
const FLUSH_BATCH = 64;
/** How long after a document is put the waiting ones are indexed, so that a busy moment's documents share commits. */
const FLUSH_DELAY_MS = 100;

/**
 * The documents of the community search, on one store. A document's row and readers are written at once, in the
 * caller's transaction; its trigrams wait in `search_unindexed` (written in that same transaction) and go into
 * the FTS index a batch at a time, shortly after, or before any search, which therefore always reads them all.
 */
export class SearchIndex {
  #timer: NodeJS.Timeout | null = null;
  readonly #batch: () => number;

  constructor(private readonly db: Db) {
    // A batch reads the waiting documents, then writes. Taking the write lock first (IMMEDIATE) lets it wait for
    // another process's commit or the checkpointer's restart of the log (busy_timeout), where a read gone stale
    // meanwhile failed at once, busy.
    const batch = db.transaction(() => this.#indexBatch());
    this.#batch = () => batch.immediate();
  }

  /** Adds a document, or replaces the one kept under the same source and `#n` (an edit, new readers). */
  put(owner: Owner, doc: SearchDocument): void {
    this.remove({ communityId: owner.id, source: doc.source, ref: doc.ref });
    this.add(owner, doc);
  }

  /** Adds a document that cannot be in the index yet (a new `#n`): `put` without first taking out an older one. */
  add(owner: Owner, doc: SearchDocument): void {
    const level = LEVELS[doc.readers.kind];
    const id = this.#nextId(owner.id, level);
    const norm = fold(doc.text);
    this.#sql('INSERT INTO search_docs (id, workspace_id, community_id, source, ref, at, body, norm) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
      id,
      owner.workspaceId,
      owner.id,
      doc.source,
      doc.ref,
      doc.at,
      doc.text,
      norm,
    );
    this.#sql('INSERT INTO search_unindexed (doc_id) VALUES (?)').run(id);
    this.#addReaders(id, doc.readers);
    this.#soon();
  }

  /** Puts every waiting document into the FTS index, a batch per transaction; returns how many there were. */
  flush(): number {
    let done = 0;
    for (let n = FLUSH_BATCH; n === FLUSH_BATCH; done += n) n = this.#batch();
    return done;
  }

  /** Whether documents wait to be indexed (for maintenance and tests; a search indexes them first). */
  waiting(): number {
    return (this.#sql('SELECT COUNT(*) AS n FROM search_unindexed').get() as { n: number }).n;
  }

  /**
   * Indexes the waiting documents a little later, one batch per turn of the event loop, so that no request waits
   * long behind them. A batch that fails (the file busy with another process) stays waiting for the next put or search.
   */
  #soon(delay = FLUSH_DELAY_MS): void {
    if (this.#timer) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      if (!this.db.open) return;
      try {
        if (this.#batch() === FLUSH_BATCH) this.#soon(0);
      } catch {
        // Left waiting: the next put schedules another try, and a search indexes them before it reads.
      }
    }, delay);
    this.#timer.unref();
  }

  /** One batch of waiting documents into the FTS index, in the caller's transaction; returns how many. */
  #indexBatch(): number {
    const waiting = this.#sql(
      `SELECT d.id, d.community_id AS communityId, d.norm FROM search_unindexed u JOIN search_docs d ON d.id = u.doc_id
        ORDER BY u.doc_id LIMIT ?`,
    ).all(FLUSH_BATCH) as { id: number; communityId: number; norm: string }[];
    const index = this.#sql('INSERT INTO search_fts (rowid, tokens) VALUES (?, ?)');
    const done = this.#sql('DELETE FROM search_unindexed WHERE doc_id = ?');
    for (const doc of waiting) {
      index.run(doc.id, trigramTokens(doc.communityId, doc.norm));
      done.run(doc.id);
    }
    return waiting.length;
  }

  /** Takes a document out of the index (its text is deleted, not only hidden). */
  remove(key: DocumentKey): void {
    this.#sql('DELETE FROM search_docs WHERE community_id = ? AND source = ? AND ref = ?').run(key.communityId, key.source, key.ref);
  }

  /** Replaces every document of `source` in the community with `docs`: a capability's part, rebuilt. */
  replaceSource(owner: Owner, source: string, docs: readonly SearchDocument[]): void {
    this.#sql('DELETE FROM search_docs WHERE community_id = ? AND source = ?').run(owner.id, source);
    for (const doc of docs) this.put(owner, { ...doc, source });
  }

  /** Replaces every document of the community with `docs` (every capability's `searchable`). */
  replaceCommunity(owner: Owner, docs: readonly SearchDocument[]): void {
    this.#sql('DELETE FROM search_docs WHERE community_id = ?').run(owner.id);
    for (const doc of docs) this.put(owner, doc);
  }

  /** How many documents the community has, of every level: for maintenance, never shown to a reader. */
  count(communityId: number): number {
    return (this.#sql('SELECT COUNT(*) AS n FROM search_docs WHERE community_id = ?').get(communityId) as { n: number }).n;
  }

  /**
   * What `asker` may read in their community that matches every term of `query`, best first (at most
   * `MAX_HITS`). Terms of three characters or more are matched by the trigram index within the asker's range;
   * shorter ones, which it cannot look up, are matched in the rows of that same range.
   */
  search(asker: Asker, query: string): Hit[] {
    const terms = parseQuery(query);
    if (terms.length === 0) return [];
    if (this.#sql('SELECT 1 FROM search_unindexed LIMIT 1').get()) this.flush();
    const long = terms.filter(indexable);
    const short = terms.filter((t) => !indexable(t));
    // A coordinator from outside the community reads the levels up to theirs but the team's: those are cut out of the
    // range (an empty cut, 1 to 0, for everyone else) and read only where they are listed.
    const cut = !asker.team && asker.level > LEVELS.participants;
    const params: Record<string, unknown> = {
      lo: lowest(asker.communityId, 0),
      hi: highest(asker.communityId, asker.level),
      xlo: cut ? lowest(asker.communityId, LEVELS.participants) : 1,
      xhi: cut ? highest(asker.communityId, LEVELS.participants) : 0,
      plo: lowest(asker.communityId, asker.level + 1),
      phi: highest(asker.communityId, TOP_LEVEL),
      user: asker.userId,
      limit: MAX_HITS,
    };
    terms.forEach((t, i) => {
      params[`t${i}`] = t;
    });
    const all = terms.map((_, i) => `instr(d.norm, @t${i}) > 0`);
    const shortOnes = short.map((t) => `instr(d.norm, @t${terms.indexOf(t)}) > 0`);
    const score = terms
      .map((_, i) => {
        const occurrences = `((length(d.norm) - length(replace(d.norm, @t${i}, ''))) / length(@t${i}))`;
        return `(${occurrences} * 1.0 / (${occurrences} + 1.2 * (0.25 + 0.75 * length(d.norm) / 300.0)))`;
      })
      .join(' + ');
    const columns = `d.source, d.ref, d.at, d.body, ${score} AS score`;
    let byRole: string;
    if (long.length) {
      params.match = long.map((t) => trigramPhrase(asker.communityId, t)).join(' AND ');
      byRole = `SELECT ${columns} FROM search_fts f JOIN search_docs d ON d.id = f.rowid
        WHERE search_fts MATCH @match AND f.rowid BETWEEN @lo AND @hi AND f.rowid NOT BETWEEN @xlo AND @xhi${shortOnes.map((c) => ` AND ${c}`).join('')}`;
    } else {
      byRole = `SELECT ${columns} FROM search_docs d WHERE d.id BETWEEN @lo AND @hi AND d.id NOT BETWEEN @xlo AND @xhi AND ${shortOnes.join(' AND ')}`;
    }
    const asReader =
      asker.level < TOP_LEVEL
        ? ` UNION ALL SELECT ${columns} FROM search_readers r JOIN search_docs d ON d.id = r.doc_id
            WHERE r.user_id = @user AND (r.doc_id BETWEEN @plo AND @phi OR r.doc_id BETWEEN @xlo AND @xhi) AND ${all.join(' AND ')}`
        : '';
    const sql = `SELECT source, ref, at, body, score FROM (${byRole}${asReader}) ORDER BY score DESC, at DESC, ref DESC LIMIT @limit`;
    return this.#sql(sql).all(params) as Hit[];
  }

  #nextId(communityId: number, level: number): number {
    const lo = lowest(communityId, level);
    const hi = highest(communityId, level);
    const row = this.#sql('SELECT MAX(id) AS top FROM search_docs WHERE id BETWEEN ? AND ?').get(lo, hi) as { top: number | null };
    const id = (row.top ?? lo) + 1;
    if (id > hi) throw new Error(`search ids of community ${communityId} at level ${level} are used up`);
    return id;
  }

  #addReaders(docId: number, readers: Readers): void {
    if (!('userIds' in readers) || !readers.userIds) return;
    const add = this.#sql('INSERT OR IGNORE INTO search_readers (user_id, doc_id) VALUES (?, ?)');
    for (const userId of readers.userIds) add.run(userId, docId);
  }

  #sql(sql: string) {
    return prepared(this.db, sql);
  }
}

/** The search index on a store, made once per store. */
export function searchIndex(store: Store): SearchIndex {
  return store.extension('search', (db) => new SearchIndex(db));
}

/**
 * A stretch of `body` around the first place a term matches, as written (no folding shows), about `width`
 * characters long, with an ellipsis where it was cut. Plain text: renderers escape it.
 */
export function snippet(body: string, query: string, width = 160): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  if (flat.length <= width) return flat;
  const { folded, offsets } = foldWithOffsets(flat);
  const at = parseQuery(query)
    .map((t) => folded.indexOf(t))
    .filter((i) => i >= 0)
    .sort((a, b) => a - b)[0];
  const hit = at === undefined ? 0 : (offsets[at] as number);
  let from = Math.max(0, hit - Math.floor(width / 3));
  let to = Math.min(flat.length, from + width);
  from = Math.max(0, to - width);
  // Cut at spaces, so no word is shown in half.
  if (from > 0) {
    const space = flat.indexOf(' ', from);
    if (space >= 0 && space < hit) from = space + 1;
  }
  if (to < flat.length) {
    const space = flat.lastIndexOf(' ', to);
    if (space > Math.max(from, hit)) to = space;
  }
  return `${from > 0 ? '… ' : ''}${flat.slice(from, to)}${to < flat.length ? ' …' : ''}`;
}
