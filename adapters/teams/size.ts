import { PAGE_SIZE } from '../../src/views/paging.js';
import type { Block, Span, Text, View } from '../../src/views/view.js';

/**
 * Microsoft's Teams documentation ("Format your bot messages", learn.microsoft.com/microsoftteams/platform/bots/how-to/
 * format-your-bot-messages) has given about 28 KB as the size limit of a bot message, card and activity envelope
 * included (later revisions say 40 KB and 100 KB); past it the Bot Connector answers 413 MessageSizeTooBig.
 * We hold to the smallest figure, since older clients and tenants are still served.
 */
export const TEAMS_MESSAGE_LIMIT = 28 * 1024;
/** What the Bot Connector client adds around the card (ids, from, recipient, conversation, serviceUrl, channelData). */
export const ENVELOPE_RESERVE = 2 * 1024;

/** Bytes of a JSON value as sent. */
export const jsonBytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), 'utf8');

/** Longest a single piece of text is allowed to stay at each step of shortening; null keeps it whole. */
const CLIP_STEPS = [1500, 600, 240, 100];

/** The localized words the shortening adds: the line saying how many items are left out, and the More button. */
export interface FitWords {
  hidden(n: number): string;
  more: string;
}

/**
 * A view shortened until its rendering fits `budget` bytes: first every long text is clipped (each item stays,
 * so nothing listed disappears), then lists keep only their first items and say how many more there are. A list
 * that names its listing command (`more`) gets a "More" button running that command's `page` form from the page
 * the first hidden item is on. Returns the view itself when it already fits.
 */
export function fitView(v: View, measure: (v: View) => number, budget: number, words: FitWords): View {
  if (measure(v) <= budget) return v;
  let shortened = v;
  for (const max of CLIP_STEPS) {
    shortened = { ...v, blocks: v.blocks.map((b) => clipBlock(b, max)) };
    if (measure(shortened) <= budget) return shortened;
  }
  // Lists lose their last items, longest list first, one at a time until the card fits.
  const blocks = [...shortened.blocks];
  const hidden = new Map<number, number>();
  const withNotes = (): View => ({
    ...shortened,
    blocks: blocks.flatMap((b, i) => {
      const n = hidden.get(i);
      if (!n) return [b];
      const note: Block = { type: 'context', text: words.hidden(n) };
      if (b.type !== 'list' || !b.more) return [b, note];
      // The first hidden item is on the page after the kept ones end (pages hold PAGE_SIZE items).
      const page = Math.floor(b.items.length / PAGE_SIZE) + 1;
      return [b, note, { type: 'actions', buttons: [{ label: words.more, command: `${b.more} page ${page}` }] } as Block];
    }),
  });
  for (;;) {
    const fitted = withNotes();
    if (measure(fitted) <= budget) return fitted;
    let longest = -1;
    for (const [i, b] of blocks.entries())
      if (b.type === 'list' && b.items.length > 1 && (longest < 0 || b.items.length > (blocks[longest] as { items: Text[] }).items.length))
        longest = i;
    if (longest < 0) return fitted;
    const list = blocks[longest] as Extract<Block, { type: 'list' }>;
    blocks[longest] = { ...list, items: list.items.slice(0, -1) };
    hidden.set(longest, (hidden.get(longest) ?? 0) + 1);
  }
}

function clipBlock(b: Block, max: number): Block {
  switch (b.type) {
    case 'text':
    case 'context':
    case 'heading':
      return { ...b, text: clipText(b.text, max) };
    case 'list':
      return { ...b, items: b.items.map((i) => clipText(i, max)) };
    case 'fields':
      return { ...b, fields: b.fields.map((f) => ({ ...f, value: clipText(f.value, max) })) };
    default:
      return b;
  }
}

/** Text cut after `max` characters of its plain parts, with an ellipsis; mentions and commands are kept whole. */
export function clipText(t: Text, max: number): Text {
  const spans: Span[] = typeof t === 'string' ? [t] : [...t];
  let left = max;
  const out: Span[] = [];
  for (const span of spans) {
    if (typeof span !== 'string') {
      out.push(span);
      continue;
    }
    const chars = [...span];
    if (chars.length <= left) {
      out.push(span);
      left -= chars.length;
      continue;
    }
    out.push(`${chars.slice(0, left).join('')}…`);
    return out;
  }
  return typeof t === 'string' ? t : out;
}
