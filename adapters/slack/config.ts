import { allowedBy, type Config, ConfigError } from '../../src/config.js';

/** How the Slack adapter reaches Slack, decided once from the environment. */
export type SlackMode =
  | { kind: 'single'; botToken: string; signingSecret: string; socket: false }
  | { kind: 'socket'; botToken: string; appToken: string; socket: true }
  | {
      kind: 'oauth';
      signingSecret: string;
      clientId: string;
      clientSecret: string;
      stateSecret: string;
      publicUrl: string;
      encryptionKey: Buffer;
      socket: false;
    };

/** Bot scopes the app asks for when installed through OAuth; the manifest lists the same. */
export const BOT_SCOPES = [
  'commands',
  'chat:write',
  'chat:write.public',
  'im:write',
  'users:read',
  'channels:read',
  'groups:read',
  'files:write',
];

/** Reads the Slack part of the configuration; a missing or bad variable is named in a ConfigError. */
export function slackMode(config: Config): SlackMode {
  const problems: string[] = [];
  const need = (name: keyof Config) => {
    const value = config[name];
    if (typeof value !== 'string' || value === '') problems.push(`${name} is required`);
    return (value as string | undefined) ?? '';
  };
  let mode: SlackMode;
  if (config.SLACK_APP_TOKEN) {
    // Socket Mode apps cannot be distributed, so Socket Mode is single-workspace only.
    mode = { kind: 'socket', botToken: need('SLACK_BOT_TOKEN'), appToken: config.SLACK_APP_TOKEN, socket: true };
  } else if (config.SLACK_CLIENT_ID || config.SLACK_CLIENT_SECRET) {
    const rawKey = need('TOKEN_ENCRYPTION_KEY');
    const encryptionKey = rawKey ? parseKey(rawKey) : Buffer.alloc(32);
    if (rawKey && encryptionKey.length !== 32) problems.push('TOKEN_ENCRYPTION_KEY is not 32 bytes as 64 hex characters or base64');
    mode = {
      kind: 'oauth',
      signingSecret: need('SLACK_SIGNING_SECRET'),
      clientId: need('SLACK_CLIENT_ID'),
      clientSecret: need('SLACK_CLIENT_SECRET'),
      stateSecret: need('SLACK_STATE_SECRET'),
      publicUrl: need('PUBLIC_URL'),
      encryptionKey,
      socket: false,
    };
  } else {
    mode = { kind: 'single', botToken: need('SLACK_BOT_TOKEN'), signingSecret: need('SLACK_SIGNING_SECRET'), socket: false };
  }
  if (problems.length) throw new ConfigError(`Invalid Slack configuration:\n  ${problems.join('\n  ')}`);
  return mode;
}

/** A 32-byte key written as 64 hex characters or as base64. */
export function parseKey(raw: string): Buffer {
  if (/^[0-9a-fA-F]{64}$/.test(raw)) return Buffer.from(raw, 'hex');
  return Buffer.from(raw, 'base64');
}

/**
 * Whether SLACK_ALLOWED_TEAMS admits a workspace: unset admits every one; otherwise each team the request is
 * about must be listed, or the Enterprise Grid org they belong to. No team at all is admitted only by its org.
 */
export function teamsAllowed(config: Config, teamIds: readonly string[], enterpriseId?: string | null): boolean {
  const list = config.SLACK_ALLOWED_TEAMS;
  if (!list || allowedBy(list, enterpriseId)) return true;
  return teamIds.length > 0 && teamIds.every((team) => allowedBy(list, team));
}
