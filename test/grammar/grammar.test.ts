import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { formatCadence, readCadence } from '../../src/grammar/cadence.js';
import { Cursor, isSpace } from '../../src/grammar/cursor.js';
import { cleanText, MAX_TEXT, requireText } from '../../src/grammar/text.js';
import {
  durationMinutes,
  normalizeDigits,
  parseDate,
  parseDuration,
  parseMention,
  parseRef,
  parseTime,
  parseTimeZone,
  parseWeekday,
} from '../../src/grammar/values.js';

/** The i18n key a parser refused with. */
function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof UserError) return e.key;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('the cursor', () => {
  it('takes as space exactly what /\\s/u takes, every UTF-16 code unit', () => {
    const differ: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isSpace(c) !== /\s/u.test(String.fromCharCode(c))) differ.push(c);
    expect(differ).toEqual([]);
  });

  it('splits words at any space, a no-break or ideographic one too, and reads the same word when asked again', () => {
    const c = new Cursor('reflect\u00a0team\u3000wait\u2009time');
    expect(c.peek()).toBe(c.peek());
    expect([c.next()?.value, c.next()?.value, c.next()?.value, c.next()?.value, c.next()]).toEqual([
      'reflect',
      'team',
      'wait',
      'time',
      null,
    ]);
    c.reset(0);
    expect(c.next()?.value).toBe('reflect');
  });

  it('reads words, and quoted names as one word', () => {
    const c = new Cursor('in "Grade 5 Math" agenda add  Exit tickets');
    expect(c.next()?.value).toBe('in');
    expect(c.next()).toMatchObject({ value: 'Grade 5 Math', quoted: true });
    expect(c.accept('agenda')).toBe('agenda');
    expect(c.accept('remove', 'add')).toBe('add');
    expect(c.rest()).toBe('Exit tickets');
    expect(c.atEnd()).toBe(true);
  });

  it('accepts typographic quotes', () => {
    expect(new Cursor('„Klasse 5“ rest').next()?.value).toBe('Klasse 5');
    expect(new Cursor('“Grade 5” rest').next()?.value).toBe('Grade 5');
  });

  it('keeps free text exactly as typed, newlines and tabs included', () => {
    const c = new Cursor('reflect team first line\n\tsecond  line');
    c.next();
    c.accept('team');
    expect(c.rest()).toBe('first line\n\tsecond  line');
  });

  it('ends the options at --, so free text may start with an option word', () => {
    const c = new Cursor('-- team meetings drain me');
    expect(c.accept('team')).toBeNull();
    expect(c.rest()).toBe('team meetings drain me');
  });

  it('refuses a quotation mark that is never closed, instead of reading the rest of the line as one word', () => {
    expect(new Cursor('"Grade 5').peek()).toMatchObject({ value: 'Grade 5', unclosed: true });
    expect(refusal(() => new Cursor('"Grade 5 Math members').next())).toBe('error.unclosedQuote');
    // Free text keeps its quotation marks as typed.
    expect(new Cursor('"half a quote').rest()).toBe('"half a quote');
  });
});

describe('values', () => {
  it('refuses dates far from today, and #0 as an item number', () => {
    const now = Date.parse('2026-09-01T08:00:00Z');
    expect(parseDate('2031-09-01', now)).toBe('2031-09-01');
    expect(parseDate('2024-09-01', now)).toBe('2024-09-01');
    expect(refusal(() => parseDate('0050-06-01', now))).toBe('error.dateOutOfRange');
    expect(refusal(() => parseDate('9999-12-31', now))).toBe('error.dateOutOfRange');
    expect(refusal(() => parseRef('#0'))).toBe('error.badRef');
    expect(refusal(() => parseRef('#\u0660'))).toBe('error.badRef');
  });

  it('reads dates, refusing impossible ones', () => {
    expect(parseDate('2026-09-01')).toBe('2026-09-01');
    expect(refusal(() => parseDate('2026-02-30'))).toBe('error.badDate');
    expect(refusal(() => parseDate('1/9/2026'))).toBe('error.badDate');
  });

  it('accepts Arabic-Indic and Eastern Arabic-Indic digits', () => {
    expect(normalizeDigits('٢٠٢٦-٠٩-٠١')).toBe('2026-09-01');
    expect(parseDate('۲۰۲۶-۰۹-۰۱')).toBe('2026-09-01');
    expect(parseTime('١٥:٣٠')).toEqual({ hour: 15, minute: 30 });
    expect(parseRef('#١٢')).toBe(12);
    expect(parseDuration('٤٥m')).toBe(45);
  });

  it('reads 24-hour times', () => {
    expect(parseTime('07:05')).toEqual({ hour: 7, minute: 5 });
    expect(parseTime('23:59')).toEqual({ hour: 23, minute: 59 });
    expect(refusal(() => parseTime('24:00'))).toBe('error.badTime');
    expect(refusal(() => parseTime('3pm'))).toBe('error.badTime');
  });

  it('reads durations in minutes, hours and days', () => {
    expect(parseDuration('45m')).toBe(45);
    expect(parseDuration('2h')).toBe(120);
    expect(parseDuration('3d')).toBe(3 * 1440);
    expect(refusal(() => parseDuration('0m'))).toBe('error.badDuration');
    expect(refusal(() => parseDuration('2 hours'))).toBe('error.badDuration');
    expect(refusal(() => parseDuration('45'))).toBe('error.badDuration');
  });

  it('reads weekdays short and long, Monday first', () => {
    expect(parseWeekday('mon')).toBe(1);
    expect(parseWeekday('Sunday')).toBe(7);
    expect(parseWeekday('THU')).toBe(4);
    expect(refusal(() => parseWeekday('mo'))).toBe('error.badWeekday');
  });

  it('reads item numbers and mentions', () => {
    expect(parseRef('#12')).toBe(12);
    expect(refusal(() => parseRef('12'))).toBe('error.badRef');
    expect(parseMention('<@U123|ana>')).toEqual({ externalId: 'U123', name: 'ana' });
    expect(parseMention('<@U123>')).toEqual({ externalId: 'U123', name: null });
    expect(refusal(() => parseMention('@ana'))).toBe('error.badMention');
  });

  it('knows IANA time zones and spells them canonically', () => {
    expect(parseTimeZone('Europe/Copenhagen')).toBe('Europe/Copenhagen');
    expect(parseTimeZone('europe/berlin')).toBe('Europe/Berlin');
    expect(refusal(() => parseTimeZone('Mars/Olympus'))).toBe('error.badTimeZone');
    expect(refusal(() => parseTimeZone("'; DROP TABLE users; --"))).toBe('error.badTimeZone');
  });
});

describe('durations, read in one place', () => {
  it('takes a bare number only where a unit is implied, and keeps every reader inside its bounds', () => {
    expect(durationMinutes('45', { bare: 'm' })).toBe(45);
    expect(durationMinutes('45')).toBeNull();
    expect(durationMinutes('1h', { bare: 'm', max: 600 })).toBe(60);
    expect(durationMinutes('11h', { bare: 'm', max: 600 })).toBeNull();
    expect(durationMinutes('8d', { max: 7 * 1440 })).toBeNull();
    expect(durationMinutes('۳d')).toBe(3 * 1440);
    expect(['0m', '-5m', '1.5h', '1e2m', '0x10m', ''].map((raw) => durationMinutes(raw, { bare: 'm' }))).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });
});

describe('the cadence phrase', () => {
  const read = (s: string) => readCadence(new Cursor(s));

  it('reads weekly, biweekly and monthly forms', () => {
    expect(read('weekly tue 15:30')).toEqual({ freq: 'weekly', weekday: 2, time: { hour: 15, minute: 30 }, from: null });
    expect(read('biweekly thursday 14:00 from 2026-09-03')).toEqual({
      freq: 'biweekly',
      weekday: 4,
      time: { hour: 14, minute: 0 },
      from: '2026-09-03',
    });
    expect(read('monthly last fri 08:15')).toEqual({ freq: 'monthly', ordinal: -1, weekday: 5, time: { hour: 8, minute: 15 }, from: null });
    expect(read('monthly 2nd wed 16:00')).toMatchObject({ ordinal: 2, weekday: 3 });
  });

  it('stops where the phrase ends, leaving the rest for the command', () => {
    const c = new Cursor('weekly mon 09:00 duration 45 where Room 12');
    readCadence(c);
    expect(c.next()?.value).toBe('duration');
  });

  it('writes a cadence back as the phrase a user types', () => {
    for (const phrase of ['weekly tue 15:30', 'biweekly thu 14:00 from 2026-09-03', 'monthly last fri 08:15', 'monthly 1st mon 07:00']) {
      expect(formatCadence(read(phrase))).toBe(phrase);
    }
  });

  it('refuses what is not a cadence, saying what is wrong', () => {
    expect(refusal(() => read('daily 09:00'))).toBe('error.badCadence');
    expect(refusal(() => read('monthly 5th mon 09:00'))).toBe('error.badOrdinal');
    expect(refusal(() => read('weekly funday 09:00'))).toBe('error.badWeekday');
    expect(refusal(() => read('weekly mon 9pm'))).toBe('error.badTime');
    expect(refusal(() => read('weekly mon'))).toBe('error.badCadence');
    expect(refusal(() => read('weekly mon 09:00 from soon'))).toBe('error.badDate');
  });
});

describe('free text', () => {
  it('keeps newlines and tabs and removes other control characters', () => {
    expect(cleanText('a\u0000b\u0007c\n\td\r\ne\u009b')).toBe('abc\n\td\ne');
  });

  it('keeps paired bidirectional controls and removes unpaired ones', () => {
    expect(cleanText('x \u2067مرحبا\u2069 y')).toBe('x \u2067مرحبا\u2069 y');
    expect(cleanText('price \u202E1 rebmun')).toBe('price 1 rebmun');
    expect(cleanText('a\u202Cb\u2069c')).toBe('abc');
    expect(cleanText('\u2066open\nclosed\u2069')).toBe('open\nclosed');
  });

  it('cleans every text as the full walk over its characters does, shortcut or not', () => {
    // The walk cleanText did for every text before it learned to skip text with nothing to remove.
    const walked = (raw: string) => {
      const chars = Array.from(raw.replace(/\r\n?/g, '\n'));
      const keep = chars.map(() => true);
      const stack: number[] = [];
      const isolates = ['\u2066', '\u2067', '\u2068'];
      const embeddings = ['\u202A', '\u202B', '\u202D', '\u202E'];
      chars.forEach((ch, i) => {
        const code = ch.codePointAt(0) as number;
        if ((code < 0x20 && ch !== '\n' && ch !== '\t') || (code >= 0x7f && code <= 0x9f)) keep[i] = false;
        else if ([...isolates, ...embeddings].includes(ch)) stack.push(i);
        else if (ch === '\u202C' || ch === '\u2069') {
          const top = stack.at(-1);
          if (top !== undefined && (ch === '\u202C' ? embeddings : isolates).includes(chars[top] as string)) stack.pop();
          else keep[i] = false;
        } else if (ch === '\n') for (const j of stack.splice(0)) keep[j] = false;
      });
      for (const j of stack) keep[j] = false;
      return chars
        .filter((_, i) => keep[i])
        .join('')
        .trim();
    };
    const special = fc.constantFrom('\u0000', '\u0007', '\t', '\n', '\r', '\u009b', '\u202A', '\u202C', '\u202E', '\u2066', '\u2069', ' ');
    const text = fc.array(fc.oneof(fc.string({ unit: 'grapheme' }), special), { maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (raw) => cleanText(raw) === walked(raw)),
      { seed: 11, numRuns: 2000 },
    );
  });

  it('refuses empty and over-long text', () => {
    expect(refusal(() => requireText(' \u0000 '))).toBe('error.textRequired');
    expect(requireText('x'.repeat(MAX_TEXT))).toHaveLength(MAX_TEXT);
    expect(refusal(() => requireText('x'.repeat(MAX_TEXT + 1)))).toBe('error.textTooLong');
  });
});
