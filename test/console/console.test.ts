import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConsoleAdapter, consoleStart } from '../../adapters/console/console.js';
import { parseLine } from '../../adapters/console/receive.js';
import { t } from '../../src/i18n/translate.js';
import { Store } from '../../src/store/store.js';
import { parseTranscript } from '../conversation/console-driver.js';
import { type TestApp, testApp } from '../support/app.js';

let app: TestApp;
let out: string;
let console_: ConsoleAdapter;

beforeEach(() => {
  app = testApp({ start: Date.parse('2026-03-28T09:00:00Z') });
  out = '';
  const output = new PassThrough();
  output.on('data', (c: Buffer) => {
    out += c.toString('utf8');
  });
  console_ = new ConsoleAdapter({ app, clock: app.clock, input: new PassThrough(), output });
});
afterEach(async () => {
  await app.dispose();
});

async function type(...lines: string[]): Promise<string> {
  out = '';
  for (const line of lines) await console_.line(line);
  return out;
}

describe('the console transcript', () => {
  it('prints each message as a block: time and recipient, the body indented two spaces, a blank line', async () => {
    const printed = await type('/plc communities');
    expect(printed).toMatch(/^\[2026-03-28T09:00:00\+00:00\] @admin \(only you\):\n {2}\S.*\n(?: {2}.*\n)*\n/);
    expect(printed.endsWith('\n\n')).toBe(true);
  });

  it('shows the time in the recipient’s time zone', async () => {
    await type(':tz Europe/Copenhagen');
    const [block] = parseTranscript(await type('/plc help'));
    expect(block?.time).toBe('2026-03-28T10:00:00+01:00');
    await type(':as ana', ':tz Asia/Riyadh');
    expect(parseTranscript(await type('/plc help'))[0]?.time).toBe('2026-03-28T12:00:00+03:00');
  });

  it('acts as any user in any channel', async () => {
    await type('/plc create Math');
    const printed = await type(':as ana', ':in #science', '/plc join Math');
    expect(printed).toContain('* acting as @ana');
    expect(printed).toContain('* speaking in #science');
    expect(parseTranscript(printed)[0]).toMatchObject({ recipient: '@ana (only you)', text: 'Welcome to Math!' });
  });

  it('uses the acting user’s platform language', async () => {
    await type('/plc communities', ':lang de-DE');
    const [block] = parseTranscript(await type('/plc help'));
    expect(block?.text).toContain(t('de', 'help.title'));
    expect(block?.text).not.toContain(t('en', 'help.title'));
  });

  it('turns @name into a mention the core understands', () => {
    expect(parseLine('/plc role @ana lead')).toEqual({ kind: 'command', text: 'role <@ana|ana> lead' });
    expect(parseLine('plc reflect mail me at ana@school.org')).toEqual({ kind: 'command', text: 'reflect mail me at ana@school.org' });
  });

  it('explains lines that are neither commands nor console commands', async () => {
    expect(await type('hello')).toContain('commands start with /plc');
    expect(await type(':frob')).toContain('unknown console command :frob');
  });
});

describe('the console clock', () => {
  it('moves forward by minutes, hours and days, and to an instant, but never back', async () => {
    expect(await type(':clock')).toContain('now 2026-03-28T09:00:00+00:00');
    expect(await type(':clock +90m')).toContain('now 2026-03-28T10:30:00+00:00');
    expect(await type(':clock +2h')).toContain('now 2026-03-28T12:30:00+00:00');
    expect(await type(':clock +1d')).toContain('now 2026-03-29T12:30:00+00:00');
    expect(await type(':clock 2026-04-01T08:00:00+02:00')).toContain('now 2026-04-01T06:00:00+00:00');
    expect(await type(':clock 2026-01-01T00:00:00Z')).toContain('the clock never goes back');
    expect(app.clock.now().toISOString()).toBe('2026-04-01T06:00:00.000Z');
    expect(await type(':clock tomorrow')).toContain('usage: :clock');
  });

  it('moves at most ten years in one step, read like every other duration', async () => {
    expect(await type(':clock +3651d')).toContain('at most 10 years');
    expect(await type(':clock +1e2m')).toContain('usage: :clock');
    expect(app.clock.now().toISOString()).toBe('2026-03-28T09:00:00.000Z');
    expect(await type(':clock +٢h')).toContain('now 2026-03-28T11:00:00+00:00');
  });

  it('moves to an instant at most ten years away too, so a far year cannot stall the console', async () => {
    expect(await type(':clock 2100-01-01T00:00:00Z')).toContain('at most 10 years');
    expect(await type(':clock +275760-09-13T00:00:00Z')).toMatch(/at most 10 years|usage: :clock/);
    expect(app.clock.now().toISOString()).toBe('2026-03-28T09:00:00.000Z');
    expect(await type(':clock 2036-03-20T09:00:00Z')).toContain('now 2036-03-20T09:00:00+00:00');
  });

  it('starts a restarted console where the database left off, or at the real time if that is later', async () => {
    await type(':clock +10d');
    const reached = app.clock.now().getTime();
    const store = Store.open(app.dbPath);
    try {
      expect(consoleStart(store, reached - 86_400_000)).toBe(reached);
      expect(consoleStart(store, reached + 5)).toBe(reached + 5);
    } finally {
      store.close();
    }
  });
});

describe('npm start with no credentials', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'plc-start-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  /** Runs the real entry point with the given standard input; resolves with its output and exit code. */
  function start(input: string | null, env: Record<string, string> = {}) {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bin/main.ts'], {
      env: { PATH: process.env.PATH ?? '', DATABASE_PATH: join(dir, 'plc.sqlite'), LOG_LEVEL: 'silent', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    if (input !== null) child.stdin.end(input);
    const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
      child.on('exit', (code) => resolve({ code, stdout, stderr })),
    );
    return { child, done };
  }

  it('opens the console on a SQLite file, prints the help and exits 0 at the end of input', async () => {
    const { code, stdout } = await start('/plc help\n').done;
    expect(code).toBe(0);
    expect(stdout).toContain('What I can do');
    expect(stdout).toMatch(/^\[\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00\] @admin \(only you\):/m);
  });

  it('stops cleanly on SIGTERM, exiting 0', async () => {
    const { child, done } = start(null);
    child.stdin.write('/plc help\n');
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.kill('SIGTERM');
    expect((await done).code).toBe(0);
  });

  it('refuses a bad configuration, naming the variable', async () => {
    const { code, stderr } = await start('', { DEFAULT_TZ: 'Mars/Base' }).done;
    expect(code).toBe(1);
    expect(stderr).toContain('DEFAULT_TZ');
  });
});
