/**
 * An archived community lets go of its channel (a new community may live there) but remembers it, so that
 * `restore` can bind it again when it is still free.
 */
export const archivedChannel = {
  version: 220,
  name: 'communities: the channel an archived community had',
  sql: `
      ALTER TABLE communities ADD COLUMN archived_channel TEXT;
      ALTER TABLE communities ADD COLUMN archived_channel_name TEXT;
    `,
};
