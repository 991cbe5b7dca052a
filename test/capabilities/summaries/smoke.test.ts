import { afterEach, expect, it } from 'vitest';
import { answerText, run } from '../../support/bot.js';
import { summaryApp } from './fakes.js';

let app: ReturnType<typeof summaryApp>;
afterEach(async () => app.dispose());

it('smoke', async () => {
  app = summaryApp();
  const say = (u: string, t: string, channel: string | null = 'math') => answerText(run(app, u, t, { channel }));
  console.log(say('carla', 'create Math'));
  for (const u of ['anneliese', 'bartholomew', 'cosima']) say(u, 'join');
  console.log(say('carla', 'schedule weekly wed 15:30'));
  console.log(say('anneliese', 'rsvp yes'));
  await app.advance(Date.parse('2026-10-01T08:00:00Z'));
  app.clock.set(Date.parse('2026-10-01T08:00:00Z'));
  console.log(say('carla', 'status'));
  console.log(say('carla', 'status all', null));
  console.log(say('carla', 'audit', null));
  console.log(say('carla', 'export community json'));
  console.log(say('carla', 'digest weekly mon 07:30', null));
  expect(1).toBe(1);
});
