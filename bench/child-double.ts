import { type ChildProcess, spawn } from 'node:child_process';

/**
 * Starts a platform's double in a child process, so that its work counts against neither the bot nor the floor:
 * `script` run again with `--double`, which serves the double and prints its URL as its first line. Resolves with
 * the child and that URL; ending the child's stdin stops it.
 */
export function startChildDouble(script: string, what: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, '--double'], { stdio: ['pipe', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const line = out.split('\n')[0];
      if (out.includes('\n') && line) resolve({ child, url: line.trim() });
    });
    child.once('exit', (code) => reject(new Error(`${what} exited (${code})`)));
  });
}
