import { z } from 'zod/v4';
import { quoteName } from '../bot.js';
import { UserError } from '../errors.js';
import type { Community } from '../store/communities.js';
import { heading, list, text, view } from '../views/build.js';
import type { Form } from '../views/view.js';
import { answer, type Context, command, noArguments } from './command.js';
import { nextMeeting } from './meetings-plan.js';
import { refreshUpcomingReminders } from './meetings-refresh.js';
import { agendaLines, formatWhen, refLabel } from './meetings-views.js';
import { cleanText, MAX_TEXT, requireText } from './text.js';
import { parseRef } from './values.js';

/** Whether the person may manage the community's meetings: a lead or a coordinator. */
export function isLead(ctx: Context): boolean {
  return ctx.actor.isCoordinator || ctx.role === 'lead';
}

/** The form `agenda add` shows when typed without text; submitting it runs `agenda add <text>`. */
export function agendaForm(ctx: Context, community: Community): Form {
  const { i18n } = ctx;
  // In the community's own channel the plain command resolves it; elsewhere the form names it.
  const scope = ctx.place.channel !== null && ctx.place.channel === community.channel ? '' : `in ${quoteName(community.name)} `;
  return {
    id: 'agenda-add',
    title: i18n.t('agenda.form.title'),
    fields: [{ name: 'text', label: i18n.t('agenda.form.text'), kind: 'multiline', required: true, maxLength: MAX_TEXT }],
    submitLabel: i18n.t('agenda.form.submit'),
    // `--` marks a submission: sent blank, it is refused as missing text rather than answered with the form again.
    command: `${scope}agenda add -- {text}`,
  };
}

/** `agenda add <text>`: an item for the next meeting; without text, a form to write it in. */
export const agendaAddCommand = command({
  words: ['agenda', 'add'],
  help: 'agenda',
  access: 'member',
  community: 'required',
  schema: z.object({ text: z.string().nullable() }),
  parse: (c) => {
    const submitted = c.peek()?.value === '--';
    const raw = c.rest();
    return { text: submitted || cleanText(raw) ? requireText(raw) : null };
  },
  run: (ctx, args) => {
    const { store, i18n, workspace, actor } = ctx;
    const community = ctx.community as Community;
    if (args.text === null)
      return [answer(view(i18n.locale, [{ type: 'form', form: agendaForm(ctx, community) }], i18n.t('agenda.form.title')))];
    const ref = store.workspaces.nextRef(workspace.id);
    store.agenda.add({ workspaceId: workspace.id, communityId: community.id, ref, text: args.text, authorId: actor.id }, ctx.now);
    refreshUpcomingReminders(store, community, ctx.now);
    return [answer(view(i18n.locale, [text(i18n.t('agenda.added', { ref: refLabel(ref), text: args.text }))]))];
  },
});

/** `agenda remove #n`: its author or a lead takes an item off. */
export const agendaRemoveCommand = command({
  words: ['agenda', 'remove'],
  help: 'agenda',
  access: 'member',
  community: 'required',
  schema: z.object({ ref: z.number().int().positive() }),
  parse: (c) => {
    const tok = c.next();
    if (!tok) throw new UserError('error.missing');
    return { ref: parseRef(tok.value) };
  },
  run: (ctx, { ref }) => {
    const { store, i18n, workspace, actor } = ctx;
    const community = ctx.community as Community;
    const item = store.agenda.byRef(workspace.id, ref);
    if (!item || item.communityId !== community.id)
      throw new UserError('error.unknownAgendaItem', { ref: refLabel(ref), community: community.name });
    if (item.authorId !== actor.id && !isLead(ctx)) throw new UserError('error.notYourAgendaItem', { ref: refLabel(ref) });
    store.agenda.remove(item.id, ctx.now);
    refreshUpcomingReminders(store, community, ctx.now);
    return [answer(view(i18n.locale, [text(i18n.t('agenda.removed', { ref: refLabel(ref) }))]))];
  },
});

/** `agenda`: what the next meeting will talk about. */
export const agendaCommand = command({
  words: ['agenda'],
  help: 'agenda',
  access: 'member',
  community: 'required',
  ...noArguments,
  run: (ctx) => {
    const { store, i18n } = ctx;
    const community = ctx.community as Community;
    const meeting = nextMeeting(store, community, ctx.now);
    const tz = store.meetings.schedule(community.id)?.tz ?? community.tz;
    const title = meeting
      ? i18n.t('agenda.title', { community: community.name, when: formatWhen(meeting.startsAt, tz, i18n.locale) })
      : i18n.t('agenda.titleUnscheduled', { community: community.name });
    const items = store.agenda.open(community.id);
    return [
      answer(
        view(i18n.locale, [
          heading(title),
          items.length ? list(agendaLines(items, i18n)) : text(i18n.tr('agenda.empty', { command: { command: 'agenda add' } })),
        ]),
      ),
    ];
  },
});
