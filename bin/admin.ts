import { existsSync } from 'node:fs';
import { slackPersonalData } from '../adapters/slack/personal-data.js';
import { teamsPersonalData } from '../adapters/teams/personal-data.js';
import { type App, createApp } from '../src/app.js';
import { type AdminEnv, AdminRefusal } from '../src/capabilities/privacy/index.js';
import { type Config, ConfigError, loadConfig } from '../src/config.js';
import { createLogger } from '../src/log.js';
import type { Platform } from '../src/ports.js';
import { openBotStore } from './store.js';

const PLATFORMS: readonly Platform[] = ['console', 'slack', 'teams'];

/** The settings the bot runs with: ./.env (as main reads it), then the environment. */
export function adminConfig(): Config {
  if (existsSync('.env')) process.loadEnvFile('.env');
  return loadConfig();
}

/**
 * An app on the bot's database for a command-line tool, with every adapter's tables and the platform's holder of
 * personal data, so that an erasure reaches the adapter's rows as the running bot's would.
 */
export function adminApp(config: Config, platform: Platform): { app: App; env: AdminEnv } {
  const store = openBotStore(config.DATABASE_PATH);
  const app = createApp(config, { store, log: createLogger(process.env.LOG_LEVEL ? config.LOG_LEVEL : 'warn') });
  // The store has both adapters' tables already (openBotStore); the platform's holder reaches its rows.
  if (platform === 'slack') app.holdsPersonalData(slackPersonalData);
  if (platform === 'teams') app.holdsPersonalData(teamsPersonalData);
  return { app, env: { store, holders: () => app.personalData(), log: app.log, now: app.clock.now().getTime() } };
}

/** Reads `<platform> <user id> [workspace id]`, or says how the tool is used and exits. */
export function personArgs(args: readonly string[], usage: string): { platform: Platform; userId: string; workspace?: string } {
  const [platform, userId, workspace] = args;
  if (!platform || !userId || !PLATFORMS.includes(platform as Platform)) {
    process.stderr.write(
      `usage: ${usage}\n  <platform> is console, slack or teams; <user id> is the person's id there (U… on Slack, the Entra object id on Teams).\n`,
    );
    process.exit(2);
  }
  return workspace ? { platform: platform as Platform, userId, workspace } : { platform: platform as Platform, userId };
}

/** Runs a tool, turning a refusal or a bad configuration into a sentence and an exit code. */
export async function runTool(work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (e) {
    if (e instanceof AdminRefusal || e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
}
