import type { Community } from '../../store/communities.js';
import { prepared } from '../../store/db.js';
import type { Store } from '../../store/store.js';

/** The channel an archived community let go of, to bind again on restore. */
export interface FormerChannel {
  channel: string;
  channelName: string | null;
}

/**
 * Archives a community: it lets go of its channel (remembered), and every job still queued that names it goes,
 * so nothing of it is sent and the scheduler shows no lag for dead work. Returns how many jobs went.
 */
export function archiveCommunity(store: Store, community: Community, now: number): number {
  prepared(
    store.db,
    `UPDATE communities SET archived_at = ?, archived_channel = channel, archived_channel_name = channel_name,
       channel = NULL, channel_name = NULL WHERE workspace_id = ? AND id = ?`,
  ).run(now, community.workspaceId, community.id);
  return prepared(
    store.db,
    `DELETE FROM jobs WHERE state = 'pending' AND json_extract(payload, '$.workspaceId') = ?
       AND json_extract(payload, '$.communityId') = ?`,
  ).run(community.workspaceId, community.id).changes;
}

/** The channel the archived community had, if any. */
export function formerChannel(store: Store, community: Community): FormerChannel | null {
  const r = prepared(
    store.db,
    'SELECT archived_channel AS channel, archived_channel_name AS channelName FROM communities WHERE id = ?',
  ).get(community.id) as { channel: string | null; channelName: string | null } | undefined;
  return r?.channel ? { channel: r.channel, channelName: r.channelName } : null;
}

/** Brings an archived community back, in `channel` (its former one, when still free) or with none. */
export function restoreCommunity(store: Store, community: Community, channel: FormerChannel | null): void {
  prepared(
    store.db,
    `UPDATE communities SET archived_at = NULL, archived_channel = NULL, archived_channel_name = NULL,
       channel = ?, channel_name = ?, removed_from_channel_at = NULL WHERE workspace_id = ? AND id = ?`,
  ).run(channel?.channel ?? null, channel?.channelName ?? null, community.workspaceId, community.id);
}

/** Binds the community to another channel; the app has not been removed from that one. */
export function moveCommunity(store: Store, community: Community, channel: FormerChannel): void {
  prepared(
    store.db,
    'UPDATE communities SET channel = ?, channel_name = ?, removed_from_channel_at = NULL WHERE workspace_id = ? AND id = ?',
  ).run(channel.channel, channel.channelName, community.workspaceId, community.id);
}
