/**
 * The community's library, norms and charter. People are referred to with ON DELETE SET NULL: what someone
 * shared or wrote stays with the team, credited to "a former member", once they are forgotten. `author_id` is
 * the author of a message someone saved to the library (the saver is `sharer_id`); it gives them the right to
 * remove it, and goes with them.
 */
export const library = {
  version: 700,
  name: 'knowledge-library',
  sql: `
      CREATE TABLE knowledge_resources (
        id INTEGER PRIMARY KEY,
        workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        community_id INTEGER NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
        ref INTEGER NOT NULL,
        url TEXT,
        text TEXT NOT NULL,
        sharer_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
        author_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
        saved_from_message INTEGER NOT NULL DEFAULT 0,
        shared_at INTEGER NOT NULL,
        pinned_at INTEGER,
        UNIQUE (workspace_id, ref)
      );
      CREATE INDEX knowledge_resources_by_community ON knowledge_resources (community_id, shared_at);

      CREATE TABLE knowledge_resource_tags (
        resource_id INTEGER NOT NULL REFERENCES knowledge_resources(id) ON DELETE CASCADE,
        tag_key TEXT NOT NULL,
        tag TEXT NOT NULL,
        PRIMARY KEY (resource_id, tag_key)
      ) WITHOUT ROWID;
      CREATE INDEX knowledge_resource_tags_by_tag ON knowledge_resource_tags (tag_key);

      CREATE TABLE knowledge_norms (
        id INTEGER PRIMARY KEY,
        workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        community_id INTEGER NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
        ref INTEGER NOT NULL,
        text TEXT NOT NULL,
        author_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
        created_at INTEGER NOT NULL,
        UNIQUE (workspace_id, ref)
      );
      CREATE INDEX knowledge_norms_by_community ON knowledge_norms (community_id, created_at);

      CREATE TABLE knowledge_charters (
        community_id INTEGER PRIMARY KEY REFERENCES communities(id) ON DELETE CASCADE,
        mission TEXT NOT NULL,
        set_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
        set_at INTEGER NOT NULL
      );
    `,
};
