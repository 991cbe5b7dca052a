import type { types } from '@slack/bolt';
import type { Locale } from '../../src/i18n/locales.js';
import { isolateCode } from '../../src/views/bidi.js';
import type { Block, Button, Form, FormField, View } from '../../src/views/view.js';
import { plainText } from '../../src/views/view.js';
import { ACTION_PREFIX, actionId, FORM_CALLBACK } from './ids.js';
import { slackT } from './messages.js';
import { escapeMrkdwn, literalMrkdwn, plainLimit, splitMrkdwn, toMrkdwn } from './mrkdwn.js';

type KnownBlock = types.KnownBlock;
type ModalView = types.ModalView;
type HomeView = types.HomeView;

/** Block Kit's limits that the renderer respects. */
const MAX_BLOCKS = 50;
const MAX_BUTTONS = 25;
const MAX_FIELDS = 10;
const PREFIX = '/plc';

/** A message as Slack takes it: Block Kit blocks and the plain fallback shown in notifications. */
export interface SlackMessage {
  blocks: KnownBlock[];
  text: string;
}

/** Renders a view as a Slack message. Forms are not part of a message: see `formOf` and `renderModal`. */
export function renderMessage(v: View): SlackMessage {
  // Views are immutable data and some (help) are shared between answers: render each once.
  let rendered = renderedViews.get(v);
  if (!rendered) {
    rendered = renderFresh(v);
    renderedViews.set(v, rendered);
  }
  return rendered;
}

const renderedViews = new WeakMap<View, SlackMessage>();

function renderFresh(v: View): SlackMessage {
  const blocks = isolateCode(v).blocks.flatMap((b, i) => renderBlock(b, i));
  if (blocks.length > MAX_BLOCKS) {
    blocks.length = MAX_BLOCKS - 1;
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: literalMrkdwn(slackT(v.locale, 'slack.truncated')) }] });
  }
  return { blocks, text: literalMrkdwn(v.summary || ' ') };
}

function renderBlock(b: Block, index: number): KnownBlock[] {
  switch (b.type) {
    case 'heading': {
      const s = plainText(b.text, PREFIX);
      // Headers are plain text (so no mention can ping from them) and hold at most 150 characters.
      if (Array.from(s).length <= 150) return [{ type: 'header', text: { type: 'plain_text', text: s || ' ', emoji: true } }];
      return sections(`*${toMrkdwn(b.text, PREFIX)}*`);
    }
    case 'text':
      return sections(toMrkdwn(b.text, PREFIX));
    case 'context':
      return splitMrkdwn(toMrkdwn(b.text, PREFIX)).map((text) => ({ type: 'context', elements: [{ type: 'mrkdwn', text: text || ' ' }] }));
    case 'fields': {
      const out: KnownBlock[] = [];
      for (let i = 0; i < b.fields.length; i += MAX_FIELDS) {
        const fields = b.fields.slice(i, i + MAX_FIELDS).map((f) => ({
          type: 'mrkdwn' as const,
          text: splitMrkdwn(`*${literalMrkdwn(f.label)}*\n${toMrkdwn(f.value, PREFIX)}`, 2000)[0] as string,
        }));
        out.push({ type: 'section', fields });
      }
      return out;
    }
    case 'list':
      return sections(b.items.map((item) => `• ${toMrkdwn(item, PREFIX).replace(/\n/g, '\n    ')}`).join('\n'));
    case 'actions':
      return buttonBlocks(b.buttons, index);
    case 'form':
      // In a message a form shows as its command equivalent; the modal itself opens from the request.
      return [
        {
          type: 'context',
          elements: [{ type: 'mrkdwn', text: `*${literalMrkdwn(b.form.title)}*: \`${escapeMrkdwn(`${PREFIX} ${b.form.command}`)}\`` }],
        },
      ];
    case 'file':
      // The bytes go up beside the message (files.uploadV2); the message names what is coming.
      return [{ type: 'context', elements: [{ type: 'mrkdwn', text: `📎 ${literalMrkdwn(b.file.name)}` }] }];
    case 'image':
      // Without a link the picture is uploaded as a file beside the message; its alt text stands here.
      return b.image.url
        ? [{ type: 'image', image_url: b.image.url, alt_text: b.image.alt.slice(0, 2000) }]
        : [{ type: 'context', elements: [{ type: 'plain_text', text: b.image.alt.slice(0, 2000) || ' ' }] }];
    case 'divider':
      return [{ type: 'divider' }];
  }
}

function sections(mrkdwn: string): KnownBlock[] {
  return splitMrkdwn(mrkdwn).map((text) => ({ type: 'section', text: { type: 'mrkdwn', text: text || ' ' } }));
}

/** Buttons carry their command as the value, so pressing one runs exactly what a person could type. */
function buttonBlocks(buttons: Button[], index: number): KnownBlock[] {
  const out: KnownBlock[] = [];
  for (let i = 0; i < buttons.length; i += MAX_BUTTONS) {
    const elements = buttons.slice(i, i + MAX_BUTTONS).map((button, j) => ({
      type: 'button' as const,
      action_id: actionId(index, i + j),
      text: { type: 'plain_text' as const, text: plainLimit(button.label, 75), emoji: true },
      value: button.command.slice(0, 2000),
      ...(button.style ? { style: button.style } : {}),
    }));
    out.push({ type: 'actions', block_id: `${ACTION_PREFIX}${index}:${i}`, elements });
  }
  return out;
}

/** The first form in a view, if the view asks for one. */
export function formOf(v: View): Form | null {
  const block = v.blocks.find((b) => b.type === 'form');
  return block && block.type === 'form' ? block.form : null;
}

/** The view without its form blocks, or null when nothing else is left to show. */
export function withoutForms(v: View): View | null {
  const blocks = v.blocks.filter((b) => b.type !== 'form');
  return blocks.length ? { ...v, blocks } : null;
}

/** Renders a form as a modal; `metadata` comes back with the submission. */
export function renderModal(form: Form, locale: Locale, metadata: string): ModalView {
  return {
    type: 'modal',
    callback_id: FORM_CALLBACK,
    private_metadata: metadata,
    title: { type: 'plain_text', text: plainLimit(form.title, 24) },
    submit: { type: 'plain_text', text: plainLimit(form.submitLabel, 24) },
    close: { type: 'plain_text', text: plainLimit(slackT(locale, 'slack.cancel'), 24) },
    blocks: form.fields.map(inputBlock),
  };
}

function inputBlock(f: FormField): KnownBlock {
  const label = { type: 'plain_text' as const, text: plainLimit(f.label, 2000) };
  if (f.kind === 'select') {
    const options = (f.options ?? []).slice(0, 100).map((o) => ({
      text: { type: 'plain_text' as const, text: plainLimit(o.label, 75) },
      value: o.value.slice(0, 150),
    }));
    const initial = options.find((o) => o.value === f.initial);
    return {
      type: 'input',
      block_id: f.name,
      optional: !f.required,
      label,
      element: { type: 'static_select', action_id: f.name, options, ...(initial ? { initial_option: initial } : {}) },
    };
  }
  return {
    type: 'input',
    block_id: f.name,
    optional: !f.required,
    label,
    element: {
      type: 'plain_text_input',
      action_id: f.name,
      multiline: f.kind === 'multiline',
      ...(f.maxLength ? { max_length: Math.min(f.maxLength, 3000) } : {}),
      ...(f.initial ? { initial_value: f.initial } : {}),
    },
  };
}

/** The App Home tab: the home view's blocks. */
export function renderHome(v: View): HomeView {
  return { type: 'home', blocks: renderMessage(v).blocks };
}
