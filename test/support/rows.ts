import type { Db } from '../../src/store/db.js';

/** How many rows each table holds, tables with none left out: compared before and after, it shows what a request stored. */
export function rowCounts(db: Db): Record<string, number> {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as {
    name: string;
  }[];
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const n = (db.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).get() as { n: number }).n;
    if (n > 0) counts[name] = n;
  }
  return counts;
}
