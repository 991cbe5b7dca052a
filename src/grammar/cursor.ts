import { UserError } from '../errors.js';

/** One word of a command, with where it stands in the input. */
export interface Token {
  readonly value: string;
  readonly start: number;
  readonly end: number;
  readonly quoted: boolean;
  /** True when an opening quotation mark has no closing one. */
  readonly unclosed?: boolean;
}

const QUOTES: Record<string, string> = { '"': '"', '“': '”', '„': '“', '«': '»', '”': '”' };

/**
 * Whether a UTF-16 code unit is white space, exactly as `/\s/u` says (the test compares every code unit). A command
 * is read a character at a time, several times over as options are tried: a regular expression per character
 * cost more than the rest of reading it.
 */
export function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * Reads a command word by word. Quoted words ("Grade 5 Math") are one token; free text is taken
 * raw with `rest()`, so its spacing, newlines and quotation marks survive as typed.
 */
export class Cursor {
  #pos: number;
  constructor(
    readonly input: string,
    pos = 0,
    /** The instant the command is read at, for values that are judged against today (dates); null in pure tests. */
    readonly now: number | null = null,
  ) {
    this.#pos = pos;
  }

  get position(): number {
    return this.#pos;
  }

  /** Goes back to a position seen before. */
  reset(pos: number): void {
    this.#pos = pos;
  }

  /** The next token, without consuming it. Asked again at the same place, it is the same token. */
  peek(): Token | null {
    if (this.#peeked?.at === this.#pos) return this.#peeked.token;
    const token = this.#read(this.#pos);
    this.#peeked = { at: this.#pos, token };
    return token;
  }

  #peeked: { at: number; token: Token | null } | null = null;

  #read(from: number): Token | null {
    let i = from;
    const s = this.input;
    while (i < s.length && isSpace(s.charCodeAt(i))) i++;
    if (i >= s.length) return null;
    const open = s[i] as string;
    const close = QUOTES[open];
    if (close) {
      const end = s.indexOf(close, i + 1);
      if (end === -1) return { value: s.slice(i + 1), start: i, end: s.length, quoted: true, unclosed: true };
      return { value: s.slice(i + 1, end), start: i, end: end + 1, quoted: true };
    }
    let j = i;
    while (j < s.length && !isSpace(s.charCodeAt(j))) j++;
    return { value: s.slice(i, j), start: i, end: j, quoted: false };
  }

  /** Consumes and returns the next token; a quotation mark that is never closed is refused, not read to the end. */
  next(): Token | null {
    const tok = this.peek();
    if (tok?.unclosed) throw new UserError('error.unclosedQuote');
    if (tok) this.#pos = tok.end;
    return tok;
  }

  /** Consumes the next token when it is one of `words` (case-insensitive, unquoted). */
  accept(...words: string[]): string | null {
    const tok = this.peek();
    if (!tok || tok.quoted) return null;
    const lower = tok.value.toLowerCase();
    if (!words.includes(lower)) return null;
    this.#pos = tok.end;
    return lower;
  }

  atEnd(): boolean {
    return this.peek() === null;
  }

  /** Everything left, as typed, after an optional `--` that ends the options. */
  rest(): string {
    const tok = this.peek();
    if (!tok) return '';
    let from = tok.start;
    if (!tok.quoted && tok.value === '--') from = tok.end;
    const raw = this.input.slice(from);
    this.#pos = this.input.length;
    return raw.replace(/^[ \t]+/, '').replace(/^\r?\n/, '');
  }
}
