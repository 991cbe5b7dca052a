import type { Inbound } from '../../../src/bot.js';
import type { TestApp } from '../../support/app.js';
import { answerText, run } from '../../support/bot.js';

/**
 * Two communities in one school and a second school: Math (carla, coordinator and lead; ana and ben, teachers;
 * gus, a guest) and Science (sara, lead; sam, teacher), in #math and #science; dan teaches in school-b.
 */
export function goalSchool(app: TestApp): void {
  const math = (user: string, text: string) => run(app, user, text, { channel: 'math' });
  math('carla', 'create Math');
  for (const p of ['ana', 'ben', 'gus']) math(p, 'join');
  math('carla', 'role @gus guest');
  run(app, 'carla', 'create Science', { channel: 'science' });
  run(app, 'sara', 'join', { channel: 'science' });
  run(app, 'sam', 'join', { channel: 'science' });
  run(app, 'carla', 'role @sara lead', { channel: 'science' });
  run(app, 'carla', 'leave', { channel: 'science' });
  run(app, 'dan', 'create Physics', { channel: 'physics', workspace: 'school-b' });
}

/** What `user` is answered in a channel (null: a direct message), as plain text. */
export function sayer(app: TestApp) {
  return (user: string, text: string, channel: string | null = 'math', workspace = 'school-a') =>
    answerText(run(app, user, text, { channel, workspace }));
}

/** Sets a person's time zone as their platform would report it. */
export function setZone(app: TestApp, user: string, tz: string, workspace = 'school-a'): void {
  const ws = app.store.workspaces.find('console', workspace);
  app.store.db.prepare('UPDATE users SET tz = ? WHERE workspace_id = ? AND external_id = ?').run(tz, ws?.id, user);
}

/** A command typed as a Teams channel post (a message everyone in the channel reads). */
export function postInChannel(app: TestApp, user: string, text: string) {
  const inbound: Inbound = {
    workspace: { platform: 'console', externalId: 'school-a' },
    user: { externalId: user, displayName: user },
    place: { channel: 'math', channelName: 'math', seenByOthers: true },
    text,
    mentions: [],
  };
  return app.bot.handle(inbound);
}
