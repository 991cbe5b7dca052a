import { withoutDisplayMarks } from '../../src/grammar/text.js';
import type { Locale } from '../../src/i18n/locales.js';
import { t } from '../../src/i18n/translate.js';
import { isolateCode } from '../../src/views/bidi.js';
import { type Block, type Button, type Form, plainText, type Text, type View } from '../../src/views/view.js';
import { FIELD_PREFIX, FORM_DEF_KEY, formDef } from './forms.js';
import { escapeMarkdown, type Mention, markdown } from './markdown.js';
import { teamsT } from './messages.js';
import { ENVELOPE_RESERVE, fitView, jsonBytes, TEAMS_MESSAGE_LIMIT } from './size.js';

export { escapeMarkdown, FIELD_PREFIX };

/** The Adaptive Card schema version Teams renders for bots. */
export const CARD_VERSION = '1.5';
export const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
/** The Action.Execute verbs this adapter answers: a button, and a form's submit. */
export const BUTTON_VERB = 'plc';
export const FORM_VERB = 'plc.form';

type Element = Record<string, unknown>;

/** An Adaptive Card and what Teams needs beside it. */
export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: string;
  rtl?: boolean;
  body: Element[];
  msteams: { width: 'Full'; entities?: Mention[] };
}

/** The most buttons Teams shows in one row; past it the rest are cut off, so more choices become a picker. */
export const MAX_ROW_ACTIONS = 6;
/** The id of a picker's choice: Teams merges the chosen value into the submit's data as `command`. */
export const PICKER_INPUT = 'command';

/**
 * Renders a view as an Adaptive Card 1.5, shortened if needed to fit a Teams message with its envelope.
 * Every piece of user text is escaped and set as a JSON value.
 */
export function renderCard(v: View): AdaptiveCard {
  return fitted(v).card;
}

/**
 * The view as it fits in one Teams message (see TEAMS_MESSAGE_LIMIT for the figure and its source), with its
 * card: the one rendered to measure it, not rendered again (every view fitView returns was measured last).
 */
function fitted(v: View): { view: View; card: AdaptiveCard } {
  let done = rendered.get(v);
  if (!done) {
    done = fittedAnew(v);
    // Sent as it is: botbuilder copies the activity around it, and nothing writes to a card once rendered.
    Object.freeze(done.card);
    rendered.set(v, done);
  }
  return done;
}

/**
 * Cards already rendered, by view. The core hands out the same view again for an answer that depends on nothing
 * but the language (help, built once per language): escaping and measuring its large card cost more than
 * the rest of its turn.
 */
const rendered = new WeakMap<View, { view: View; card: AdaptiveCard }>();

function fittedAnew(v: View): { view: View; card: AdaptiveCard } {
  let last: { view: View; card: AdaptiveCard } | null = null;
  const measure = (w: View) => {
    last = { view: w, card: cardOf(w) };
    return jsonBytes(activityOf(w, last.card));
  };
  const view = fitView(isolateCode(v), measure, TEAMS_MESSAGE_LIMIT - ENVELOPE_RESERVE, {
    hidden: (count) => teamsT(v.locale, 'teams.more', { count }),
    more: t(v.locale, 'list.more'),
  });
  const measured = last as { view: View; card: AdaptiveCard } | null;
  return { view, card: measured?.view === view ? measured.card : cardOf(view) };
}

function cardOf(v: View): AdaptiveCard {
  const locale = v.locale;
  const mentions = new Map<string, Mention>();
  const body: Element[] = [];
  let separate = false;
  for (const block of v.blocks) {
    if (block.type === 'divider') {
      separate = true;
      continue;
    }
    const elements = renderBlock(block, mentions, locale);
    if (separate && elements[0]) elements[0] = { ...elements[0], separator: true };
    separate = false;
    body.push(...elements);
  }
  const card: AdaptiveCard = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: CARD_VERSION,
    body,
    msteams: { width: 'Full' },
  };
  if (v.dir === 'rtl') card.rtl = true;
  if (mentions.size) card.msteams.entities = [...mentions.values()];
  return card;
}

/** A message activity carrying the view as a card; `summary` is the notification text. */
export function renderActivity(v: View): {
  type: 'message';
  summary: string;
  attachments: { contentType: string; content: AdaptiveCard }[];
} {
  const { view, card } = fitted(v);
  return activityOf(view, card);
}

function activityOf(v: View, card: AdaptiveCard) {
  return { type: 'message' as const, summary: summaryOf(v), attachments: [{ contentType: CARD_CONTENT_TYPE, content: card }] };
}

/** The notification line; the core writes commands with `/plc`, Teams users type `plc`. */
function summaryOf(v: View): string {
  const first = v.blocks.find((b) => b.type === 'heading' || b.type === 'text');
  // A right-to-left view arrives with its code isolated; the summary was taken before that.
  if (first && 'text' in first && withoutDisplayMarks(plainText(first.text)).slice(0, 300) === v.summary)
    return plainText(first.text, 'plc').slice(0, 300);
  return v.summary;
}

function renderBlock(block: Exclude<Block, { type: 'divider' }>, mentions: Map<string, Mention>, locale: Locale): Element[] {
  const md = (t: Text) => markdown(t, mentions);
  switch (block.type) {
    case 'heading':
      // Body text is Default size; a heading one step above Medium reads as a heading on desktop and mobile alike.
      return [{ type: 'TextBlock', text: md(block.text), wrap: true, weight: 'Bolder', size: 'Large', style: 'heading' }];
    case 'text':
      return [{ type: 'TextBlock', text: md(block.text), wrap: true }];
    case 'context':
      return [{ type: 'TextBlock', text: md(block.text), wrap: true, isSubtle: true, size: 'Small' }];
    case 'fields':
      return [{ type: 'FactSet', facts: block.fields.map((f) => ({ title: escapeMarkdown(f.label), value: md(f.value) })) }];
    case 'list':
      return block.items.map((item, i) => ({
        type: 'TextBlock',
        text: `• ${markdown(item, mentions, true)}`,
        wrap: true,
        spacing: i === 0 ? 'Default' : 'None',
      }));
    case 'actions':
      return block.buttons.length > MAX_ROW_ACTIONS
        ? picker(block.buttons, locale)
        : rows(block.buttons).map((row) => ({ type: 'ActionSet', actions: row.map(buttonAction) }));
    case 'form':
      return formElements(block.form, locale);
    case 'file':
      // The bytes come through the file consent card in the personal chat; the card names what is coming.
      return [{ type: 'TextBlock', text: `📎 ${escapeMarkdown(block.file.name)}`, wrap: true, isSubtle: true }];
    case 'image':
      return block.image.url
        ? [{ type: 'Image', url: block.image.url, altText: block.image.alt }]
        : [{ type: 'TextBlock', text: escapeMarkdown(block.image.alt), wrap: true, isSubtle: true }];
  }
}

/**
 * The width a row of buttons may take on a phone (360 px less the card's padding), and what one button takes:
 * its label at about 7.5 px a character in Segoe UI 14 px, its padding and the 8 px between buttons. Teams
 * lays one ActionSet out in a single row and lets a row too wide run out of the card, so buttons go in rows.
 */
const ROW_WIDTH = 330;
const buttonWidth = (b: Button): number => Array.from(b.label).length * 7.5 + 40;

/** Buttons in rows that fit at phone width, in their order; a button wider than a row has a row of its own. */
function rows(buttons: Button[]): Button[][] {
  const out: Button[][] = [];
  let width = Number.POSITIVE_INFINITY;
  for (const b of buttons) {
    const w = buttonWidth(b);
    const last = out[out.length - 1];
    if (last && width + w <= ROW_WIDTH) {
      last.push(b);
      width += w;
    } else {
      out.push([b]);
      width = w;
    }
  }
  return out;
}

/**
 * More choices than fit in a row, as a drop-down and one button: each choice's value is its command, which Teams
 * merges into the button's data, so the press runs exactly what that choice's button would have.
 * A card holds at most one such picker: a second one's choice would arrive under the same id.
 */
function picker(buttons: Button[], locale: Locale): Element[] {
  return [
    {
      type: 'Input.ChoiceSet',
      id: PICKER_INPUT,
      style: 'compact',
      // A required input needs a label (Microsoft's renderer warns without one, and screen readers read it).
      label: teamsT(locale, 'teams.choosePlaceholder'),
      placeholder: teamsT(locale, 'teams.choosePlaceholder'),
      isRequired: true,
      errorMessage: teamsT(locale, 'teams.chooseMissing'),
      choices: buttons.map((b) => ({ title: b.label, value: b.command })),
    },
    {
      type: 'ActionSet',
      actions: [{ type: 'Action.Execute', title: teamsT(locale, 'teams.choose'), verb: BUTTON_VERB, data: {}, style: 'positive' }],
    },
  ];
}

/** A button runs its command as the presser; the tooltip shows the command for keyboards and screen readers. */
function buttonAction(b: Button): Element {
  const action: Element = {
    type: 'Action.Execute',
    title: b.label,
    verb: BUTTON_VERB,
    data: { command: b.command },
    tooltip: `plc ${b.command}`,
  };
  if (b.style) action.style = b.style === 'primary' ? 'positive' : 'destructive';
  return action;
}

function formElements(form: Form, locale: Locale): Element[] {
  const out: Element[] = [
    { type: 'TextBlock', text: escapeMarkdown(form.title), wrap: true, weight: 'Bolder', size: 'Medium', style: 'heading' },
  ];
  for (const f of form.fields) {
    const id = `${FIELD_PREFIX}${f.name}`;
    // Teams shows errorMessage when its own required check fails; without one, an empty submit does nothing.
    const required = f.required === true;
    const errorMessage = f.error ?? (required ? teamsT(locale, 'teams.required', { field: f.label }) : undefined);
    const common = { id, label: f.label, isRequired: required, errorMessage };
    if (f.kind === 'select') {
      out.push({
        type: 'Input.ChoiceSet',
        ...common,
        style: 'compact',
        value: f.initial ?? undefined,
        choices: (f.options ?? []).map((o) => ({ title: o.label, value: o.value })),
      });
    } else {
      out.push({
        type: 'Input.Text',
        ...common,
        value: f.initial ?? undefined,
        maxLength: f.maxLength,
        isMultiline: f.kind === 'multiline',
      });
    }
    // Teams shows errorMessage only for its own checks; a validation error from the core is shown as text too.
    if (f.error) out.push({ type: 'TextBlock', text: escapeMarkdown(f.error), wrap: true, color: 'Attention', spacing: 'Small' });
  }
  out.push({
    type: 'ActionSet',
    actions: [
      {
        type: 'Action.Execute',
        title: form.submitLabel,
        verb: FORM_VERB,
        // The definition rides along so that a refused submit can show the same form again, as typed.
        data: { form: form.id, command: form.command, [FORM_DEF_KEY]: formDef(form) },
        style: 'positive',
        // The command is a template with `{field}` holes: no one could type it, so the tooltip is the label.
        tooltip: form.submitLabel,
      },
    ],
  });
  return out;
}
