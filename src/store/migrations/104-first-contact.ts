/**
 * First contact: when the bot introduced itself to a person (the first message it addressed to them carried the
 * introduction), and the key of the scheduled message that carried it, so a retry of that same message carries it
 * again while any other message does not. People already in the database when this ships have met the bot: they
 * count as introduced. A person erased by forget-me loses the row, so one who comes back is introduced anew.
 */
export const firstContact = {
  version: 104,
  name: 'first-contact',
  sql: `
      ALTER TABLE users ADD COLUMN introduced_at INTEGER;
      ALTER TABLE users ADD COLUMN introduced_with TEXT;
      UPDATE users SET introduced_at = created_at;
    `,
};
