import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assemble } from '../src/app.js';
import { LOCALES } from '../src/i18n/locales.js';
import { t } from '../src/i18n/translate.js';
import { renderPlain } from '../src/views/plain.js';
import { type TestApp, testApp } from './support/app.js';
import { run } from './support/bot.js';

/** A small seeded generator, so a failure can be replayed. */
function prng(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = s;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T;
  return { next, int, pick };
}

const NASTY = [
  "'; DROP TABLE users; --",
  '" OR 1=1 --',
  '\u0000',
  '<!channel>',
  '<!here>',
  '@channel',
  '<@U999|everyone>',
  '<at>everyone</at>',
  '{"type":"AdaptiveCard","body":[]}',
  '{count, plural, one {x} other {y}}',
  '{name}',
  '*bold* _it_ ~strike~ `code`',
  '<script>alert(1)</script>',
  '\u202Egnp.exe',
  '\u2067مرحبا\u2069',
  'مجتمعات التعلم المهنية',
  'שלום',
  '٢٠٢٦-٠٩-٠١',
  '#12',
  '#٠',
  '--',
  '"',
  '“unclosed',
  '\r\n',
  '\t',
  '🧑‍🏫',
  'e\u0301',
  '\uFFFF',
  '\uD800',
];

const WORDS = [
  'weekly',
  'monthly',
  'last',
  'tue',
  '15:30',
  'from',
  '2026-09-01',
  'yes',
  'no',
  'team',
  'lead',
  'guest',
  'tz',
  'lang',
  'de',
  'ar',
  'in',
  'Math',
  '"Grade 5"',
  '@ana',
  '@carla',
  '45m',
  'all',
  'since',
  '30d',
];

function randomUnicode(r: ReturnType<typeof prng>, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) {
    const kind = r.int(6);
    const cp =
      kind === 0
        ? 0x20 + r.int(0x5f)
        : kind === 1
          ? 0x600 + r.int(0x100) // Arabic
          : kind === 2
            ? r.int(0x20) // control characters, NUL included
            : kind === 3
              ? 0x1f300 + r.int(0x300) // emoji
              : kind === 4
                ? 0x2000 + r.int(0x70) // punctuation, bidi controls
                : r.int(0xd7ff);
    s += String.fromCodePoint(cp);
  }
  return s;
}

/** Inputs of every kind: random text, real commands with random arguments, and the nastiest strings. */
function inputs(count: number, commandWords: string[][]): string[] {
  const r = prng(20260901);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const kind = i % 6;
    if (kind === 0) out.push(randomUnicode(r, r.int(80)));
    else if (kind === 1) {
      const words = r.pick(commandWords).join(' ');
      const tail = Array.from({ length: r.int(6) }, () => (r.next() < 0.5 ? r.pick(WORDS) : r.pick(NASTY))).join(' ');
      out.push(`${words} ${tail}`);
    } else if (kind === 2) out.push(`${r.pick(commandWords).join(' ')} ${randomUnicode(r, r.int(200))}`);
    else if (kind === 3) out.push(`${r.pick(NASTY)} ${r.pick(NASTY)} ${r.pick(WORDS)}`);
    else if (kind === 4) out.push(`in ${r.pick(NASTY)} ${r.pick(commandWords).join(' ')} ${r.pick(NASTY)}`);
    else out.push(r.next() < 0.02 ? `${r.pick(commandWords).join(' ')} ${'x'.repeat(50_000)}` : randomUnicode(r, r.int(400)));
  }
  for (const words of commandWords) out.push(`${words.join(' ')} ${'ي'.repeat(50_000)}`, `${words.join(' ')} \u0000\u0000`);
  return out;
}

/** The internal-error answer in every language the bot speaks: a person who typed `lang de` first sees it in German. */
const INTERNAL = LOCALES.map((locale) => t(locale, 'error.internal'));

/** What only a bug puts in an answer: a stack frame, an error's name, a value that never got a text. */
const LEAKS = ['    at ', 'Error:', 'undefined', '[object Object]', 'NaN'];

/**
 * Why an answer betrays a crash, or null when it does not. Answers quote what was typed (an unknown command,
 * a community name), so a marker counts only when the input did not already hold it.
 */
function crashIn(answer: string, input: string): string | null {
  if (answer.trim() === '') return 'an empty answer';
  const internal = INTERNAL.find((m) => answer.includes(m));
  if (internal) return `the internal error: ${internal}`;
  const leak = LEAKS.find((m) => answer.includes(m) && !input.includes(m));
  return leak ? `“${leak}” in: ${answer.slice(0, 300)}` : null;
}

describe('fuzzing the parser and the handlers', () => {
  let app: TestApp;
  beforeAll(() => {
    app = testApp();
    run(app, 'carla', 'create Math', { channel: 'math' });
    run(app, 'ana', 'join', { channel: 'math' });
    run(app, 'carla', 'role @gina guest', { channel: 'math' });
  });
  afterAll(async () => {
    await app.dispose();
  });

  it('answers every one of thousands of hostile inputs politely, never with an internal error, and the database stays whole', () => {
    const commandWords = assemble()
      .registry.all()
      .map((d) => [...d.words]);
    const all = inputs(2400, commandWords);
    expect(all.length).toBeGreaterThanOrEqual(2000);
    const r = prng(7);
    const unanswered: string[] = [];
    const crashes: { input: string; user: string; channel: string | null; why: string }[] = [];
    for (const text of all) {
      const user = r.pick(['carla', 'ana', 'gina', 'omar']);
      const channel = r.pick(['math', 'general', null]);
      const handled = run(app, user, text, { channel });
      if (!handled.deliveries.some((d) => d.to === 'asker')) unanswered.push(text.slice(0, 200));
      for (const d of handled.deliveries) {
        const why = crashIn(renderPlain(d.view), text);
        if (why) crashes.push({ input: text.slice(0, 200), user, channel, why });
      }
    }
    // Every failure at once, each with its input, so a crash can be replayed from this list.
    expect(crashes).toEqual([]);
    expect(unanswered).toEqual([]);
    expect(app.store.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(app.store.db.pragma('foreign_key_check')).toEqual([]);
  });
});
