/**
 * A workspace's terms, marked by its coordinators with `term start`: each starts on a local date and runs until
 * the next one starts. A term marked `new_year` also starts a school year. Dates are local (`YYYY-MM-DD`), as
 * holidays are: each community's term starts at midnight in its own time zone.
 */
export const terms = {
  version: 103,
  name: 'terms',
  sql: `
      CREATE TABLE terms (
        id INTEGER PRIMARY KEY,
        workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        starts_on TEXT NOT NULL,
        new_year INTEGER NOT NULL DEFAULT 0 CHECK (new_year IN (0, 1)),
        name TEXT,
        created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
        created_at INTEGER NOT NULL,
        UNIQUE (workspace_id, starts_on)
      );
    `,
};
