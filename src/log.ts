import { randomBytes } from 'node:crypto';
import pino, { type Logger } from 'pino';

/** Fields that may hold what users wrote or secrets; pino replaces them with [redacted]. */
export const REDACT_PATHS = [
  'text',
  '*.text',
  '*.*.text',
  'body',
  '*.body',
  'token',
  '*.token',
  '*.*.token',
  'botToken',
  '*.botToken',
  'password',
  '*.password',
  'secret',
  '*.secret',
  'authorization',
  '*.authorization',
  'headers.authorization',
  'req.headers.authorization',
  '*.headers.authorization',
];

/** Structured logs to stderr (stdout stays the console's transcript). */
export function createLogger(level: string, destination: pino.DestinationStream = pino.destination(2)): Logger {
  return pino({ level, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, base: { app: 'plc-bot' } }, destination);
}

export type { Logger };

/** A short id for one command or scheduled job in the logs: enough to follow one through, and nobody's data. */
export function requestId(): string {
  // Random bytes are drawn a few kilobytes at a time: one system call per id cost as much as a command's lookups.
  if (idPool.offset + ID_BYTES > idPool.bytes.length) idPool = { bytes: randomBytes(ID_BYTES * 512), offset: 0 };
  const id = idPool.bytes.toString('base64url', idPool.offset, idPool.offset + ID_BYTES);
  idPool.offset += ID_BYTES;
  return id;
}

const ID_BYTES = 6;
/** Random bytes not handed out yet; never read back, so no test sees it. */
let idPool = { bytes: Buffer.alloc(0), offset: 0 };
