import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const CAPABILITIES = join(ROOT, 'src', 'capabilities');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Every relative import of a file, resolved to a path below the repository (`.js` read as `.ts`). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((m) => m[1] as string);
  return specs.map((s) => relative(ROOT, normalize(join(dirname(file), s))).replace(/\.js$/, '.ts'));
}

/** The capability folder a repository path lies in, if any. */
function capabilityOf(path: string): string | null {
  const m = /^src\/capabilities\/([^/]+)\//.exec(path);
  return m ? (m[1] as string) : null;
}

describe('capability boundaries', () => {
  it('a capability imports only the core, its own files and other capabilities’ index files', () => {
    const wrong: string[] = [];
    for (const file of sources(CAPABILITIES)) {
      const own = capabilityOf(relative(ROOT, file));
      for (const target of importsOf(file)) {
        const other = capabilityOf(target);
        if (target.startsWith('adapters/') || target.startsWith('bin/')) wrong.push(`${relative(ROOT, file)} -> ${target}`);
        else if (other && other !== own && target !== `src/capabilities/${other}/index.ts`)
          wrong.push(`${relative(ROOT, file)} -> ${target}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('the core and the adapters reach a capability only through its index file, and the core never imports an adapter', () => {
    const wrong: string[] = [];
    const outside = [...sources(join(ROOT, 'src')), ...sources(join(ROOT, 'adapters')), ...sources(join(ROOT, 'bin'))].filter(
      (f) => !relative(ROOT, f).startsWith('src/capabilities/'),
    );
    for (const file of outside) {
      const from = relative(ROOT, file);
      for (const target of importsOf(file)) {
        const other = capabilityOf(target);
        if (other && target !== `src/capabilities/${other}/index.ts`) wrong.push(`${from} -> ${target}`);
        if (from.startsWith('src/') && (target.startsWith('adapters/') || target.startsWith('bin/'))) wrong.push(`${from} -> ${target}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('every capability folder is listed in src/capabilities.ts, once', () => {
    const folders = readdirSync(CAPABILITIES, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    const list = readFileSync(join(ROOT, 'src', 'capabilities.ts'), 'utf8');
    const listed = [...list.matchAll(/from '\.\/capabilities\/([^/]+)\/index\.js'/g)].map((m) => m[1]).sort();
    expect(listed).toEqual(folders);
  });
});
