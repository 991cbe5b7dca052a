import { z } from 'zod/v4';
import { UserError } from '../../errors.js';
import { requireOwnerOrLead } from '../../grammar/access.js';
import { answer, type Context, command } from '../../grammar/command.js';
import { quoteName } from '../../grammar/communities.js';
import { cleanText, MAX_TEXT, requireText } from '../../grammar/text.js';
import { parseRef } from '../../grammar/values.js';
import type { Community } from '../../store/communities.js';
import { heading, list, text, view } from '../../views/build.js';
import { pageArgument, pageFoot, pageOf } from '../../views/paging.js';
import type { Form } from '../../views/view.js';
import { nextMeeting } from './plan.js';
import { refreshUpcomingReminders } from './refresh.js';
import { repos } from './store/index.js';
import { agendaLines, formatWhen, refLabel } from './views.js';

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
    repos(store).agenda.add({ workspaceId: workspace.id, communityId: community.id, ref, text: args.text, authorId: actor.id }, ctx.now);
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
    const { store, i18n, workspace } = ctx;
    const community = ctx.community as Community;
    const item = repos(store).agenda.byRef(workspace.id, ref);
    if (!item || item.communityId !== community.id)
      throw new UserError('error.unknownAgendaItem', { ref: refLabel(ref), community: community.name });
    requireOwnerOrLead(ctx, item.authorId, 'error.notYourAgendaItem', { ref: refLabel(ref) });
    repos(store).agenda.remove(item.id, ctx.now);
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
  // An archived community's open agenda stays readable; it plans no meeting.
  archived: 'reads',
  ...pageArgument,
  run: (ctx, args) => {
    const { store, i18n } = ctx;
    const community = ctx.community as Community;
    const meeting = community.archivedAt ? null : nextMeeting(store, community, ctx.now);
    const tz = repos(store).meetings.schedule(community.id)?.tz ?? community.tz;
    const title = meeting
      ? i18n.t('agenda.title', { community: community.name, when: formatWhen(meeting.startsAt, tz, i18n.locale, ctx.now) })
      : i18n.t('agenda.titleUnscheduled', { community: community.name });
    const page = pageOf(repos(store).agenda.open(community.id), args.page);
    return [
      answer(
        view(i18n.locale, [
          heading(title),
          page.items.length ? list(agendaLines(page.items, i18n)) : text(i18n.tr('agenda.empty', { command: { command: 'agenda add' } })),
          ...pageFoot(ctx, page, 'agenda'),
        ]),
      ),
    ];
  },
});
