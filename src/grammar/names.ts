/**
 * Characters that show nothing but can make two names look alike or reorder them: zero-width spaces and
 * joiners, bidirectional marks, embeddings, overrides and isolates, invisible operators, variation selectors,
 * Hangul fillers, the soft hyphen and the byte-order mark.
 */
// Combining marks (U+034F, Khmer's inherent vowels, the Mongolian and standard variation selectors) stand
// apart: a class mixing them with other characters reads as if it matched the pair.
const INVISIBLE =
  /[\u00AD\u061C\u115F\u1160\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFEFF\uFFA0]|\u034F|\u17B4|\u17B5|\u180E|[\u180B-\u180D]|\u180F|[\uFE00-\uFE0F]/gu;
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;

/** A name as it is shown: as typed, without invisible characters, spaces folded. */
export function displayName(raw: string): string {
  return raw.replace(INVISIBLE, '').replace(/\s+/gu, ' ').trim();
}

/** Whether a name has something a person can see. */
export function hasVisible(raw: string): boolean {
  return VISIBLE.test(displayName(raw));
}

/**
 * The key names are compared by: NFKC, full case folding and no invisible characters, so `Mathe`, `MATHE`,
 * `Ma\u200bthe` and `Ｍａｔｈｅ` are one name, and so are `Straße` and `STRASSE`. Upper- then lower-casing folds
 * what a plain lower-casing keeps apart (ß, ligatures such as ﬁ).
 */
export function nameKey(raw: string): string {
  return displayName(raw.normalize('NFKC')).toUpperCase().toLowerCase().normalize('NFKC');
}
