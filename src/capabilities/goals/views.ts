import { DateTime } from 'luxon';
import { MAX_TEXT } from '../../grammar/text.js';
import type { Locale } from '../../i18n/locales.js';
import type { Translator } from '../../i18n/translate.js';
import { localDate } from '../../local-date.js';
import { kept, yearOf } from '../../views/dates.js';
import type { Form, Span } from '../../views/view.js';
import { type Goal, STATUSES, type Status } from './store/goals.js';

export const refLabel = (ref: number): string => `#${ref}`;

/** A date as a list shows it: "2 Sep", with the year when it is not this year. */
export function shortDate(ms: number, tz: string, locale: Locale, now: number): string {
  return dayShown(localDate(ms, tz), locale, yearOf(now, tz));
}

/** A due date (YYYY-MM-DD) as a list shows it. */
export function dueDate(date: string, locale: Locale, now: number): string {
  return dayShown(date, locale, yearOf(now, 'UTC'));
}

function dayShown(date: string, locale: Locale, thisYear: string): string {
  const otherYear = date.slice(0, -6) !== thisYear;
  return kept(`short ${locale} ${date} ${otherYear}`, () =>
    DateTime.fromISO(date, { zone: 'UTC' })
      .setLocale(locale)
      .toLocaleString({ day: 'numeric', month: 'short', ...(otherYear ? { year: 'numeric' } : {}) }),
  );
}

export const statusLabel = (i18n: Translator, status: Status): string => i18n.t(`goal.status.${status}`);

/** A goal's number, level and text on one line: "#12 (team) Every student reads daily". */
export function goalTitle(i18n: Translator, goal: Goal): string {
  return i18n.t('goal.title', { ref: refLabel(goal.ref), level: goal.level, text: goal.text });
}

/** What a goal's latest check-in says, or that it has none; for a closed goal, how it ended. */
export function goalState(i18n: Translator, goal: Goal, tz: string, now: number): string {
  if (goal.closedAt !== null && goal.outcome)
    return i18n.t('goal.closedLine', { outcome: goal.outcome, date: shortDate(goal.closedAt, tz, i18n.locale, now) });
  if (!goal.last) return i18n.t('goal.noCheckinYet');
  return i18n.t('goal.lastCheckin', {
    status: statusLabel(i18n, goal.last.status),
    hasPercent: goal.last.percent === null ? 'no' : 'yes',
    percent: goal.last.percent ?? 0,
    date: shortDate(goal.last.at, tz, i18n.locale, now),
  });
}

/** The alignment chain shown under a goal, top first: "School #1 … ← Team #3 … ← #5". */
export function chainLine(i18n: Translator, goal: Goal, above: readonly Goal[]): string {
  const parts = [...above].reverse().map((g) => i18n.t('goal.chainPart', { level: g.level, ref: refLabel(g.ref), text: g.text }));
  // The arrow points from a goal to the one it aligns to: leftward in a left-to-right language, rightward in Arabic.
  return i18n.t('goal.chain', { chain: [...parts, refLabel(goal.ref)].join(` ${i18n.t('goal.chainArrow')} `) });
}

/** The check-in form of one goal; submitting it runs `checkin #n <status> <percent> -- <evidence>`. */
export function checkinForm(
  i18n: Translator,
  goal: Goal,
  initial: { status?: string; percent?: string; evidence?: string } = {},
  errors: { status?: string; percent?: string; evidence?: string } = {},
): Form {
  const options = STATUSES.map((s) => ({ value: s, label: statusLabel(i18n, s) }));
  const field = <T extends object>(f: T, name: 'status' | 'percent' | 'evidence') => ({
    ...f,
    ...(initial[name] ? { initial: initial[name] } : {}),
    ...(errors[name] ? { error: errors[name] } : {}),
  });
  return {
    id: 'goal-checkin',
    title: i18n.t('checkin.form.title', { ref: refLabel(goal.ref) }),
    fields: [
      field({ name: 'status', label: i18n.t('checkin.form.status'), kind: 'select' as const, options, required: true }, 'status'),
      field({ name: 'percent', label: i18n.t('checkin.form.percent'), kind: 'text' as const, maxLength: 8 }, 'percent'),
      field({ name: 'evidence', label: i18n.t('checkin.form.evidence'), kind: 'multiline' as const, maxLength: MAX_TEXT }, 'evidence'),
    ],
    submitLabel: i18n.t('checkin.form.submit'),
    // `--` marks a submission: whatever stands before it is the percent field, and a mistake there is shown on it.
    command: `checkin ${refLabel(goal.ref)} {status} {percent} -- {evidence}`,
  };
}

/** The button that opens a goal's check-in form. */
export const checkinButton = (i18n: Translator, goal: Goal) => ({
  label: i18n.t('checkin.button', { ref: refLabel(goal.ref) }),
  command: `checkin ${refLabel(goal.ref)}`,
});

/** The command span for a message that names one. */
export const cmd = (command: string): Span => ({ command });
