import type { Inbound } from '../../../src/bot.js';
import { pairing, type Visit } from '../../../src/capabilities/pairing/store/index.js';
import type { Delivery } from '../../../src/grammar/command.js';
import type { User } from '../../../src/store/users.js';
import { renderPlain } from '../../../src/views/plain.js';
import type { TestApp } from '../../support/app.js';
import { answerText, run } from '../../support/bot.js';

/** Math in Copenhagen: carla leads; the teachers join from the channel. */
export function mathTeam(app: TestApp, teachers: string[]): void {
  run(app, 'carla', 'create Math', { channel: 'math' });
  run(app, 'carla', 'settings tz Europe/Copenhagen', { channel: 'math' });
  for (const p of teachers) run(app, p, 'join', { channel: 'math' });
}

export const say = (app: TestApp, user: string, text: string, channel: string | null = 'math') =>
  answerText(run(app, user, text, { channel }));

/** The direct messages a command's deliveries hold, by the recipient's name. */
export function dms(deliveries: Delivery[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of deliveries)
    if (d.to === 'user') out[d.user.displayName] = [out[d.user.displayName], renderPlain(d.view)].filter(Boolean).join('\n');
  return out;
}

export function user(app: TestApp, name: string): User {
  const ws = app.store.workspaces.find('console', 'school-a');
  const u = ws && app.store.users.findByExternal(ws.id, name);
  if (!u) throw new Error(`no ${name}`);
  return u;
}

/** The latest round's visits in Math as `observer→observed` names. */
export function visitsNow(app: TestApp): string[] {
  const repo = pairing(app.store);
  const community = app.store.communities.findByName(user(app, 'carla').workspaceId, 'Math');
  const round = community && repo.latestRound(community.id);
  if (!round) return [];
  const name = (id: number | null) => (id === null ? '?' : (app.store.users.get(round.workspaceId, id)?.displayName ?? '?'));
  return repo
    .visits(round.id)
    .filter((v: Visit) => v.cancelledAt === null)
    .map((v) => `${name(v.observerId)}→${name(v.observedId)}`)
    .sort();
}

/** Whom `name` visits in the latest round. */
export function partnerOf(app: TestApp, name: string): string {
  const v = visitsNow(app).find((x) => x.startsWith(`${name}→`));
  if (!v) throw new Error(`${name} visits nobody: ${visitsNow(app).join(', ')}`);
  return v.split('→')[1] as string;
}

/** A command typed as a post in a Teams channel, which everyone there reads. */
export function inChannelPost(app: TestApp, name: string, text: string) {
  const inbound: Inbound = {
    workspace: { platform: 'console', externalId: 'school-a' },
    user: { externalId: name, displayName: name },
    place: { channel: 'math', channelName: 'math', seenByOthers: true },
    text,
    mentions: [],
  };
  return app.bot.handle(inbound);
}
