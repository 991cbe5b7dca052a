import { fold } from './fold.js';

/** The most terms a search reads; more words than this narrow nothing a teacher is looking for. */
export const MAX_TERMS = 8;

/** A term shorter than this (in characters) cannot be looked up in a trigram index. */
export const TRIGRAM = 3;

/** Punctuation and symbols at either end of a word: `-fractions`, `"exit`, `tickets*`, `(math)`. */
const EDGES = /^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu;

/**
 * Reads what someone typed into a search as terms, folded as the index folds text. Words are terms; a balanced
 * pair of double quotation marks makes a phrase of what stands between them; everything else that search
 * syntax could mean (an unbalanced quote, `*`, `-`, `NEAR`, `OR`, parentheses) is read as the words it
 * stands beside, never as an operator. Every term must match; the same term twice counts once.
 */
export function parseQuery(raw: string): string[] {
  const parts: string[] = [];
  const quoted = /"([^"]*)"/g;
  let last = 0;
  for (const m of raw.matchAll(quoted)) {
    parts.push(...words(raw.slice(last, m.index)));
    const phrase = words(m[1] as string).join(' ');
    if (phrase) parts.push(phrase);
    last = (m.index as number) + m[0].length;
  }
  parts.push(...words(raw.slice(last)));
  return [...new Set(parts)].slice(0, MAX_TERMS);
}

/** Characters that only ever surround words, never join them: read as spaces. */
const SEPARATORS = /["()[\]{}<>*^:;,!?]/gu;

function words(s: string): string[] {
  return fold(s.replace(SEPARATORS, ' '))
    .split(' ')
    .map((w) => w.replace(EDGES, ''))
    .filter(Boolean);
}

/** Whether the trigram index can look a term up: it has at least three characters. */
export function indexable(term: string): boolean {
  return Array.from(term).length >= TRIGRAM;
}
