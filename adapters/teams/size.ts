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

/**
 * A view shortened until its rendering fits `budget` bytes: first every long text is clipped (each item stays,
 * so nothing listed disappears), then lists keep only their first items and say how many more there are.
 * `more(n)` is the localized line that says so. Returns the view itself when it already fits.
 */
export function fitView(v: View, measure: (v: View) => number, budget: number, more: (n: number) => string): View {
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
      return n ? [b, { type: 'context', text: more(n) } as Block] : [b];
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
    const list = blocks[longest] as { type: 'list'; items: Text[] };
    blocks[longest] = { type: 'list', items: list.items.slice(0, -1) };
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
