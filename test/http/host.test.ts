import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

describe('where the HTTP server binds', () => {
  let dir = '';
  let child: ChildProcess | null = null;
  afterEach(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child?.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('listens on the address HOST names, and says so in its log', async () => {
    dir = mkdtempSync(join(tmpdir(), 'plc-host-'));
    // The console with a PORT set starts the HTTP server too; port 0 takes a free one.
    child = spawn(process.execPath, ['--import', 'tsx', 'bin/main.ts'], {
      env: { PATH: process.env.PATH ?? '', DATABASE_PATH: join(dir, 'plc.sqlite'), LOG_LEVEL: 'info', PORT: '0', HOST: '127.0.0.1' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    const listening = await new Promise<{ host: string; port: number }>((resolve, reject) => {
      child?.stderr?.on('data', (c: Buffer) => {
        stderr += c.toString();
        const line = stderr.split('\n').find((l) => l.includes('http server listening'));
        if (line) resolve(JSON.parse(line) as { host: string; port: number });
      });
      child?.once('exit', () => reject(new Error(`the bot exited: ${stderr}`)));
    });
    expect(listening.host).toBe('127.0.0.1');
    const res = await fetch(`http://127.0.0.1:${listening.port}/healthz`);
    expect(res.status).toBe(200);
  }, 30_000);
});
