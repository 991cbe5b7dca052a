import type { TestApp } from '../../support/app.js';
import { run } from '../../support/bot.js';

/** Math in Copenhagen, led by carla with ana, ben and dora, meeting Wednesdays at 15:30 local time in #math. */
export function weeklyMath(app: TestApp): void {
  const say = (user: string, text: string) => run(app, user, text, { channel: 'math' });
  say('carla', 'create Math');
  say('carla', 'settings tz Europe/Copenhagen');
  for (const p of ['ana', 'ben', 'dora']) say(p, 'join');
  say('carla', 'schedule weekly wed 15:30');
}
