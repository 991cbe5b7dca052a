import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConsoleAdapter, consoleStart } from '../../adapters/console/console.js';
import { parseLine } from '../../adapters/console/receive.js';
import { t } from '../../src/i18n/translate.js';
import { Store } from '../../src/store/store.js';
import { parseTranscript } from '../conversation/console-driver.js';
import { type TestApp, testApp } from '../support/app.js';

/** The entry point and tsx's loader, by absolute path: the spawned bot runs in a folder of its own. */
const MAIN = join(import.meta.dirname, '..', '..', 'bin', 'main.ts');
const TSX = createRequire(import.meta.url).resolve('tsx/esm');

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
    expect(parseLine('/plc role @ana lead')).toEqual({ kind: 'command', text: 'role <@ana|ana> lead', mentions: ['ana'] });
    expect(parseLine('plc reflect mail me at ana@school.org')).toEqual({
      kind: 'command',
      text: 'reflect mail me at ana@school.org',
      mentions: [],
    });
  });

  it('creates a person on their first @mention, but reads a typed <@…> as text', async () => {
    await type(':in #math', '/plc create Math');
    expect(await type('/plc role @ben coach')).toContain('@ben joined Math as coach.');
    const typed = await type('/plc role <@ben|Boss> lead', '/plc role <@ghost|Ghost> lead');
    expect(typed.match(/is not a person/g)).toHaveLength(2);
    const ws = app.store.workspaces.find('console', 'console')?.id ?? 0;
    expect(app.store.users.findByExternal(ws, 'ben')?.displayName).toBe('ben');
    expect(app.store.users.findByExternal(ws, 'ghost')).toBeNull();
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
  function start(input: string | null, env: Record<string, string | null> = {}) {
    // Run from the temporary folder, so a developer's own .env never reaches the test.
    const child = spawn(process.execPath, ['--import', pathToFileURL(TSX).href, MAIN], {
      cwd: dir,
      // A variable given as null is left out of the environment altogether.
      env: Object.fromEntries(
        Object.entries({ PATH: process.env.PATH ?? '', DATABASE_PATH: join(dir, 'plc.sqlite'), LOG_LEVEL: 'silent', ...env }).filter(
          (kv): kv is [string, string] => kv[1] !== null,
        ),
      ),
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
    const { code, stdout, stderr } = await start('/plc help\n').done;
    expect(code).toBe(0);
    expect(stderr).toContain(`plc-bot: console on ${join(dir, 'plc.sqlite')}`);
    expect(stdout).toContain('What I can do');
    expect(stdout).toMatch(/^\[\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00\] @admin \(only you\):/m);
  });

  it('reads .env from the working folder, with the environment winning over the file', async () => {
    writeFileSync(join(dir, '.env'), `DATABASE_PATH=${join(dir, 'from-env-file.sqlite')}\n`);
    const fromFile = await start('/plc help\n', { DATABASE_PATH: null }).done;
    expect(fromFile.stderr).toContain(`plc-bot: console on ${join(dir, 'from-env-file.sqlite')} (settings from .env)`);
    const fromEnvironment = await start('/plc help\n').done;
    expect(fromEnvironment.stderr).toContain(`plc-bot: console on ${join(dir, 'plc.sqlite')} (settings from .env)`);
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
