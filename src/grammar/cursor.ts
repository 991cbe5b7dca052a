import { UserError } from '../errors.js';

/** One word of a command, with where it stands in the input. */
export interface Token {
  value: string;
  start: number;
  end: number;
  quoted: boolean;
  /** True when an opening quotation mark has no closing one. */
  unclosed?: boolean;
}

const QUOTES: Record<string, string> = { '"': '"', '“': '”', '„': '“', '«': '»', '”': '”' };
const SPACE = /\s/u;

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

  /** The next token, without consuming it. */
  peek(): Token | null {
    let i = this.#pos;
    const s = this.input;
    while (i < s.length && SPACE.test(s[i] as string)) i++;
    if (i >= s.length) return null;
    const open = s[i] as string;
    const close = QUOTES[open];
    if (close) {
      const end = s.indexOf(close, i + 1);
      if (end === -1) return { value: s.slice(i + 1), start: i, end: s.length, quoted: true, unclosed: true };
      return { value: s.slice(i + 1, end), start: i, end: end + 1, quoted: true };
    }
    let j = i;
    while (j < s.length && !SPACE.test(s[j] as string)) j++;
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
