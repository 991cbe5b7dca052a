import { relative } from 'node:path';
import { NewerDatabaseError } from '../src/store/db.js';
import { upgradeDatabase } from '../src/store/upgrade.js';
import { adminConfig, runTool } from './admin.js';
import { everyMigration } from './store.js';

/**
 * `npm run migrate`: the step of an upgrade before the new version's first start. Takes a backup, then applies
 * every migration the database lacks (the core's, every capability's, both adapters'), and says which. Forward
 * only: a database a newer version has migrated is refused, unchanged, with exit code 1.
 */
await runTool(async () => {
  const config = adminConfig();
  // As the admin would type it: relative inside the working folder, absolute outside it.
  const shown = (p: string) => (relative(process.cwd(), p).startsWith('..') ? p : relative(process.cwd(), p));
  try {
    const done = await upgradeDatabase(config.DATABASE_PATH, everyMigration(), { backupDir: config.BACKUP_DIR, at: new Date() });
    const list = (applied: readonly { version: number; name: string }[]) => applied.map((m) => `  ${m.version} ${m.name}\n`).join('');
    if (done.kind === 'current') {
      process.stdout.write(`${shown(done.path)} is up to date: no migration is pending, so nothing was changed and no backup taken.\n`);
    } else if (done.kind === 'created') {
      process.stdout.write(
        `Created ${shown(done.path)} (there was no database to back up) with ${done.applied.length} migrations:\n${list(done.applied)}`,
      );
    } else {
      process.stdout.write(
        `Backed up ${shown(done.path)} to ${shown(done.backup.path)} (${Math.round(done.backup.bytes / 1024)} KiB); it passes its integrity check.\n` +
          `Applied ${done.applied.length} migration${done.applied.length === 1 ? '' : 's'}:\n${list(done.applied)}`,
      );
    }
  } catch (e) {
    if (!(e instanceof NewerDatabaseError)) throw e;
    process.stderr.write(`${e.message}\nNothing was changed.\n`);
    process.exit(1);
  }
});
