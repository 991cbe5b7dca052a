import { Writable } from 'node:stream';
import type { Parameters } from 'fast-check';
import pino, { type Logger } from 'pino';
import { vi } from 'vitest';
import { LOCALES } from '../../src/i18n/locales.js';
import { t } from '../../src/i18n/translate.js';
import type { TestApp } from '../support/app.js';

/**
 * What every fuzz file asserts, and how it runs fast-check: one fixed seed (printed by fast-check with the
 * shrunk counterexample on failure), so a failure replays exactly. `FUZZ_SEED` and `FUZZ_RUNS` explore
 * further locally: `FUZZ_SEED=7 FUZZ_RUNS=20000 npx vitest run test/fuzz`.
 */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20260901);

/** fast-check's parameters for a property with at least `runs` inputs. */
export function fuzzParameters<T>(runs: number): Parameters<T> {
  return { seed: FUZZ_SEED, numRuns: Math.max(runs, Number(process.env.FUZZ_RUNS ?? 0)), endOnFailure: false };
}

/**
 * The statuses an HTTP entry point may answer a hostile request with. 403 is Teams' answer to an activity that
 * names a conversation another tenant owns (a forged reference), which the fuzz produces by mixing tenants.
 */
export const ALLOWED_STATUSES = new Set([200, 201, 202, 204, 400, 401, 403, 404, 413]);

/** Every request must be answered within this, as Slack and Teams give up after about three seconds. */
export const ANSWER_WITHIN_MS = 3000;

/** The internal-error answer in every language the bot speaks: a person who typed `lang de` first sees it in German. */
const INTERNAL = LOCALES.map((locale) => t(locale, 'error.internal'));

/** What only a bug puts in text a person reads: a stack frame, an error's name, a value that never got a text. */
export const LEAKS = ['    at ', 'Error:', 'undefined', '[object Object]', 'NaN'];

/**
 * Why a text a person reads betrays a crash, or null when it does not. Answers quote what was typed (an
 * unknown command, a community name), so a marker counts only when no input so far held it: `typed` collects
 * the markers every input contained (the arbitraries avoid them, so it stays nearly empty).
 */
export function leakIn(text: string, typed: ReadonlySet<string>): string | null {
  const internal = INTERNAL.find((m) => text.includes(m));
  if (internal) return `the internal error: ${internal}`;
  const leak = LEAKS.find((m) => text.includes(m) && !typed.has(m));
  return leak ? `“${leak}” in: ${text.slice(0, 300)}` : null;
}

/** Records which leak markers an input holds, so an answer that quotes it back is not taken for a crash. */
export function noteTyped(typed: Set<string>, input: string): void {
  for (const m of LEAKS) if (input.includes(m)) typed.add(m);
}

/** Every string inside a JSON value (a Block Kit message, an Adaptive Card): what a person may read. */
export function stringsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsIn(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) stringsIn(v, out);
  return out;
}

/** The first leak in any string of a JSON value, or null. */
export function leakInJson(value: unknown, typed: ReadonlySet<string>): string | null {
  for (const s of stringsIn(value)) {
    const why = leakIn(s, typed);
    if (why) return why;
  }
  return null;
}

/**
 * Watches the process while the fuzz runs in it: an unhandled rejection, an uncaught exception or a call
 * of `process.exit` is recorded (the exit is not taken), so the property can fail with the input that caused it.
 */
export function watchProcess() {
  const problems: string[] = [];
  const onRejection = (reason: unknown) => problems.push(`unhandled rejection: ${described(reason)}`);
  const onException = (err: unknown) => problems.push(`uncaught exception: ${described(err)}`);
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  const exit = vi.spyOn(process, 'exit').mockImplementation(((code?: number) => {
    problems.push(`process.exit(${code ?? ''})`);
  }) as never);
  return {
    /** What went wrong since the last call. */
    take(): string[] {
      return problems.splice(0);
    },
    dispose(): void {
      process.off('unhandledRejection', onRejection);
      process.off('uncaughtException', onException);
      exit.mockRestore();
    },
  };
}

function described(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}\n${e.stack ?? ''}` : String(e);
}

/** A logger that keeps every record at error level or above: a handler that threw logs one, whatever it answered. */
export function errorLog(): { log: Logger; take(): string[] } {
  const records: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      const line = chunk.toString('utf8').trim();
      // Bolt logs what failed at error level and its details apart, at debug level: keep those with it.
      if (line.includes('"level":50') || line.includes('"level":60') || line.includes('Error details')) records.push(line);
      done();
    },
  });
  return { log: pino({ level: 'debug' }, sink), take: () => records.splice(0) };
}

/** Resident memory now, in bytes. */
export const rss = () => process.memoryUsage().rss;

/** How much the resident memory may grow over one fuzz file: generous, but a leak per input would pass it. */
export const MAX_RSS_GROWTH = 300 * 1024 * 1024;

/** The database is whole after the run: SQLite's own checks of its pages and of every foreign key. */
export function databaseProblems(app: TestApp): unknown[] {
  const integrity = app.store.db.pragma('integrity_check', { simple: true });
  return [...(integrity === 'ok' ? [] : [integrity]), ...(app.store.db.pragma('foreign_key_check') as unknown[])];
}
