import { chartReady } from '../../../src/capabilities/summaries/index.js';
import { renderPlain } from '../../../src/views/plain.js';
import { answerText, run } from '../../support/bot.js';
import type { summaryApp } from './fakes.js';
import { PRIVATE, SHARED_WITH_COORDINATORS } from './fakes.js';

export type SummaryApp = ReturnType<typeof summaryApp>;

/** Names nobody could mistake for a word of a summary: no output may contain them. */
export const PEOPLE = ['Carla', 'Lena', 'Anneliese', 'Bartholomew', 'Cosima', 'Gustav', 'Benedikt', 'Xaver', 'Yvonne'];
export const NOTES_MARKER = 'MEETING-NOTES-MARKER-6611';

/**
 * What `user` reads in answer: the answer itself, and what came to their own direct messages with it (an answer
 * holding a file, such as the chart without a public link, goes there).
 */
export const say = (app: SummaryApp, user: string, text: string, channel: string | null = 'math') => {
  const handled = run(app, user, text, { channel });
  const own = handled.deliveries.filter((d) => d.to === 'user' && d.user.externalId === user).map((d) => renderPlain(d.view));
  return [answerText(handled), ...own].join('\n');
};

export const userId = (app: SummaryApp, name: string) => app.store.users.findByExternal(1, name)?.id as number;

/** 2026-10-01T08:00Z, a Thursday: the status is asked then, over September. */
export const ASKED_AT = Date.parse('2026-10-01T08:00:00Z');

/**
 * The school the figures are computed by hand for (see the test that checks them): Math has Carla (coordinator,
 * lead), Lena (lead), Anneliese, Bartholomew and Cosima as members and Gustav as a guest; it meets on Wednesdays
 * at 15:30 from September 2; September 16 is cancelled and September 23 a holiday. Art has two members; Science
 * has Benedikt, who is in no other community.
 */
export async function seedSchool(app: SummaryApp): Promise<void> {
  // The chart's libraries load in the background; a summary asked before they are in says so instead.
  await chartReady();
  say(app, 'Carla', 'create Math');
  for (const u of ['Lena', 'Anneliese', 'Bartholomew', 'Cosima']) say(app, u, 'join');
  say(app, 'Carla', 'role @Lena lead');
  say(app, 'Carla', 'role @Gustav guest');
  say(app, 'Carla', 'create Art', 'art');
  say(app, 'Xaver', 'join', 'art');
  say(app, 'Carla', 'create Science', 'science');
  say(app, 'Benedikt', 'join', 'science');
  say(app, 'Carla', 'schedule weekly wed 15:30');
  // September 2: three yes (and the guest's yes, which attendance does not count).
  for (const u of ['Anneliese', 'Bartholomew', 'Cosima', 'Gustav']) say(app, u, 'rsvp yes');
  await app.advance(Date.parse('2026-09-03T08:00:00Z'));
  app.clock.set(Date.parse('2026-09-03T08:00:00Z'));
  // September 9: two yes, one no.
  say(app, 'Anneliese', 'rsvp yes');
  say(app, 'Bartholomew', 'rsvp yes');
  say(app, 'Cosima', 'rsvp no');
  say(app, 'Lena', `notes ${NOTES_MARKER} exit tickets worked`);
  say(app, 'Carla', 'cancel 2026-09-16');
  say(app, 'Carla', 'holiday 2026-09-23 2026-09-23 Staff day');
  const at = (d: string) => Date.parse(`${d}T10:00:00Z`);
  const ids = {
    anneliese: userId(app, 'Anneliese'),
    cosima: userId(app, 'Cosima'),
    carla: userId(app, 'Carla'),
    xaver: userId(app, 'Xaver'),
  };
  app.fakes.reflections.push(
    { community: 'Math', userId: ids.anneliese, at: at('2026-09-10'), visibility: 'private', text: PRIVATE.reflection },
    { community: 'Math', userId: ids.anneliese, at: at('2026-09-20'), visibility: 'team', text: PRIVATE.teamOnly },
    { community: 'Math', userId: ids.cosima, at: at('2026-09-25'), visibility: 'coordinator', text: SHARED_WITH_COORDINATORS },
    // In the period before: the trend's previous value.
    { community: 'Math', userId: ids.cosima, at: at('2026-08-20'), visibility: 'private', text: PRIVATE.reflection },
    { community: 'Art', userId: ids.xaver, at: at('2026-09-12'), visibility: 'private', text: PRIVATE.reflection },
  );
  await app.advance(ASKED_AT);
  app.clock.set(ASKED_AT);
}
