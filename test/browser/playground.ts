import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Microsoft 365 Agents Playground's command line, from node_modules. */
export const PLAYGROUND_CLI = join(
  dirname(createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/package.json')),
  'cli.js',
);

export interface Playground {
  /** The Playground's web page (and its mocked Bot Connector under /_connector). */
  url: string;
  /** Everything it printed, for a failure's message. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts the Agents Playground as Teams (`-c msteams`) pointed at the bot's /api/messages, in a folder of its
 * own (it writes devTools/ there), with its telemetry off and without opening a browser. Resolves once it
 * listens, with the port it printed (it picks another when the one asked for is taken).
 */
export async function startPlayground(botEndpoint: string): Promise<Playground> {
  const cwd = mkdtempSync(join(tmpdir(), 'plc-playground-'));
  const child: ChildProcess = spawn(process.execPath, [PLAYGROUND_CLI, '-e', botEndpoint, '-c', 'msteams', '-p', '0', '--dt'], {
    cwd,
    env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the Playground did not start within 30 s:\n${printed}`)), 30_000);
    const read = (chunk: Buffer) => {
      printed += chunk.toString();
      const m = /Listening on (\d+)/.exec(printed);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the Playground exited (${code}) before it listened:\n${printed}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    output: () => printed,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(cwd, { recursive: true, force: true });
    },
  };
}
