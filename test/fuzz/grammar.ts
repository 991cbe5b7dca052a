import fc from 'fast-check';
import { assemble } from '../../src/app.js';

/**
 * Arbitraries built from the command language (the shared COMMANDS.md): real command and option words,
 * the values each option takes written in odd ways, and the hostile text every edge must survive. A
 * command line is a list of pieces; a mention stays abstract until a platform writes it its own way.
 */

/** A person named in a command: someone the bot knows, an id nobody has, typed text dressed up as a mention, or a broken one. */
export interface Mention {
  mention: 'known' | 'unknown' | 'forged' | 'broken';
  name: string;
}

export type Piece = string | Mention;

/** The words of every command the registry knows, as typed (`agenda add`). */
export const COMMAND_WORDS: readonly string[][] = assemble()
  .registry.all()
  .map((d) => [...d.words]);

/** Commands of the language that capabilities not built yet will take: the unknown-command path with real-looking words. */
const FUTURE_WORDS = [
  'pair',
  'pair now',
  'observe happened',
  'reflect',
  'reflection edit',
  'status',
  'digest',
  'export me',
  'forget me confirm',
  'term start',
  'privacy',
  'archive',
  'rename',
  'handover',
];

const OPTION_WORDS = [
  'in',
  'page',
  '--',
  'duration',
  'where',
  'from',
  'until',
  'off',
  'reset',
  'add',
  'remove',
  'all',
  'since',
  'confirm',
  'me',
  'team',
  'coordinator',
  'school',
  'yes',
  'no',
  'not-yet',
  'lead',
  'curator',
  'coach',
  'member',
  'guest',
  'tz',
  'lang',
  'quiet',
  'workdays',
  'to',
  'new-year',
  'due',
  'aligns',
  'csv',
  'json',
  'on-track',
  'at-risk',
  'off-track',
  'achieved',
  'dropped',
  'align',
  'none',
  'glow:',
  'grow:',
  'notes:',
  'YES',
  'Lead',
];

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'Monday', 'TUESDAY', 'sunday', 'mo', 'lun', 'الاثنين'];
const ORDINALS = ['1st', '2nd', '3rd', '4th', 'last', '5th', '0th', 'first', '١st'];
const LANGS = ['en', 'de', 'da', 'nl', 'ar', 'EN', 'de-DE', 'xx', 'zh', 'ar-SA', '', 'e', 'english'];
const ZONES = ['Europe/Berlin', 'UTC', 'Asia/Riyadh', 'America/St_Johns', 'Etc/GMT+14', 'Mars/Olympus', 'europe/berlin', '+05:30', 'Z'];

/** Digits in the three scripts the grammar reads, and a few it must not: full-width, Devanagari, superscripts. */
const DIGIT_SETS = ['0123456789', '٠١٢٣٤٥٦٧٨٩', '۰۱۲۳۴۵۶۷۸۹', '０１２３４５６７８９', '०१२३४५६७८९', '⁰¹²³⁴⁵⁶⁷⁸⁹'];

const inScript = (n: string, set: string): string => n.replace(/\d/g, (d) => set[Number(d)] as string);

/** A decimal number written in any of the digit sets, sometimes with its digits mixed. */
const digits = (n: fc.Arbitrary<number>) =>
  fc
    .tuple(n, fc.constantFrom(...DIGIT_SETS), fc.boolean())
    .map(([v, set, mixed]) => (mixed ? [...String(v)].map((d, i) => (i % 2 ? inScript(d, set) : d)).join('') : inScript(String(v), set)));

/** Numbers that are not decimal digits, or are absurdly large. */
const ODD_NUMBERS = [
  '1e2',
  '0x10',
  '0b11',
  '0o7',
  '-1',
  '-0',
  '+3',
  '1.5',
  '1,5',
  '1_000',
  'Infinity',
  'NaN',
  '007',
  '99999999999999999999',
  '9007199254740993',
  '١e٢',
  '',
];

const anyNumber = fc.oneof(
  { arbitrary: digits(fc.nat(60)), weight: 4 },
  { arbitrary: digits(fc.nat()), weight: 1 },
  { arbitrary: fc.constantFrom(...ODD_NUMBERS), weight: 3 },
);

/** `#n`: real-looking item numbers and every odd way to write one. */
export const itemRef = (known: readonly number[] = []) =>
  fc
    .oneof(
      ...(known.length ? [{ arbitrary: fc.constantFrom(...known).map(String), weight: 3 }] : []),
      { arbitrary: anyNumber, weight: 4 },
      { arbitrary: fc.constantFrom('#', '', '12#', '-#1', '1 2'), weight: 1 },
    )
    .map((n) => `#${n}`);

/** Dates `YYYY-MM-DD` near today, far away, impossible, and in forms the grammar refuses. */
const date = fc
  .oneof(
    {
      arbitrary: fc
        .tuple(fc.integer({ min: 2024, max: 2032 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
        .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
      weight: 5,
    },
    {
      arbitrary: fc
        .tuple(fc.integer({ min: 0, max: 99999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }))
        .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
      weight: 2,
    },
    {
      arbitrary: fc.constantFrom(
        '9999-12-31',
        '0000-01-01',
        '2026-02-29',
        '2028-02-29',
        '2026-02-30',
        '2026-13-01',
        '+275760-09-13',
        '-002026-01-01',
        '2026-9-1',
        '20260901',
        '2026/09/01',
        '01.09.2026',
        '2026-09-01T10:00',
        '1e2',
        '0x10',
        'tomorrow',
        '2026-0x1-01',
      ),
      weight: 2,
    },
  )
  .chain((d) => fc.constantFrom(...DIGIT_SETS.slice(0, 4)).map((set) => inScript(d, set)));

/** Times `HH:MM` on a 24-hour clock and near misses. */
const time = fc
  .oneof(
    {
      arbitrary: fc
        .tuple(fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }))
        .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
      weight: 4,
    },
    {
      arbitrary: fc.constantFrom('24:00', '9:5', '9.30', '15:30:00', '3pm', '15h30', '1e2:00', '0x10:00', '-1:00', ':', '99999:00'),
      weight: 2,
    },
  )
  .chain((t) => fc.constantFrom(...DIGIT_SETS.slice(0, 3)).map((set) => inScript(t, set)));

/** Durations `45m`, `2h`, `3d`, lists of them (`remind 24h,1h`) and odd ones. */
const duration = fc.oneof(
  {
    arbitrary: fc.tuple(digits(fc.nat(400)), fc.constantFrom('m', 'h', 'd', 'M', 'H', '', 'w', 'min', 's')).map(([n, u]) => `${n}${u}`),
    weight: 4,
  },
  { arbitrary: fc.constantFrom('0m', '-5m', '1e2m', '0x10m', '1.5h', '9999999d', 'm', '24h,1h', '24h,,1h', '1h,1h,1h', '7d,'), weight: 2 },
);

/** The cadence phrase, whole or broken: `weekly tue 15:30 from 2026-09-01`, `monthly last fri 09:00`. */
const cadence = fc
  .tuple(
    fc.constantFrom('weekly', 'biweekly', 'monthly', 'daily', 'Weekly', 'fortnightly'),
    fc.option(fc.constantFrom(...ORDINALS), { nil: undefined }),
    fc.option(fc.constantFrom(...WEEKDAYS), { nil: undefined }),
    fc.option(time, { nil: undefined }),
    fc.option(
      date.map((d) => `from ${d}`),
      { nil: undefined },
    ),
  )
  .map((parts) => parts.filter((p) => p !== undefined).join(' '));

/** Progress figures `NN%`: in range, out of it, in other scripts and signs, and shapes that only look like numbers. */
const percent = fc.oneof(
  {
    arbitrary: fc
      .tuple(digits(fc.integer({ min: 0, max: 130 })), fc.constantFrom('%', '٪', ' %', '', '%%'))
      .map(([n, sign]) => `${n}${sign}`),
    weight: 4,
  },
  {
    arbitrary: fc.constantFrom('150%', '-3%', '٥٠٪', '1e2%', '101%', '50.5%', '0x10%', '+5%', '%', '٪', '1,5%', '½%', '9999999999%'),
    weight: 3,
  },
);

/** Quoted names, balanced or not, with straight, curly and foreign quotes. */
const quoted = fc
  .tuple(
    fc.constantFrom('Grade 5 Math', 'Math', '', ' ', 'Ma\u200bthe', 'MATHE', 'مجتمع الرياضيات', 'x'.repeat(300), 'a"b'),
    fc.constantFrom(
      ['"', '"'],
      ['"', ''],
      ['', '"'],
      ['“', '”'],
      ['“', ''],
      ['„', '“'],
      ['«', '»'],
      ["'", "'"],
      ['“', '"'],
      ['\\"', '\\"'],
    ),
  )
  .map(([name, [open, close]]) => `${open}${name}${close}`);

/** Links as a library is given them: web addresses, the schemes it refuses, and some too long or broken. */
const url = fc.oneof(
  {
    arbitrary: fc
      .tuple(
        fc.constantFrom('https://', 'http://', 'HTTPS://', 'https:'),
        fc.constantFrom('example.org', 'schule.de', 'مدرسة.مثال', '', '[::1]'),
      )
      .chain(([scheme, host]) => fc.webPath().map((path) => `${scheme}${host}${path}`)),
    weight: 4,
  },
  {
    arbitrary: fc.constantFrom(
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'file:///etc/passwd',
      'data:text/html;base64,PHNjcmlwdD4=',
      'vbscript:msgbox',
      'ftp://example.org/x',
      'mailto:ana@school.org',
      '<https://example.org|label>',
      'https://',
      'http://a b',
    ),
    weight: 3,
  },
  { arbitrary: fc.integer({ min: 1990, max: 2100 }).map((n) => `https://example.org/${'a'.repeat(n)}`), weight: 1 },
);

/**
 * Tags and channels (`move to #channel`): `#word` in any script, Slack channel links with and without a name
 * (and malformed ones), `here`, a number (an item), and one over 50 characters.
 */
const tag = fc.oneof(
  { arbitrary: fc.constantFrom('#fractions', '#Brüche', '#قراءة', '#læsning', '#a-b_c', '#', '##', '#12', '<#C123|math>'), weight: 4 },
  { arbitrary: fc.constantFrom('<#C9>', '<#c1|x>', '<#C1|>', '<#|x>', 'here', 'HERE', '#general'), weight: 1 },
  { arbitrary: fc.integer({ min: 45, max: 60 }).map((n) => `#${'t'.repeat(n)}`), weight: 1 },
);

/** Characters that reorder or hide text, and other controls the cleaner must remove or keep. */
export const CONTROLS = [
  '\u202A',
  '\u202B',
  '\u202C',
  '\u202D',
  '\u202E',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u200B',
  '\u200C',
  '\u200D',
  '\u200E',
  '\u200F',
  '\u2060',
  '\uFEFF',
  '\u061C',
  '\u0000',
  '\u0007',
  '\u001B[31m',
  '\u007F',
  '\u0085',
  '\u2028',
  '\u2029',
  '\r',
  '\r\n',
  '\t',
  '\n',
  '\uD800',
  '\uDFFF',
  '\uFFFF',
  '\uFFFD',
  '\u0301',
];

const SQL = [
  "'; DROP TABLE users; --",
  '" OR 1=1 --',
  "' OR '1'='1",
  '1; SELECT * FROM sqlite_master',
  "'||(SELECT group_concat(name) FROM sqlite_master)||'",
  "ATTACH DATABASE '/tmp/x.sqlite' AS x; --",
  'PRAGMA writable_schema=1;',
  '%',
  '_',
  '\\',
  "Robert'); DELETE FROM communities;--",
];

const JSONISH = [
  '{"type":"AdaptiveCard","body":[]}',
  '{"__proto__":{"admin":true}}',
  '{"constructor":{"prototype":{"isAdmin":true}}}',
  '[1,2,3]',
  'null',
  'undefined',
  '{"command":"coordinator add <@U1|x>"}',
  '{{name}}',
  '{count, plural, one {x} other {y}}',
  '{name}',
  // A template literal's placeholder, as text: nothing may ever evaluate it.
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the text itself is the hostile input
  '${process.exit()}',
  '</at><at>x</at>',
];

const MARKUP = [
  '<!channel>',
  '<!here>',
  '<!everyone>',
  '@channel',
  '@here',
  '<#C0MATH|math>',
  '<#C0MATH>',
  '<!subteam^S123|@teachers>',
  '<!date^1392734382^{date}|Feb 18>',
  '<mailto:ana@school.org|ana@school.org>',
  '<https://evil.example|https://school.org>',
  '<javascript:alert(1)|x>',
  '*bold* _it_ ~strike~ `code` ```block```',
  '<script>alert(1)</script>',
  '&amp; &lt; &gt; &quot; &#39; &nbsp;',
  '[link](javascript:alert(1))',
  '\\*not bold\\*',
  '> quote',
  '#tag',
  '#مدرسة',
  'https://school.org/a?b=c&d=e',
  '🧑‍🏫👩🏽‍🔬',
  'e\u0301',
  'שלום',
  'مجتمعات التعلم المهنية',
];

/** One hostile piece of text. */
export const hostile = fc.oneof(
  fc.constantFrom(...CONTROLS),
  fc.constantFrom(...SQL),
  fc.constantFrom(...JSONISH),
  fc.constantFrom(...MARKUP),
);

/** Random text mixing every script and control, as a person pasting from anywhere might. */
export const junk = (maxLength: number) =>
  fc.string({
    unit: fc.oneof(
      { arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }), weight: 6 },
      { arbitrary: fc.constantFrom(...CONTROLS), weight: 1 },
      { arbitrary: fc.integer({ min: 0x600, max: 0x6ff }).map((c) => String.fromCodePoint(c)), weight: 1 },
      { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), weight: 1 },
      { arbitrary: fc.constantFrom(' ', ' ', '"', '“', '#', '@', '<', '>', '|', '&', '-', ':', '\\'), weight: 2 },
    ),
    maxLength,
  });

/** Free text past the 4,000-character limit, in scripts whose UTF-8 and UTF-16 lengths differ. */
export const longText = fc
  .tuple(fc.constantFrom('x', 'ي', '🧑‍🏫', 'a\u200b', '"', '<@U1|x>', '&lt;'), fc.integer({ min: 3990, max: 12_000 }))
  .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length));

/** Separators between words: a space mostly, and the other blanks a platform may send. */
const separator = fc.oneof(
  { arbitrary: fc.constant(' '), weight: 12 },
  { arbitrary: fc.constantFrom('  ', '\t', '\n', '\u00A0', '\u3000', '\u2003', '', ' \u200b '), weight: 1 },
);

export interface GrammarWorld {
  /** People the bot knows, by logical name. */
  people: readonly string[];
  /** Communities that exist, by name. */
  communities: readonly string[];
  /** Item numbers (`#n`) that exist, in this workspace and others. */
  items: readonly number[];
}

const mention = (world: GrammarWorld): fc.Arbitrary<Mention> =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...world.people).map((name): Mention => ({ mention: 'known', name })), weight: 4 },
    { arbitrary: fc.constantFrom('nobody', 'ghost', 'U2', 'x').map((name): Mention => ({ mention: 'unknown', name })), weight: 2 },
    { arbitrary: fc.constantFrom(...world.people).map((name): Mention => ({ mention: 'forged', name })), weight: 2 },
    { arbitrary: fc.constantFrom('', '|', '<', 'a b', '\u202E').map((name): Mention => ({ mention: 'broken', name })), weight: 1 },
  );

/** One argument of a command: an option word, a value in an odd form, a mention, or hostile text. */
const argument = (world: GrammarWorld): fc.Arbitrary<Piece> =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...OPTION_WORDS), weight: 5 },
    { arbitrary: mention(world), weight: 3 },
    { arbitrary: itemRef(world.items), weight: 3 },
    { arbitrary: date, weight: 2 },
    { arbitrary: time, weight: 2 },
    { arbitrary: duration, weight: 2 },
    { arbitrary: cadence, weight: 2 },
    { arbitrary: percent, weight: 2 },
    { arbitrary: anyNumber, weight: 1 },
    { arbitrary: quoted, weight: 2 },
    { arbitrary: url, weight: 1 },
    { arbitrary: tag, weight: 1 },
    { arbitrary: fc.constantFrom(...world.communities), weight: 2 },
    { arbitrary: fc.constantFrom(...WEEKDAYS), weight: 1 },
    { arbitrary: fc.constantFrom(...LANGS), weight: 1 },
    { arbitrary: fc.constantFrom(...ZONES), weight: 1 },
    { arbitrary: hostile, weight: 3 },
    { arbitrary: junk(20), weight: 1 },
  );

/** The words of a real command, sometimes in another case or with a typo. */
const commandWords = fc.oneof(
  { arbitrary: fc.constantFrom(...COMMAND_WORDS).map((w) => w.join(' ')), weight: 10 },
  { arbitrary: fc.constantFrom(...FUTURE_WORDS), weight: 1 },
  {
    arbitrary: fc
      .tuple(fc.constantFrom(...COMMAND_WORDS), fc.constantFrom('upper', 'typo', 'quoted', 'hash', 'control'))
      .map(([words, how]) => {
        const w = words.join(' ');
        if (how === 'upper') return w.toUpperCase();
        if (how === 'typo') return w.slice(1);
        if (how === 'quoted') return `"${w}"`;
        if (how === 'hash') return `#${w}`;
        return `${w[0]}\u200b${w.slice(1)}`;
      }),
    weight: 1,
  },
);

/** `in <community>` first, as the grammar reads it, with real, quoted, unknown and hostile names. */
const inClause = (world: GrammarWorld): fc.Arbitrary<Piece[]> =>
  fc
    .oneof(
      { arbitrary: fc.constantFrom(...world.communities), weight: 3 },
      { arbitrary: quoted, weight: 2 },
      { arbitrary: hostile, weight: 1 },
      { arbitrary: fc.constant(''), weight: 1 },
    )
    .map((name) => ['in', ' ', name, ' ']);

/** A whole command line (without the `/plc` prefix): grammatical mostly, broken often, hostile always somewhere. */
export function commandLine(world: GrammarWorld): fc.Arbitrary<Piece[]> {
  const grammatical = fc
    .tuple(
      fc.option(inClause(world), { nil: [] as Piece[], freq: 4 }),
      commandWords,
      fc.array(fc.tuple(separator, argument(world)), { maxLength: 7 }),
      fc.option(fc.oneof(junk(80), hostile, fc.constantFrom('-- team meetings drain me', 'page 2', '-- ', '--')), { nil: '', freq: 2 }),
    )
    .map(([prefix, words, args, tail]): Piece[] => [...prefix, words, ...args.flat(), ...(tail ? [' ', tail] : [])]);
  return fc.oneof(
    { arbitrary: grammatical, weight: 14 },
    { arbitrary: fc.tuple(commandWords, longText).map(([w, t]): Piece[] => [w, ' ', t]), weight: 1 },
    { arbitrary: junk(120).map((s): Piece[] => [s]), weight: 2 },
    {
      arbitrary: fc.array(fc.oneof(hostile, mention(world)), { minLength: 1, maxLength: 4 }).map((ps) => ps.flatMap((p) => [p, ' '])),
      weight: 2,
    },
  );
}

/** A command line written with plain `@name` mentions, as the console and the core's tests take them. */
export function plainText(pieces: readonly Piece[]): string {
  return pieces
    .map((p) => {
      if (typeof p === 'string') return p;
      if (p.mention === 'known' || p.mention === 'unknown') return `@${p.name}`;
      if (p.mention === 'forged') return `<@${p.name}|${p.name}>`;
      return `@${p.name}`;
    })
    .join('');
}
