/**
 * A workspace's quiet hours, set by its coordinators (`settings quiet`, `settings workdays`), as typed:
 * `07:00-19:00` and `mon-fri`. Null keeps the install's defaults (QUIET_HOURS, WORKDAYS).
 */
export const quietHours = {
  version: 1000,
  name: 'quiet-hours',
  sql: `
      ALTER TABLE workspaces ADD COLUMN quiet_hours TEXT;
      ALTER TABLE workspaces ADD COLUMN workdays TEXT;
    `,
};
