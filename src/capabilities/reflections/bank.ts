import type { Locale } from '../../i18n/locales.js';
import { type MessageKey, translator } from '../../i18n/translate.js';
import type { Store } from '../../store/store.js';
import { nextQuestion } from './domain/rotation.js';
import { repos } from './store/index.js';

/**
 * The questions every bank starts with, in the order they are asked: the questions of the PLC sources about the
 * students' learning (prerequisites, next goal, how we will know, those who did not and those who already did),
 * then the week's practice (what worked, what was hard, the evidence seen) and what the team must learn next.
 */
export const SEED_QUESTIONS = [
  'prerequisites',
  'nextGoal',
  'howWeKnow',
  'notYet',
  'already',
  'worked',
  'hard',
  'evidence',
  'teamNext',
] as const;

const seedKey = (name: string) => `seed:${name}`;

/** The bank of one language for some communities: the seeded questions, then the communities' own in that language. */
export function bankFor(store: Store, communityIds: readonly number[], locale: Locale): string[] {
  return [
    ...SEED_QUESTIONS.map(seedKey),
    ...repos(store)
      .prompts.questions(communityIds, locale)
      .map((q) => `custom:${q.id}`),
  ];
}

/** A question as its reader sees it: a seeded one in their language, a community's own as it was written. */
export function questionText(store: Store, key: string, locale: Locale): string {
  const [kind, name] = key.split(':') as [string, string];
  if (kind === 'custom') {
    const own = repos(store).prompts.questionText(Number(name));
    if (own !== null) return own;
  }
  const seed = (SEED_QUESTIONS as readonly string[]).includes(name) ? name : SEED_QUESTIONS[0];
  return translator(locale).t(`question.${seed}` as MessageKey);
}

/** The person's next question without asking it (the question of the day a form shows). */
export function peekQuestion(store: Store, userId: number, communityIds: readonly number[], locale: Locale): string {
  return nextQuestion(bankFor(store, communityIds, locale), repos(store).prompts.asked(userId))?.key ?? seedKey(SEED_QUESTIONS[0]);
}

/** Asks the person their next question: it is marked asked, and a used-up bank starts its next round. */
export function takeQuestion(store: Store, userId: number, communityIds: readonly number[], locale: Locale, now: number): string {
  const { prompts } = repos(store);
  const bank = bankFor(store, communityIds, locale);
  const next = nextQuestion(bank, prompts.asked(userId));
  if (!next) return seedKey(SEED_QUESTIONS[0]);
  if (next.newRound) prompts.newRound(userId, bank);
  prompts.markAsked(userId, next.key, now);
  return next.key;
}
