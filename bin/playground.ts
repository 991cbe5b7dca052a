import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * `npm run playground`: the bot on Teams in its local mode (no Azure registration, so no Bot Framework
 * authentication, on this machine's loopback only) on a SQLite file of its own, and Microsoft 365 Agents
 * Playground, Microsoft's local Teams-like client, pointed at it. The Playground opens in your browser.
 *
 * BOT_PORT (default 3978), PLAYGROUND_PORT (default 56150) and DATABASE_PATH (default ./data/playground.sqlite)
 * can be set; Ctrl-C stops both.
 */
const botPort = Number(process.env.BOT_PORT ?? 3978);
const playgroundPort = Number(process.env.PLAYGROUND_PORT ?? 56150);
const root = join(import.meta.dirname, '..');
const cli = join(dirname(createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/package.json')), 'cli.js');

const children: ChildProcess[] = [];
const stop = () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

// Set here, not read from .env: the Playground sends no Bot Framework token, so Teams must be in its local mode.
const bot = spawn(process.execPath, ['--import', 'tsx', join(root, 'bin', 'main.ts')], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    ADAPTERS: 'teams',
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    PORT: String(botPort),
    DATABASE_PATH: process.env.DATABASE_PATH ?? './data/playground.sqlite',
    MICROSOFT_APP_ID: '',
    MICROSOFT_APP_PASSWORD: '',
  },
});
children.push(bot);
bot.once('exit', (code) => {
  stop();
  process.exitCode = code ?? 0;
});

/** Waits until the bot answers /healthz, so the Playground's first conversation update reaches it. */
async function botReady(): Promise<boolean> {
  for (let i = 0; i < 120; i++) {
    if (bot.exitCode !== null) return false;
    try {
      if ((await fetch(`http://127.0.0.1:${botPort}/healthz`)).ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

if (await botReady()) {
  // The Playground writes its log to devTools/ in its working folder: ./data, beside the database, git-ignored.
  mkdirSync(join(root, 'data'), { recursive: true });
  const playground = spawn(
    process.execPath,
    [cli, '-e', `http://127.0.0.1:${botPort}/api/messages`, '-c', 'msteams', '-p', String(playgroundPort), '--dt'],
    { cwd: join(root, 'data'), stdio: 'inherit' },
  );
  children.push(playground);
  playground.once('exit', stop);
} else {
  process.stderr.write(`The bot did not answer on http://127.0.0.1:${botPort}/healthz; the Playground was not started.\n`);
  stop();
}
