/**
 * Characters that show nothing but can make two names look alike or reorder them: zero-width spaces and
 * joiners, bidirectional marks, embeddings, overrides and isolates, invisible operators, variation selectors,
 * Hangul fillers, the soft hyphen and the byte-order mark.
 */
const INVISIBLE =
  /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]/gu;
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
