import { type Block, type Button, type Form, plainText, type Text, type View } from '../../src/views/view.js';
import { FIELD_PREFIX, FORM_DEF_KEY, formDef } from './forms.js';

export { FIELD_PREFIX };

/** The Adaptive Card schema version Teams renders for bots. */
export const CARD_VERSION = '1.5';
export const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
/** The Action.Execute verbs this adapter answers: a button, and a form's submit. */
export const BUTTON_VERB = 'plc';
export const FORM_VERB = 'plc.form';

type Element = Record<string, unknown>;

interface Mention {
  type: 'mention';
  text: string;
  mentioned: { id: string; name: string };
}

/** An Adaptive Card and what Teams needs beside it. */
export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: string;
  rtl?: boolean;
  body: Element[];
  msteams: { width: 'Full'; entities?: Mention[] };
}

/** Renders a view as an Adaptive Card 1.5. Every piece of user text is escaped and set as a JSON value. */
export function renderCard(v: View): AdaptiveCard {
  const mentions = new Map<string, Mention>();
  const body: Element[] = [];
  let separate = false;
  for (const block of v.blocks) {
    if (block.type === 'divider') {
      separate = true;
      continue;
    }
    const elements = renderBlock(block, mentions);
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
  return { type: 'message', summary: summaryOf(v), attachments: [{ contentType: CARD_CONTENT_TYPE, content: renderCard(v) }] };
}

/** The notification line; the core writes commands with `/plc`, Teams users type `plc`. */
function summaryOf(v: View): string {
  const first = v.blocks.find((b) => b.type === 'heading' || b.type === 'text');
  if (first && 'text' in first && plainText(first.text).slice(0, 300) === v.summary) return plainText(first.text, 'plc').slice(0, 300);
  return v.summary;
}

function renderBlock(block: Exclude<Block, { type: 'divider' }>, mentions: Map<string, Mention>): Element[] {
  const md = (t: Text) => markdown(t, mentions);
  switch (block.type) {
    case 'heading':
      return [{ type: 'TextBlock', text: md(block.text), wrap: true, weight: 'Bolder', size: 'Medium', style: 'heading' }];
    case 'text':
      return [{ type: 'TextBlock', text: md(block.text), wrap: true }];
    case 'context':
      return [{ type: 'TextBlock', text: md(block.text), wrap: true, isSubtle: true, size: 'Small' }];
    case 'fields':
      return [{ type: 'FactSet', facts: block.fields.map((f) => ({ title: escapeMarkdown(f.label), value: md(f.value) })) }];
    case 'list':
      return block.items.map((item, i) => ({
        type: 'TextBlock',
        text: `• ${md(item)}`,
        wrap: true,
        spacing: i === 0 ? 'Default' : 'None',
      }));
    case 'actions':
      return [{ type: 'ActionSet', actions: block.buttons.map(buttonAction) }];
    case 'form':
      return formElements(block.form);
  }
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

function formElements(form: Form): Element[] {
  const out: Element[] = [{ type: 'TextBlock', text: escapeMarkdown(form.title), wrap: true, weight: 'Bolder', style: 'heading' }];
  for (const f of form.fields) {
    const id = `${FIELD_PREFIX}${f.name}`;
    const common = { id, label: f.label, isRequired: f.required === true, errorMessage: f.error ?? undefined };
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
        tooltip: `plc ${form.command}`,
      },
    ],
  });
  return out;
}

/** Inline text as card markdown: plain text escaped, mentions as `<at>` with an entity, commands as typed. */
function markdown(t: Text, mentions: Map<string, Mention>): string {
  if (typeof t === 'string') return escapeMarkdown(t);
  return t
    .map((span) => {
      if (typeof span === 'string') return escapeMarkdown(span);
      if ('mention' in span) {
        const name = span.mention.name.replace(/[<>]/g, '');
        const text = `<at>${name}</at>`;
        mentions.set(text, { type: 'mention', text, mentioned: { id: span.mention.user, name } });
        return text;
      }
      return escapeMarkdown(`plc ${span.command}`);
    })
    .join('');
}

/** Whether a string holds anything escapeMarkdown changes; most text does not, and this is the hot path. */
const NEEDS_ESCAPE = /[\\`*_~[\]<]|(^|\n)[ \t]*([-+>#]|\d+\.)/;

/**
 * Escapes text for Teams card markdown: emphasis, links and list or heading starts become literal, and an
 * `<at>` tag typed by a user can never match a mention entity.
 */
export function escapeMarkdown(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return s;
  return s
    .replace(/[\\`*_~[\]]/g, '\\$&')
    .replace(/^([ \t]*)([-+>#])/gm, '$1\\$2')
    .replace(/^([ \t]*\d+)\./gm, '$1\\.')
    .replace(/<(\/?at\b)/gi, '<\u200b$1');
}
