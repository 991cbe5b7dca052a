import { writeFileSync } from 'node:fs';
import { adminExport, findPerson } from '../src/capabilities/privacy/index.js';
import { adminApp, adminConfig, personArgs, runTool } from './admin.js';

/**
 * `npm run export-person -- <platform> <user id> [workspace id] [--out <file>]`: the file `export me` gives,
 * on standard output or into a file (readable by this account only), for a request that came by email.
 */
await runTool(async () => {
  const argv = process.argv.slice(2);
  const at = argv.indexOf('--out');
  const out = at >= 0 ? argv[at + 1] : undefined;
  const rest = at >= 0 ? [...argv.slice(0, at), ...argv.slice(at + 2)] : argv;
  const { platform, userId, workspace } = personArgs(rest, 'npm run export-person -- <platform> <user id> [workspace id] [--out <file>]');
  const { app, env } = adminApp(adminConfig(), platform);
  try {
    const json = `${JSON.stringify(adminExport(env, findPerson(env.store, platform, userId, workspace)), null, 2)}\n`;
    if (out) {
      writeFileSync(out, json, { mode: 0o600 });
      process.stderr.write(`Written to ${out}.\n`);
    } else process.stdout.write(json);
  } finally {
    await app.close();
  }
});
