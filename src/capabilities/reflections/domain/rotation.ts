/**
 * The next question of a bank for one person: the first, in the bank's order, that they were not asked in this
 * round. When every question has been asked the round starts again (`newRound`), so no question repeats to the
 * same person before the bank is used up, and a question added midway is asked within the current round.
 */
export function nextQuestion(bank: readonly string[], asked: ReadonlySet<string>): { key: string; newRound: boolean } | null {
  if (bank.length === 0) return null;
  const fresh = bank.find((k) => !asked.has(k));
  return fresh ? { key: fresh, newRound: false } : { key: bank[0] as string, newRound: true };
}
