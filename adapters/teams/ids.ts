/**
 * Teams ids and how they map to the core's: a channel message's conversation id carries the thread
 * (`19:…@thread.tacv2;messageid=123`), a workspace is a tenant, a person is their Entra object id.
 */

/** The minimal activity shape these helpers read. */
export interface ActivityIds {
  id?: string;
  conversation?: { id?: string; tenantId?: string; conversationType?: string };
  channelData?: { tenant?: { id?: string }; channel?: { id?: string; name?: string }; team?: { id?: string; name?: string } };
  from?: { id?: string; aadObjectId?: string; name?: string };
}

export type ConversationKind = 'personal' | 'channel' | 'groupChat';

/** The conversation id without the thread suffix: the channel or chat itself. */
export function baseConversationId(id: string): string {
  const cut = id.indexOf(';messageid=');
  return cut === -1 ? id : id.slice(0, cut);
}

/** The conversation a reference is stored under: a channel or group chat without its thread, or the 1:1 chat. */
export function referenceId(a: ActivityIds): string {
  const id = a.conversation?.id ?? '';
  return kindOf(a) === 'personal' ? id : baseConversationId(id);
}

/** The root message id of a channel thread, if the conversation id names one. */
export function threadOf(id: string): string | null {
  const m = /;messageid=([^;]+)/.exec(id);
  return m ? (m[1] as string) : null;
}

/** The conversation id that posts into a channel thread. */
export function threadConversationId(channel: string, thread: string): string {
  return `${baseConversationId(channel)};messageid=${thread}`;
}

/** The tenant a Teams activity comes from: the core's workspace. */
export function tenantOf(a: ActivityIds): string | null {
  return a.conversation?.tenantId ?? a.channelData?.tenant?.id ?? null;
}

/** Whether the conversation is a 1:1 chat, a team channel or a group chat. */
export function kindOf(a: ActivityIds): ConversationKind {
  const t = a.conversation?.conversationType;
  if (t === 'channel' || t === 'groupChat' || t === 'personal') return t;
  return a.channelData?.channel?.id ? 'channel' : 'personal';
}

/** A person as the core knows them: their Entra object id, else their Teams id. */
export function personId(p: { id?: string; aadObjectId?: string } | undefined): string | null {
  return p?.aadObjectId ?? p?.id ?? null;
}

/** The team a channel activity happens in (its id is also the id of the team's General channel), if any. */
export function teamOf(a: ActivityIds): string | null {
  return a.channelData?.team?.id ?? null;
}
