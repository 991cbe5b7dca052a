import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Runs every benchmark in turn, each in its own process so their memory figures stay apart. */
const benches = ['scheduler', 'slack', 'teams', 'search', 'pairing', 'summary'];
let failed = 0;
for (const name of benches) {
  const file = `bench/${name}.ts`;
  if (!existsSync(file)) continue;
  process.stdout.write(`\n== bench:${name} ==\n`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', file], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
