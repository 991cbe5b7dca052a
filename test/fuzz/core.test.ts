import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPlain } from '../../src/views/plain.js';
import { type TestApp, testApp } from '../support/app.js';
import { run } from '../support/bot.js';
import { databaseProblems, fuzzParameters, leakIn, noteTyped } from './checks.js';
import { COMMAND_WORDS, commandLine, type GrammarWorld, hostile, junk, plainText } from './grammar.js';

const WORLD: GrammarWorld = { people: ['carla', 'ana', 'gina', 'omar'], communities: ['Math', '"Grade 5 Math"'], items: [] };

/** Inputs of every kind: commands from the grammar with odd arguments, random text, and each command with 50,000 characters. */
const input = fc.oneof(
  { arbitrary: commandLine(WORLD).map(plainText), weight: 10 },
  { arbitrary: fc.oneof(junk(400), hostile), weight: 2 },
  {
    arbitrary: fc
      .tuple(fc.constantFrom(...COMMAND_WORDS), fc.constantFrom('ي', 'x', '\u0000'))
      .map(([words, unit]) => `${words.join(' ')} ${unit.repeat(50_000)}`),
    weight: 1,
  },
);

describe('fuzzing the parser and the handlers', () => {
  let app: TestApp;
  const typed = new Set<string>();
  beforeAll(() => {
    app = testApp();
    run(app, 'carla', 'create Math', { channel: 'math' });
    run(app, 'ana', 'join', { channel: 'math' });
    run(app, 'carla', 'role @gina guest', { channel: 'math' });
  });
  afterAll(async () => {
    await app.dispose();
  });

  it('answers every one of thousands of hostile inputs politely, never with an internal error, and the database stays whole', () => {
    fc.assert(
      fc.property(input, fc.constantFrom(...WORLD.people), fc.constantFrom('math', 'general', null), (text, user, channel) => {
        noteTyped(typed, text);
        const handled = run(app, user, text, { channel });
        const answers = handled.deliveries.filter((d) => d.to === 'asker');
        if (answers.length === 0) throw new Error('no answer for the asker');
        for (const d of handled.deliveries) {
          const said = renderPlain(d.view);
          if (said.trim() === '') throw new Error('an empty answer');
          const why = leakIn(said, typed);
          if (why) throw new Error(why);
        }
      }),
      fuzzParameters(2400),
    );
    expect(databaseProblems(app)).toEqual([]);
  });
});
