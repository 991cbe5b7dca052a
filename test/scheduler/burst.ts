import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TestApp } from '../support/app.js';
import { run } from '../support/bot.js';

const SENDER = fileURLToPath(new URL('./fixtures/sender.ts', import.meta.url));

/** Creates `n` communities, each in its own channel, meeting Wednesdays at 15:30 UTC (reminders a day before). */
export function communitiesMeetingWednesday(app: TestApp, n: number): string[] {
  const channels: string[] = [];
  for (let i = 0; i < n; i++) {
    const channel = `c${i}`;
    run(app, 'carla', `create C${i}`, { channel });
    run(app, 'carla', 'schedule weekly wed 15:30', { channel });
    channels.push(channel);
  }
  return channels;
}

/** Starts a sending process on the database; resolves its exit code (null when killed by a signal). */
export function startSender(opts: { dbPath: string; record: string; now: string; concurrency: number; delayMs: number; leaseMs: number }) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', SENDER, opts.dbPath, opts.record, opts.now, String(opts.concurrency), String(opts.delayMs), String(opts.leaseMs)],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => {
    stderr += c.toString();
  });
  const exited = new Promise<{ code: number | null; stderr: string }>((resolve) => child.on('exit', (code) => resolve({ code, stderr })));
  return { child, exited };
}

/** The lines of the record file: one per send, `<pid> <channel>`. */
export function records(path: string): { pid: string; channel: string }[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const [pid = '', channel = ''] = l.split(' ');
      return { pid, channel };
    });
}
