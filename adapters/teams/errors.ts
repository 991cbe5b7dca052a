/** What can go wrong in the Teams adapter, as codes a caller can test for (as bolt-js does). */
export enum TeamsErrorCode {
  Config = 'teams_config',
  NoReference = 'teams_no_reference',
  Connector = 'teams_connector',
}

/** An error of the Teams adapter with a code. */
export class TeamsError extends Error {
  override name = 'TeamsError';
  constructor(
    readonly code: TeamsErrorCode,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** The environment asks for something the adapter cannot do safely. */
export class TeamsConfigError extends TeamsError {
  override name = 'TeamsConfigError';
  constructor(message: string) {
    super(TeamsErrorCode.Config, message);
  }
}

/** The HTTP status of a failed Bot Connector call (botbuilder's RestError carries `statusCode`). */
export function statusOf(err: unknown): number | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const e = err as { statusCode?: unknown; status?: unknown; response?: { status?: unknown } };
  const status = e.statusCode ?? e.status ?? e.response?.status;
  return typeof status === 'number' ? status : undefined;
}

/** Whether a Bot Connector failure means the conversation is gone for good (bot removed, chat deleted). */
export function isGone(err: unknown): boolean {
  const status = statusOf(err);
  return status === 403 || status === 404;
}
