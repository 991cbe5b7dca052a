/**
 * When the app was removed from the channel a community lives in (a Teams team uninstalled it, the bot was
 * taken out of the chat): nothing is posted there until the app is added back, and the binding is kept for then.
 */
export const channelRemovals = {
  version: 100,
  name: 'channel-removals',
  sql: `
      ALTER TABLE communities ADD COLUMN removed_from_channel_at INTEGER;
    `,
};
