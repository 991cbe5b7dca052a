import { DateTime } from 'luxon';
import { z } from 'zod/v4';
import type { Preambles } from '../../capability.js';
import { UserError } from '../../errors.js';
import { answer, type CommandDef, type Context, command, type Delivery, noArguments } from '../../grammar/command.js';
import type { Registry } from '../../grammar/registry.js';
import { parseDate, parseLocale } from '../../grammar/values.js';
import { type MessageKey, translator } from '../../i18n/translate.js';
import { localDate } from '../../local-date.js';
import { isPausedAt } from '../../store/users.js';
import { context, heading, list, text, view } from '../../views/build.js';
import { formatDate } from '../../views/dates.js';
import type { Span, Text } from '../../views/view.js';

const ACCESS_KEYS = {
  anyone: 'help.who.anyone',
  member: 'help.who.member',
  participant: 'help.who.participant',
  lead: 'help.who.lead',
  coordinator: 'help.who.coordinator',
} as const;

/**
 * `help [command]`: the commands this bot knows, from the registry, in the asker's language. Typed in a
 * community's channel, the overview starts with what the capabilities say about that community (its charter).
 */
export function helpCommand(registry: Registry, preambles?: Preambles): CommandDef {
  const built = new Map<string, Delivery[]>();
  return command({
    words: ['help'],
    readOnly: true,
    help: 'help',
    access: 'anyone',
    community: 'none',
    schema: z.object({ topic: z.string().max(40).nullable() }),
    parse: (c) => {
      const words: string[] = [];
      for (let tok = c.next(); tok; tok = c.next()) words.push(tok.value.toLowerCase());
      return { topic: words.length ? words.join(' ').slice(0, 40) : null };
    },
    run: (ctx, { topic }) => {
      const entry = topic === null ? null : entryFor(topic);
      // Help depends only on the language, the prefix and the entry: build each answer once.
      const key = `${ctx.i18n.locale}|${ctx.prefix}|${entry ?? ''}`;
      let answers = built.get(key);
      if (!answers) {
        answers = entry ? entryHelp(ctx, entry) : overview(ctx);
        built.set(key, answers);
      }
      return entry ? answers : withPreamble(ctx, answers);
    },
  });

  /** The overview with the channel's community's preamble (its charter) ahead of it, when there is one. */
  function withPreamble(ctx: Context, answers: Delivery[]): Delivery[] {
    const channel = ctx.place.channel;
    const community = channel && preambles ? ctx.store.communities.findByChannel(ctx.workspace.id, channel) : null;
    if (!community || community.archivedAt || !preambles) return answers;
    const head = preambles.help(community, { store: ctx.store, now: ctx.now, log: ctx.log, i18n: ctx.i18n });
    if (head.length === 0) return answers;
    return answers.map((d) => (d.to === 'asker' ? { ...d, view: { ...d.view, blocks: [...head, ...d.view.blocks] } } : d));
  }

  /** The help entry a topic names (`agenda add`, or `agenda add exit tickets` as typed); refuses others. */
  function entryFor(topic: string): string {
    const entries = registry.helpEntries();
    const entry = entries.find((e) => e === topic) ?? entries.find((e) => topic.startsWith(`${e} `) || e.startsWith(`${topic} `));
    if (entry) return entry;
    throw new UserError(
      'error.unknownCommand',
      { command: topic },
      { hint: { key: 'error.seeHelp', params: { command: { command: 'help' } } } },
    );
  }

  function entryHelp(ctx: Context, entry: string): Delivery[] {
    const { i18n } = ctx;
    const def = registry.all().find((d) => d.help === entry);
    const who = i18n.t(ACCESS_KEYS[def?.access ?? 'anyone']);
    return [
      answer(
        view(i18n.locale, [
          heading([usage(ctx, entry)]),
          text(summary(ctx, entry)),
          { type: 'fields', fields: [{ label: i18n.t('help.whoLabel'), value: who }] },
        ]),
      ),
    ];
  }

  function overview(ctx: Context): Delivery[] {
    const { i18n, prefix } = ctx;
    return [
      answer(
        view(i18n.locale, [
          heading(i18n.t('help.title')),
          text(i18n.t('help.intro', { prefix })),
          // One short list per capability rather than one wall of every command.
          ...registry
            .helpGroups()
            .flatMap(({ group, entries }) => [
              ...(group ? [heading(i18n.t(`help.group.${group}` as MessageKey))] : []),
              list(entries.map((e): Text => [usage(ctx, e), ` — ${summary(ctx, e)}`])),
            ]),
          context(i18n.tr('help.more', { command: { command: 'help <command>' } })),
        ]),
      ),
    ];
  }
}

/** A command's usage line as a command span: renderers show it as code, with the platform's own prefix. */
const usage = (ctx: Context, entry: string): Span => ({ command: ctx.i18n.t(`cmd.${entry}.usage` as MessageKey) });
const summary = (ctx: Context, entry: string) => ctx.i18n.t(`cmd.${entry}.summary` as MessageKey);

/** `lang <code>`: the language the bot speaks with the asker, wherever they are. */
export const langCommand = command({
  words: ['lang'],
  help: 'lang',
  access: 'anyone',
  community: 'none',
  schema: z.object({ locale: z.enum(['en', 'de', 'da', 'nl', 'ar']) }),
  parse: (c) => {
    const tok = c.next();
    if (!tok) throw new UserError('error.missing');
    return { locale: parseLocale(tok.value) };
  },
  run: (ctx, { locale }) => {
    ctx.store.users.setLang(ctx.workspace.id, ctx.actor.id, locale);
    const i18n = translator(locale);
    return [answer(view(locale, [text(i18n.t('lang.set'))]))];
  },
});

/** The longest pause, in days: a year covers any leave a school plans for. */
const MAX_PAUSE_DAYS = 366;

/**
 * `pause until YYYY-MM-DD`: no direct message from any capability, no meeting duty and no pairing until the
 * start of that date in the person's own zone; it ends by itself then.
 */
export const pauseCommand = command({
  words: ['pause'],
  help: 'pause',
  access: 'anyone',
  community: 'none',
  schema: z.object({ until: z.string() }),
  parse: (c) => {
    if (!c.accept('until')) throw new UserError('error.missing');
    const tok = c.next();
    if (!tok) throw new UserError('error.missing');
    return { until: parseDate(tok.value, c.now) };
  },
  run: (ctx, { until }) => {
    const { store, workspace, actor, i18n } = ctx;
    const tz = actor.tz ?? ctx.defaultTz;
    const today = localDate(ctx.now, tz);
    if (until <= today) throw new UserError('pause.notFuture', { date: formatDate(until, i18n.locale) });
    if (DateTime.fromISO(until, { zone: tz }).diff(DateTime.fromISO(today, { zone: tz }), 'days').days > MAX_PAUSE_DAYS)
      throw new UserError('pause.tooLong', { days: MAX_PAUSE_DAYS });
    store.users.setPausedUntil(workspace.id, actor.id, until);
    const paused = { ...actor, pausedUntil: until };
    const sends = ctx.reactions.away(ctx, paused);
    const line = i18n.tr('pause.done', { date: formatDate(until, i18n.locale), command: { command: 'resume' } });
    return [answer(view(i18n.locale, [text(line)])), ...sends];
  },
});

/** `resume`: ends one's own pause at once. */
export const resumeCommand = command({
  words: ['resume'],
  help: 'resume',
  access: 'anyone',
  community: 'none',
  ...noArguments,
  run: (ctx) => {
    const { store, workspace, actor, i18n } = ctx;
    if (!isPausedAt(actor, ctx.now, ctx.defaultTz)) return [answer(view(i18n.locale, [text(i18n.t('resume.notPaused'))]))];
    store.users.setPausedUntil(workspace.id, actor.id, null);
    return [answer(view(i18n.locale, [text(i18n.t('resume.done'))]))];
  },
});
