import type { Handled, Inbound } from '../../../src/bot.js';
import type { View } from '../../../src/views/view.js';
import type { TestApp } from '../../support/app.js';

/** A teacher whose id and name appear nowhere else, so that a byte search for them means something. */
export const ZELDA = { externalId: 'UZQ7XK42VW', displayName: 'Zephyrine Quillbottom' };

/**
 * Runs a command as a person with their own display name (the support `run` names people by their id), in a
 * channel (null: a DM), on the console workspace `school-a`. `@name` is a mention the platform vouches for; a
 * mention of Zelda is written `@zelda`.
 */
export function as(
  app: TestApp,
  who: string | typeof ZELDA,
  text: string,
  opts: { channel?: string | null; workspace?: string } = {},
): Handled {
  const person = typeof who === 'string' ? { externalId: who, displayName: who } : who;
  const channel = opts.channel === undefined ? 'math' : opts.channel;
  const mentions: NonNullable<Inbound['mentions']>[number][] = [];
  const line = text.replace(/(^|\s)@([\w.-]+)/g, (_, before: string, name: string) => {
    const p = name === 'zelda' ? ZELDA : { externalId: name, displayName: name };
    mentions.push({ externalId: p.externalId, profile: p });
    return `${before}<@${p.externalId}|${p.displayName.replace(/\s/g, '')}>`;
  });
  return app.bot.handle({
    workspace: { platform: 'console', externalId: opts.workspace ?? 'school-a' },
    user: person,
    place: { channel, channelName: channel },
    text: line,
    mentions,
  });
}

/** Math in Copenhagen, led by carla, with zelda, ana and ben, meeting Wednesdays at 15:30; zelda leaves a trace everywhere. */
export function seedMath(app: TestApp): void {
  as(app, 'carla', 'create Math');
  as(app, 'carla', 'settings tz Europe/Copenhagen');
  for (const p of [ZELDA, 'ana', 'ben']) as(app, p, 'join');
  as(app, ZELDA, 'lang de');
  as(app, 'carla', 'schedule weekly wed 15:30');
  as(app, ZELDA, 'agenda add Exit tickets KEPT-AGENDA-5521');
  as(app, ZELDA, 'rsvp yes');
  as(app, 'ana', 'rsvp yes');
  as(app, ZELDA, 'calendar');
  as(app, 'carla', 'role @zelda coach');
}

/** The one file a set of deliveries carries to someone's DM, parsed. */
export function exportedFile(h: Handled): { name: string; to: string; data: Record<string, unknown> } {
  const found = h.deliveries.flatMap((d) =>
    d.view.blocks.flatMap((b) => (b.type === 'file' ? [{ to: d.to === 'user' ? d.user.externalId : d.to, file: b.file }] : [])),
  );
  if (found.length !== 1) throw new Error(`expected one file, got ${found.length}`);
  const { to, file } = found[0] as { to: string; file: { name: string; content: string } };
  return { name: file.name, to, data: JSON.parse(file.content) as Record<string, unknown> };
}

/** The views that went where, as plain text of their blocks. */
export function viewsTo(h: Handled, to: 'asker' | string): View[] {
  return h.deliveries.filter((d) => (to === 'asker' ? d.to === 'asker' : d.to === 'user' && d.user.externalId === to)).map((d) => d.view);
}
