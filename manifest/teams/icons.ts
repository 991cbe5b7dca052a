import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

/**
 * Draws the Teams app icons and writes them as PNG bytes (the PNGs are committed; this is not a build step):
 * color.png 192x192 (a white speech bubble with three people-dots on the bot's teal) and outline.png 32x32
 * (the same bubble as a white outline on transparency, as Teams requires). Run: `npx tsx manifest/teams/icons.ts`.
 */
type Pixel = [number, number, number, number];

const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf: Buffer) => {
  let c = 0xffffffff;
  for (const b of buf) c = (CRC[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Encodes RGBA pixels as a PNG (8-bit, colour type 6, no filtering). */
function png(size: number, pixel: (x: number, y: number) => Pixel): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) Buffer.from(pixel(x, y)).copy(row, 1 + x * 4);
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

/** The bubble in unit coordinates (0..1): a rounded rectangle with a tail at the lower left. */
function inBubble(u: number, v: number): boolean {
  const [x0, y0, x1, y1, r] = [0.16, 0.2, 0.84, 0.68, 0.12];
  const cx = Math.min(Math.max(u, x0 + r), x1 - r);
  const cy = Math.min(Math.max(v, y0 + r), y1 - r);
  const body = u >= x0 && u <= x1 && v >= y0 && v <= y1 && (u - cx) ** 2 + (v - cy) ** 2 <= r * r;
  const tail = v > y1 - 0.01 && v < 0.84 && u > 0.28 && u < 0.28 + (0.84 - v) * 0.9 && u < 0.42;
  return body || tail;
}

const inDot = (u: number, v: number) => [0.34, 0.5, 0.66].some((dx) => (u - dx) ** 2 + (v - 0.44) ** 2 < 0.055 ** 2);

const TEAL: Pixel = [0x1f, 0x7a, 0x8c, 255];
const WHITE: Pixel = [255, 255, 255, 255];
const CLEAR: Pixel = [0, 0, 0, 0];

const here = dirname(fileURLToPath(import.meta.url));
const color = png(192, (x, y) => {
  const [u, v] = [(x + 0.5) / 192, (y + 0.5) / 192];
  if (inDot(u, v)) return TEAL;
  return inBubble(u, v) ? WHITE : TEAL;
});
// The outline: bubble pixels with a pixel outside the bubble next to them.
const outline = png(32, (x, y) => {
  const at = (px: number, py: number) => inBubble((px + 0.5) / 32, (py + 0.5) / 32);
  if (!at(x, y)) return CLEAR;
  const edge = !at(x - 1, y) || !at(x + 1, y) || !at(x, y - 1) || !at(x, y + 1);
  return edge ? WHITE : CLEAR;
});
writeFileSync(join(here, 'color.png'), color);
writeFileSync(join(here, 'outline.png'), outline);
process.stdout.write(`wrote color.png (${color.length} bytes) and outline.png (${outline.length} bytes)\n`);
