/**
 * Documents of the community search whose trigrams are not in the FTS index yet (src/search/index.ts): a row is
 * written in the same transaction as its document, and the index takes the waiting ones in batches after the
 * command has been answered (or before any search reads it). FTS5 writes a segment and merges on every commit,
 * so one document per transaction cost a shared reflection more than the rest of its command; the row here keeps
 * the work durable, so a restart in between loses nothing.
 */
export const searchUnindexed = {
  version: 161,
  name: 'search-unindexed',
  sql: `
      CREATE TABLE search_unindexed (
        doc_id INTEGER PRIMARY KEY REFERENCES search_docs(id) ON DELETE CASCADE
      );
    `,
};
