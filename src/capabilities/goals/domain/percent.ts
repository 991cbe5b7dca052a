import { normalizeDigits } from '../../../grammar/values.js';

/** The percent signs a teacher may type: ASCII and the Arabic one (٪). */
const SIGN = /[%\u066A]$/u;

/** Whether a word is meant as a percent (it ends with a percent sign), right or wrong. */
export function looksLikePercent(raw: string): boolean {
  return SIGN.test(raw.trim());
}

/**
 * A progress figure, a whole number from 0 to 100 in ASCII or Arabic-Indic digits, with or without its sign:
 * `60%`, `٥٠٪`, `60`. Anything else (`150%`, `-3%`, `1e2%`, `50.5%`) is null.
 */
export function readPercent(raw: string): number | null {
  const s = normalizeDigits(raw.trim()).replace(/\s*[%\u066A]$/u, '');
  if (!/^\d{1,3}$/.test(s)) return null;
  const n = Number(s);
  return n <= 100 ? n : null;
}
