import { backupDatabase } from '../src/capabilities/privacy/index.js';
import { adminConfig, runTool } from './admin.js';

/** `npm run backup -- <file>`: a consistent copy of the live database, taken while the bot runs (VACUUM INTO). */
await runTool(async () => {
  const [file] = process.argv.slice(2);
  if (!file) {
    process.stderr.write('usage: npm run backup -- <file>\n');
    process.exit(2);
  }
  const config = adminConfig();
  try {
    const { path, bytes } = backupDatabase(config.DATABASE_PATH, file);
    process.stdout.write(
      `Backed up ${config.DATABASE_PATH} to ${path} (${Math.round(bytes / 1024)} KiB); it passes its integrity check.\n`,
    );
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  }
});
