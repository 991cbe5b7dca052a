import { RecipientGoneError } from '../../src/ports.js';

/** What went wrong talking to Slack, as a stable code (logs and tests match on it, never on messages). */
export enum SlackErrorCode {
  RateLimited = 'slack_rate_limited',
  Authentication = 'slack_authentication',
  Permission = 'slack_permission',
  NotFound = 'slack_not_found',
  NotInstalled = 'slack_not_installed',
  Upload = 'slack_upload',
  Unknown = 'slack_unknown',
}

/** An error from the Slack adapter, with a code. */
export class SlackAdapterError extends Error {
  override name = 'SlackAdapterError';
  constructor(
    readonly code: SlackErrorCode,
    message: string,
    readonly slackError?: string,
  ) {
    super(message);
  }
}

export function isSlackAdapterError(e: unknown): e is SlackAdapterError {
  return e instanceof SlackAdapterError;
}

/** Slack's `error` strings that mean the recipient cannot be reached any more. */
const GONE = new Set([
  'channel_not_found',
  'is_archived',
  'not_in_channel',
  'user_not_found',
  'user_disabled',
  'account_inactive',
  'cannot_dm_bot',
  'messages_tab_disabled',
  // On chat.update: the message itself is gone or can no longer be edited, so the core forgets it.
  'message_not_found',
  'cant_update_message',
  'edit_window_closed',
]);
const AUTH = new Set(['invalid_auth', 'not_authed', 'token_revoked', 'token_expired', 'no_permission']);

/** The `error` string of a Web API platform error (`{ ok: false, error }`), if it is one. */
export function slackErrorOf(e: unknown): string | undefined {
  const data = (e as { data?: { error?: unknown } } | null)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}

/** Turns a Web API failure into the core's RecipientGoneError or a coded adapter error. */
export function fromWebApiError(e: unknown, what: string): Error {
  const code = slackErrorOf(e);
  if (code && GONE.has(code)) return new RecipientGoneError(`${what}: ${code}`);
  if (code && AUTH.has(code)) return new SlackAdapterError(SlackErrorCode.Authentication, `${what}: ${code}`, code);
  if (code === 'missing_scope' || code === 'restricted_action')
    return new SlackAdapterError(SlackErrorCode.Permission, `${what}: ${code}`, code);
  if (code === 'ratelimited') return new SlackAdapterError(SlackErrorCode.RateLimited, `${what}: ${code}`, code);
  return new SlackAdapterError(SlackErrorCode.Unknown, `${what}: ${code ?? (e instanceof Error ? e.message : String(e))}`, code);
}
