/**
 * The one normalisation both indexed text and queries go through, so that a search matches what a reader
 * would call the same word: case and accents fold (ä, é → a, e; ø → o; ß → ss), Arabic diacritics and tatweel
 * go, and the forms of alef, yaa and taa marbuta become one, digits of any script become ASCII, and runs of
 * space become one space. It works code point by code point, so every folded character can say which
 * character of the original it came from (`foldWithOffsets`): snippets are cut from the text as written.
 */

/** Letters that no Unicode decomposition folds but readers of these languages treat as a plain letter. */
const LETTERS: Record<string, string> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  ẞ: 'ss',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
  ı: 'i',
  // Arabic: alef with hamza above or below, madda, wasla; alef maqsura and Farsi yeh; taa marbuta.
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ى: 'ي',
  ی: 'ي',
  ة: 'ه',
  // Tatweel only stretches a word.
  ـ: '',
};

const MARK = /\p{M}/gu;
const SPACE = /\s/u;
/** Arabic-Indic (U+0660–0669) and Eastern Arabic-Indic (U+06F0–06F9) digits. */
const ARABIC_DIGIT = /[\u0660-\u0669\u06F0-\u06F9]/u;

const cache = new Map<string, string>();

/** One code point, folded: often itself, sometimes two letters (ß → ss), sometimes nothing (a diacritic). */
function foldChar(ch: string): string {
  const code = ch.codePointAt(0) as number;
  // ASCII: lower-casing is all there is to do; most text is mostly ASCII.
  if (code < 0x80) {
    if (code >= 0x41 && code <= 0x5a) return String.fromCharCode(code + 32);
    return code >= 0x09 && code <= 0x0d ? ' ' : ch;
  }
  let out = cache.get(ch);
  if (out !== undefined) return out;
  if (SPACE.test(ch)) out = ' ';
  else if (ARABIC_DIGIT.test(ch)) out = String(code - (code >= 0x06f0 ? 0x06f0 : 0x0660));
  else {
    // Upper- then lower-casing folds what lower-casing alone keeps apart; NFKD splits letters from accents (and
    // Arabic letters from their hamza and harakat), which then go; NFC puts together what must stay (Hangul).
    const lower = (LETTERS[ch] ?? ch).toUpperCase().toLowerCase();
    out = Array.from(lower.normalize('NFKD').replace(MARK, '').normalize('NFC'))
      .map((c) => LETTERS[c] ?? c)
      .join('');
  }
  if (cache.size < 50_000) cache.set(ch, out);
  return out;
}

/** The text as the search index holds it and as queries are compared with it. */
export function fold(text: string): string {
  let out = '';
  let space = true;
  for (const ch of text) {
    const f = foldChar(ch);
    if (f === ' ') {
      if (!space) out += ' ';
      space = true;
    } else if (f) {
      out += f;
      space = false;
    }
  }
  return out.endsWith(' ') ? out.slice(0, -1) : out;
}

/**
 * The folded text and, for each of its UTF-16 units, where in `text` the character it came from starts: a
 * position found in the folded text maps back to the original with `offsets[i]` (`offsets[length]` is the end).
 */
export function foldWithOffsets(text: string): { folded: string; offsets: number[] } {
  let folded = '';
  const offsets: number[] = [];
  let space = true;
  let at = 0;
  for (const ch of text) {
    const f = foldChar(ch);
    if (f === ' ') {
      if (!space) {
        folded += ' ';
        offsets.push(at);
      }
      space = true;
    } else if (f) {
      folded += f;
      for (let i = 0; i < f.length; i++) offsets.push(at);
      space = false;
    }
    at += ch.length;
  }
  if (folded.endsWith(' ')) {
    folded = folded.slice(0, -1);
    offsets.pop();
  }
  offsets.push(text.length);
  return { folded, offsets };
}
