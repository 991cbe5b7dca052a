import type { WorkspaceAddress } from '../../src/ports.js';

/**
 * Slack's ids as the core sees them: a workspace is its team id, a person their user id, a place its
 * channel id, a thread its parent message `ts`. The core treats them as opaque strings.
 */

/** The workspace address of a Slack team. */
export function workspaceOf(teamId: string): WorkspaceAddress {
  return { platform: 'slack', externalId: teamId };
}

/** Direct messages (`D…`) are not a community's channel: the core gets `channel: null` for them. */
export function isDirectMessage(channelId: string | null | undefined, channelName?: string | null): boolean {
  return !channelId || channelId.startsWith('D') || channelName === 'directmessage';
}

/** Whether an id is a Slack user id, so it can be rendered as a real `<@U…>` mention. */
export function isUserId(id: string): boolean {
  return /^[UW][A-Z0-9]{2,20}$/.test(id);
}

/** The key under which an installation is stored: the enterprise for org-wide installs, else the team. */
export function installKey(q: { teamId?: string; enterpriseId?: string; isEnterpriseInstall?: boolean }): string {
  if (q.isEnterpriseInstall && q.enterpriseId) return `E:${q.enterpriseId}`;
  return `T:${q.teamId ?? ''}`;
}

/** Button action ids: unique per block, as Block Kit requires; the value carries the command. */
export const ACTION_PREFIX = 'plc:';
export const actionId = (block: number, button: number) => `${ACTION_PREFIX}${block}:${button}`;

/** Callback ids of our modals and the message shortcut. */
export const FORM_CALLBACK = 'plc_form';
export const SAVE_SHORTCUT = 'save_to_library';
