/**
 * Which team each channel conversation belongs to. Teams reports a member leaving, or the app being added or
 * removed, once per team (on its General channel), and that reaches every channel of the team.
 */
export const teamsOfChannels = {
  version: 22,
  name: 'teams-of-channels',
  sql: `
      ALTER TABLE teams_conversations ADD COLUMN team_id TEXT;
      CREATE INDEX teams_conversations_team ON teams_conversations (tenant_id, team_id) WHERE team_id IS NOT NULL;
    `,
};
