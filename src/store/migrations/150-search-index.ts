/**
 * The community search's index (see src/search/index.ts): one row per searchable text, the people a private
 * text is for, and an FTS5 index of the folded text's trigrams, each token prefixed with its community
 * (src/search/trigrams.ts). A document's id says which community it belongs to and who may read it. The FTS
 * table keeps no copy of the text (contentless, with deletes); a trigger takes a document out of it however
 * its row goes (its community or workspace deleted, too), and `secure-delete` removes its terms from the
 * index's pages instead of only marking them, so a forgotten text cannot be read back from the file.
 */
export const searchIndex = {
  version: 150,
  name: 'search-index',
  sql: `
      CREATE TABLE search_docs (
        id INTEGER PRIMARY KEY,
        workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        community_id INTEGER NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
        source TEXT NOT NULL,
        ref INTEGER NOT NULL,
        at INTEGER NOT NULL,
        body TEXT NOT NULL,
        norm TEXT NOT NULL,
        UNIQUE (community_id, source, ref)
      );

      CREATE TABLE search_readers (
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        doc_id INTEGER NOT NULL REFERENCES search_docs(id) ON DELETE CASCADE,
        PRIMARY KEY (user_id, doc_id)
      ) WITHOUT ROWID;
      CREATE INDEX search_readers_by_doc ON search_readers (doc_id);

      CREATE VIRTUAL TABLE search_fts USING fts5(
        tokens, content = '', contentless_delete = 1, tokenize = 'ascii', detail = full
      );
      INSERT INTO search_fts (search_fts, rank) VALUES ('secure-delete', 1);

      CREATE TRIGGER search_docs_removed AFTER DELETE ON search_docs BEGIN
        DELETE FROM search_fts WHERE rowid = old.id;
      END;
    `,
};
