import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod/v4';
import { type CommandDef, command, type Delivery } from '../../src/grammar/command.js';

// These are checked by `tsc --noEmit` (npm run typecheck, run by CI): a handler runs inside a synchronous
// SQLite transaction, so the types refuse an async one, and a declared command keeps its argument type.
const echo = command({
  words: ['echo'],
  help: 'help',
  access: 'anyone',
  community: 'none',
  schema: z.object({ text: z.string(), times: z.number() }),
  parse: () => ({ text: 'x', times: 1 }),
  run: (_ctx, args) => {
    expectTypeOf(args).toEqualTypeOf<{ text: string; times: number }>();
    return [];
  },
});

describe('command declarations', () => {
  it('keep the type of their arguments', () => {
    expectTypeOf(echo).toEqualTypeOf<CommandDef<{ text: string; times: number }>>();
    expectTypeOf(echo.run).returns.toEqualTypeOf<Delivery[]>();
    expect(echo.words).toEqual(['echo']);
  });

  it('refuse a handler that returns a promise', () => {
    const asyncCommand = () =>
      command({
        words: ['slow'],
        help: 'help',
        access: 'anyone',
        community: 'none',
        schema: z.object({}),
        parse: () => ({}),
        // @ts-expect-error: work that waits goes to the scheduler or after the commit, not into the transaction.
        run: async () => [],
      });
    expect(typeof asyncCommand).toBe('function');
  });
});
