/**
 * The counter of migration 170 for `memberships` too: raised by a trigger on every change to who is in which
 * community in what role (a join, a role given, a leave, a cascade), so the role every command checks is kept
 * between commands while it stands still (src/store/identity-cache.ts).
 */
export const membershipVersions = {
  version: 171,
  name: 'membership-versions',
  sql: `
      INSERT INTO identity_versions (name, n) VALUES ('memberships', 0);
      ${['INSERT', 'UPDATE', 'DELETE']
        .map(
          (event) => `
      CREATE TRIGGER memberships_${event.toLowerCase()}_counted AFTER ${event} ON memberships BEGIN
        UPDATE identity_versions SET n = n + 1 WHERE name = 'memberships';
      END;`,
        )
        .join('')}
    `,
};
