import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SlackApiDouble } from './doubles/slack-api.js';
import { postSigned, SIGNING_SECRET, slashCommandBody } from './slack/support.js';

/** Makes the process reject a promise nobody waits for when it gets SIGUSR2, as a dependency's bug would. */
const STRAY_REJECTION = `data:text/javascript,process.on('SIGUSR2', () => { Promise.reject(new Error('stray')); })`;

describe('the bot’s process, given hostile input', () => {
  let dir: string;
  let api: SlackApiDouble;
  let child: ChildProcess | undefined;
  let bot: { url: string; log: () => string };
  // One process for both: starting the real entry point takes seconds.
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'plc-main-'));
    api = await new SlackApiDouble().start();
    bot = await start();
  });
  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child?.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await api.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Starts bin/main.ts on Slack over HTTP, on a free port; resolves with its base URL and its log so far. */
  async function start(): Promise<{ url: string; log: () => string }> {
    const proc = spawn(process.execPath, ['--import', 'tsx', '--import', STRAY_REJECTION, 'bin/main.ts'], {
      env: {
        PATH: process.env.PATH ?? '',
        DATABASE_PATH: join(dir, 'plc.sqlite'),
        LOG_LEVEL: 'info',
        PORT: '0',
        SLACK_BOT_TOKEN: 'xoxb-school',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: api.apiUrl,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child = proc;
    let stderr = '';
    proc.stderr?.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    const port = await vi.waitFor(
      () => {
        if (proc.exitCode !== null) throw new Error(`the bot exited (${proc.exitCode}): ${stderr}`);
        const listening = /"port":(\d+).*"msg":"http server listening"/.exec(stderr);
        if (!listening) throw new Error('not listening yet');
        return Number(listening[1]);
      },
      { timeout: 20_000, interval: 50 },
    );
    return { url: `http://127.0.0.1:${port}`, log: () => stderr };
  }

  it('answers a signed Slack body of null with 400, as a form payload or as JSON, and goes on serving', async () => {
    const { url } = bot;
    expect((await postSigned(url, 'payload=null', 'application/x-www-form-urlencoded')).status).toBe(400);
    expect((await postSigned(url, 'null', 'application/json')).status).toBe(400);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect(child?.exitCode).toBeNull();
  });

  it("runs Slack's commands that write on the command thread, started by the first", async () => {
    const { url, log } = bot;
    const slash = (text: string) =>
      postSigned(
        url,
        slashCommandBody({ user: 'UANA', channel: 'DANA', channelName: 'directmessage', text, responseUrl: api.responseUrl(text) }),
        'application/x-www-form-urlencoded',
      );
    expect((await slash('create Math')).status).toBe(200);
    await vi.waitFor(() => expect(log()).toMatch(/"platforms":\["slack"\].*"msg":"command thread ready"/), { timeout: 15_000 });
    const saved = await slash('reflect -- the thread took this one');
    expect(saved.status).toBe(200);
    expect(saved.body).toContain('#1');
    expect(log()).not.toContain('the command thread failed');
  });

  it('logs a promise rejected with nobody to catch it, and goes on serving', async () => {
    const { url, log } = bot;
    child?.kill('SIGUSR2');
    await vi.waitFor(() => expect(log()).toContain('unhandled rejection'), { timeout: 5_000 });
    expect(log()).toContain('stray');
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect(child?.exitCode).toBeNull();
  });
});
