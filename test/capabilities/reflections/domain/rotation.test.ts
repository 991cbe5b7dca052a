import { describe, expect, it } from 'vitest';
import { nextQuestion } from '../../../../src/capabilities/reflections/domain/rotation.js';

describe('the question bank’s rotation', () => {
  it('asks every question once before any repeats', () => {
    const bank = ['a', 'b', 'c'];
    const asked = new Set<string>();
    const order: string[] = [];
    for (let i = 0; i < 7; i++) {
      const next = nextQuestion(bank, asked);
      if (!next) throw new Error('empty');
      if (next.newRound) asked.clear();
      asked.add(next.key);
      order.push(next.key);
    }
    expect(order).toEqual(['a', 'b', 'c', 'a', 'b', 'c', 'a']);
  });

  it('asks a question added midway within the current round', () => {
    expect(nextQuestion(['a', 'b', 'c', 'd'], new Set(['a', 'b', 'c']))).toEqual({ key: 'd', newRound: false });
  });

  it('has nothing to ask from an empty bank', () => {
    expect(nextQuestion([], new Set())).toBeNull();
  });
});
