/**
 * A counter per table that says who someone is and where: raised by a trigger on every change to `users` or
 * `communities`, whoever makes it (this process, another one on the file, a cascade). The bot keeps the people and
 * channels it looked up while the counters stand still (src/store/identity-cache.ts), so a command reads one row
 * where it read three.
 */
const counted = (table: string) =>
  ['INSERT', 'UPDATE', 'DELETE']
    .map(
      (event) => `
      CREATE TRIGGER ${table}_${event.toLowerCase()}_counted AFTER ${event} ON ${table} BEGIN
        UPDATE identity_versions SET n = n + 1 WHERE name = '${table}';
      END;`,
    )
    .join('');

export const identityVersions = {
  version: 170,
  name: 'identity-versions',
  sql: `
      CREATE TABLE identity_versions (name TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
      INSERT INTO identity_versions (name, n) VALUES ('users', 0), ('communities', 0);
      ${counted('users')}
      ${counted('communities')}
    `,
};
