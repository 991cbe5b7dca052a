import { DateTime } from 'luxon';
import { z } from 'zod/v4';
import { recordAudit } from '../../audit.js';
import { type Cadence, formatCadence, readCadence } from '../../grammar/cadence.js';
import { answer, type Context, command } from '../../grammar/command.js';
import { requireText } from '../../grammar/text.js';
import type { Translator } from '../../i18n/translate.js';
import { localDate } from '../../local-date.js';
import type { Community } from '../../store/communities.js';
import { context, text, view } from '../../views/build.js';
import { planCommunity } from './plan.js';
import { repos } from './store/index.js';

/** A community's own question is a question, not an essay: it must fit a form's label. */
const MAX_QUESTION = 300;

/** A cadence in words: "every Friday at 14:00". */
export function describeCadence(i18n: Translator, c: Cadence): string {
  const weekday = DateTime.fromObject({ weekYear: 2026, weekNumber: 10, weekday: c.weekday }).setLocale(i18n.locale).toFormat('cccc');
  const time = `${String(c.time.hour).padStart(2, '0')}:${String(c.time.minute).padStart(2, '0')}`;
  if (c.freq === 'monthly')
    return i18n.t('prompts.cadence.monthly', { ordinal: c.ordinal === -1 ? 'last' : String(c.ordinal), weekday, time });
  return i18n.t(c.freq === 'weekly' ? 'prompts.cadence.weekly' : 'prompts.cadence.biweekly', { weekday, time });
}

const audit = (ctx: Context, community: Community, action: string, detail?: Record<string, string | number | boolean | null>) =>
  recordAudit(ctx.store, ctx.now, {
    workspaceId: ctx.workspace.id,
    actorId: ctx.actor.id,
    communityId: community.id,
    action,
    ...(detail ? { detail } : {}),
  });

/** `prompts <cadence>`: each member gets a question at that local time in their own zone; bare `prompts` says how it stands. */
export const promptsCommand = command({
  words: ['prompts'],
  help: 'prompts',
  access: 'lead',
  community: 'required',
  schema: z.object({ cadence: z.custom<Cadence>().nullable() }),
  parse: (c) => ({ cadence: c.atEnd() ? null : readCadence(c) }),
  run: (ctx, { cadence }) => {
    const { store, i18n, workspace } = ctx;
    const community = ctx.community as Community;
    const { prompts } = repos(store);
    if (cadence === null) {
      const s = prompts.schedule(community.id);
      const own = prompts.questionCount(community.id);
      return [
        answer(
          view(i18n.locale, [
            text(
              s
                ? i18n.t('prompts.status', { community: community.name, cadence: describeCadence(i18n, s.cadence) })
                : i18n.tr('prompts.statusOff', { community: community.name, command: { command: 'prompts weekly fri 14:00' } }),
            ),
            context(i18n.t('prompts.ownQuestions', { count: own })),
          ]),
        ),
      ];
    }
    const fromDate = cadence.from ?? localDate(ctx.now, community.tz);
    prompts.saveSchedule(
      { communityId: community.id, workspaceId: workspace.id, cadence, fromDate, defaultTz: ctx.defaultTz },
      ctx.actor.id,
      ctx.now,
    );
    planCommunity(store, community, ctx.now);
    audit(ctx, community, 'prompts.set', { cadence: formatCadence(cadence) });
    return [
      answer(view(i18n.locale, [text(i18n.t('prompts.done', { community: community.name, cadence: describeCadence(i18n, cadence) }))])),
    ];
  },
});

/** `prompts off`: no more questions for the community. */
export const promptsOffCommand = command({
  words: ['prompts', 'off'],
  help: 'prompts',
  access: 'lead',
  community: 'required',
  schema: z.object({}),
  parse: () => ({}),
  run: (ctx) => {
    const { store, i18n } = ctx;
    const community = ctx.community as Community;
    if (!repos(store).prompts.removeSchedule(community.id))
      return [answer(view(i18n.locale, [text(i18n.t('prompts.alreadyOff', { community: community.name }))]))];
    planCommunity(store, community, ctx.now);
    audit(ctx, community, 'prompts.off');
    return [answer(view(i18n.locale, [text(i18n.t('prompts.off', { community: community.name }))]))];
  },
});

/** `prompts add <question>`: a question of the community's own, asked to those who read the lead's language. */
export const promptsAddCommand = command({
  words: ['prompts', 'add'],
  help: 'prompts',
  access: 'lead',
  community: 'required',
  schema: z.object({ question: z.string() }),
  parse: (c) => ({ question: requireText(c.rest(), MAX_QUESTION) }),
  run: (ctx, { question }) => {
    const { store, i18n, workspace } = ctx;
    const community = ctx.community as Community;
    repos(store).prompts.addQuestion(
      { workspaceId: workspace.id, communityId: community.id, locale: i18n.locale, text: question, createdBy: ctx.actor.id },
      ctx.now,
    );
    audit(ctx, community, 'prompts.questionAdded', { locale: i18n.locale });
    return [
      answer(
        view(i18n.locale, [
          text(i18n.t('prompts.added', { community: community.name })),
          text(question),
          context(i18n.t('prompts.addedLanguage', { language: i18n.t(`prompts.language.${i18n.locale}`) })),
        ]),
      ),
    ];
  },
});
