import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { withFilesWritten } from '../../adapters/console/files.js';
import { renderPlain } from '../../src/views/plain.js';
import type { View } from '../../src/views/view.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

it('the console writes a view’s files to disk and prints their paths where the platform would show them', () => {
  const folder = mkdtempSync(join(tmpdir(), 'plc-files-'));
  dirs.push(folder);
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
  const v: View = {
    locale: 'en',
    dir: 'ltr',
    summary: 'chart',
    blocks: [
      { type: 'image', image: { alt: 'A chart of attendance', url: null } },
      { type: 'file', file: { name: 'summary-chart.png', mime: 'image/png', content: png.toString('base64'), encoding: 'base64' } },
      { type: 'file', file: { name: 'Math export.csv', mime: 'text/csv', content: 'a,b\n' } },
    ],
  };
  const text = renderPlain(withFilesWritten(v, folder));
  expect(text).toContain('🖼 A chart of attendance');
  const paths = [...text.matchAll(/📎 [^:]+: (\S+)/g)].map((m) => m[1] as string);
  expect(paths).toHaveLength(2);
  expect(readFileSync(paths[0] as string)).toEqual(png);
  expect(readFileSync(paths[1] as string, 'utf8')).toBe('a,b\n');
  expect(paths[1]).toMatch(/Math-export\.csv$/);
});
