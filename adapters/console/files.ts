import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Block, FileAttachment, View } from '../../src/views/view.js';

/** Where the console keeps the files it is sent: beside the database, or in the temporary folder for one in memory. */
export function filesFolder(databasePath: string): string {
  return databasePath === ':memory:' ? join(tmpdir(), 'plc-console-files') : join(dirname(databasePath), 'plc-files');
}

/** Writes one attachment into `folder` under a name made from its content, so the same file is written once; returns its path. */
function writeAttachment(folder: string, file: FileAttachment): string {
  const bytes = Buffer.from(file.content, file.encoding === 'base64' ? 'base64' : 'utf8');
  const tag = createHash('sha256').update(bytes).digest('hex').slice(0, 12);
  const safe = file.name.replace(/[^\p{L}\p{N}._-]+/gu, '-').slice(0, 80) || 'file';
  mkdirSync(folder, { recursive: true });
  const path = join(folder, `${tag}-${safe}`);
  writeFileSync(path, bytes);
  return path;
}

/**
 * The console's way with attachments: each file (an export, a chart without a link) is written to disk and the
 * transcript prints its path where the platform would show the file.
 */
export function withFilesWritten(v: View, folder: string): View {
  if (!v.blocks.some((b) => b.type === 'file' || (b.type === 'image' && b.image.file))) return v;
  const blocks = v.blocks.map((b): Block => {
    if (b.type === 'file') return { type: 'context', text: `📎 ${b.file.name}: ${writeAttachment(folder, b.file)}` };
    if (b.type === 'image' && b.image.file)
      return { type: 'image', image: { alt: b.image.alt, url: writeAttachment(folder, b.image.file) } };
    return b;
  });
  return { ...v, blocks };
}
