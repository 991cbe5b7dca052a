import { readFileSync } from 'node:fs';

/**
 * Sums a `.cpuprofile` (from `node --import tsx --cpu-prof --cpu-prof-dir=/tmp/prof bench/slack.ts`, shortened with
 * BENCH_REQUESTS and BENCH_SLICES) by function, file or package, self or inclusive time:
 *
 *   npx tsx bench/cpuprofile.ts /tmp/prof/CPU.….cpuprofile [fn|file|pkg] [self|incl] [top]
 *
 * Not a benchmark (no JSON line): the tool that says where a benchmark's time goes.
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, by = 'fn', kind = 'self', top = '40'] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: tsx bench/cpuprofile.ts <file.cpuprofile> [fn|file|pkg] [self|incl] [top]\n');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parents = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parents.set(c, n.id);

/** Microseconds spent with each node on top of the stack. */
const onTop = new Map<number, number>();
profile.samples.forEach((id, i) => {
  onTop.set(id, (onTop.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});

const root = `${process.cwd()}/`;
function keyOf(n: ProfileNode): string {
  const { functionName, url, lineNumber } = n.callFrame;
  const path = url.replace(/^file:\/\//, '').replace(root, '');
  if (!path) return `(${functionName || 'native'})`;
  if (by === 'file') return path;
  if (by === 'pkg')
    return (
      /node_modules\/((@[^/]+\/)?[^/]+)/.exec(path)?.[1] ?? (path.startsWith('node:') ? 'node' : path.split('/').slice(0, 2).join('/'))
    );
  return `${functionName || '(anonymous)'} ${path}:${lineNumber + 1}`;
}

const totals = new Map<string, number>();
let all = 0;
for (const [id, us] of onTop) {
  all += us;
  if (kind === 'self') {
    const key = keyOf(nodes.get(id) as ProfileNode);
    totals.set(key, (totals.get(key) ?? 0) + us);
    continue;
  }
  // Inclusive: every function on the stack, once however deep it recurses.
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) {
    const key = keyOf(nodes.get(at) as ProfileNode);
    if (seen.has(key)) continue;
    seen.add(key);
    totals.set(key, (totals.get(key) ?? 0) + us);
  }
}
process.stdout.write(`${(all / 1000).toFixed(0)} ms sampled, ${kind} time by ${by}\n`);
for (const [key, us] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, Number(top))) {
  process.stdout.write(`${(us / 1000).toFixed(1).padStart(9)} ms ${((100 * us) / all).toFixed(1).padStart(5)} %  ${key}\n`);
}
