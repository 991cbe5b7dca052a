/**
 * The index's tokens: every three consecutive characters of the folded text (as FTS5's trigram tokenizer
 * takes them), each prefixed with the community's id, so that every term's list of documents holds one
 * community's documents only. A search then reads no other community's postings at all: FTS5's trigram
 * tokenizer, with the community as a filter (a column or a rowid range), reads every community's postings of
 * each trigram and drops them afterwards, which costs milliseconds per term on a large archive.
 *
 * Tokens are read by FTS5's `ascii` tokenizer, for which every non-ASCII character is part of a token and
 * every ASCII character but letters and digits separates tokens; so ASCII punctuation and spaces are written
 * as `q` and two hex digits, and `q` itself as `qq`.
 */

/** How each ASCII character is written, by code: letters and digits as they are, `q` as `qq`, the rest as `q` and hex. */
const ASCII = Array.from({ length: 0x80 }, (_, code) => {
  const ch = String.fromCharCode(code);
  if (/^[a-pr-z0-9]$/.test(ch)) return ch;
  return ch === 'q' ? 'qq' : `q${code.toString(16).padStart(2, '0')}`;
});

/** One character (a code point) as a token writes it; a table lookup, since every character of every document is written. */
function encode(ch: string): string {
  const code = ch.charCodeAt(0);
  return code < 0x80 ? (ASCII[code] as string) : ch;
}

/** The trigram tokens of folded text for one community's index, separated by spaces; empty under three characters. */
export function trigramTokens(communityId: number, folded: string): string {
  const chars = Array.from(folded, encode);
  const out: string[] = [];
  for (let i = 0; i + 3 <= chars.length; i++) out.push(`${communityId}t${chars[i]}${chars[i + 1]}${chars[i + 2]}`);
  return out.join(' ');
}

/** A folded term as an FTS5 phrase of its trigram tokens: it matches where the term stands in a document. */
export function trigramPhrase(communityId: number, term: string): string {
  return `"${trigramTokens(communityId, term)}"`;
}
