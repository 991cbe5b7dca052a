import type { Context } from '../../grammar/command.js';
import { quoteName } from '../../grammar/communities.js';
import { MAX_TEXT } from '../../grammar/text.js';
import type { Translator } from '../../i18n/translate.js';
import { localDate } from '../../local-date.js';
import type { Community } from '../../store/communities.js';
import { formatDate } from '../../views/dates.js';
import type { Form, Text } from '../../views/view.js';
import type { ListedReflection, Reflection, Visibility } from './store/reflections.js';

export const refLabel = (ref: number): string => `#${ref}`;

/** How much of a reflection a list shows; `reflection #n` shows all of it. */
const EXCERPT = 600;

/** The person's own zone for dates, else the default. */
export const zoneOf = (ctx: Pick<Context, 'actor' | 'defaultTz'>): string => ctx.actor.tz ?? ctx.defaultTz;

export function visibilityLabel(i18n: Translator, v: Visibility): string {
  return i18n.t(`reflection.vis.${v}`);
}

/** Who can read a reflection, as its author is told. */
export function readersLine(i18n: Translator, v: Visibility, community: string): string {
  return i18n.t(`reflect.readers.${v}`, { community });
}

function excerpt(text: string): string {
  const chars = Array.from(text);
  return chars.length > EXCERPT ? `${chars.slice(0, EXCERPT).join('').trimEnd()}…` : text;
}

/** One reflection in a list: its number, where or by whom, when, who reads it, and its text (plain, escaped by renderers). */
export function reflectionLine(ctx: Context, r: ListedReflection, by: 'community' | 'author', full = false): Text {
  const { i18n } = ctx;
  const head = i18n.t(by === 'community' ? 'reflections.line' : 'reflections.teamLine', {
    ref: refLabel(r.ref),
    community: r.communityName,
    author: r.authorName,
    date: formatDate(localDate(r.createdAt, zoneOf(ctx)), i18n.locale),
    visibility: visibilityLabel(i18n, r.visibility),
  });
  const edited = r.editedAt !== null ? ` · ${i18n.t('reflections.edited')}` : '';
  return `${head}${edited}\n${full ? r.text : excerpt(r.text)}`;
}

/**
 * The reflection form: who may read it, then the answer under today's question. The command puts the visibility
 * first because only the last placeholder may hold free text; `--` marks it as a submission, so one sent blank is
 * refused as missing text instead of showing the form again. Outside the community's own channel it names it.
 */
export function reflectForm(
  ctx: Context,
  community: Community,
  question: string,
  opts: { visibility?: Visibility; text?: string; direct?: boolean } = {},
): Form {
  const { i18n } = ctx;
  const inChannel = !opts.direct && ctx.place.channel !== null && ctx.place.channel === community.channel;
  const scope = inChannel ? '' : `in ${quoteName(community.name)} `;
  return {
    id: 'reflect',
    title: i18n.t('reflect.form.title', { community: community.name }),
    fields: [
      {
        name: 'visibility',
        label: i18n.t('reflect.form.visibility'),
        kind: 'select',
        options: (['private', 'team', 'coordinator'] as const).map((v) => ({ value: v, label: i18n.t(`reflect.form.${v}`) })),
        initial: opts.visibility ?? 'private',
        required: true,
      },
      {
        name: 'text',
        label: question,
        kind: 'multiline',
        required: true,
        maxLength: MAX_TEXT,
        ...(opts.text ? { initial: opts.text } : {}),
      },
    ],
    submitLabel: i18n.t('reflect.form.submit'),
    command: `${scope}reflect {visibility} -- {text}`,
  };
}

/** The form to change one's own reflection, with its text as it stands. */
export function editForm(ctx: Context, r: Reflection, typed?: string): Form {
  const { i18n } = ctx;
  return {
    id: 'reflection-edit',
    title: i18n.t('reflection.form.title', { ref: refLabel(r.ref) }),
    fields: [
      {
        name: 'text',
        label: i18n.t('reflection.form.text'),
        kind: 'multiline',
        required: true,
        maxLength: MAX_TEXT,
        initial: typed ?? r.text,
      },
    ],
    submitLabel: i18n.t('reflect.form.submit'),
    command: `reflection edit ${refLabel(r.ref)} -- {text}`,
  };
}
