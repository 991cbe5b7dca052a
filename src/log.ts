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

/**
 * One command's logger, made the first time something logs: each line carries the command's request id, and most
 * commands log nothing, so they are spared a pino child (its bindings serialized) and the id.
 */
export class RequestLog {
  #logger: Logger | undefined;

  constructor(private readonly parent: Logger) {}

  /** The command's logger, with its request id: made the first time it is asked for. */
  get logger(): Logger {
    this.#logger ??= this.parent.child({ reqId: requestId() });
    return this.#logger;
  }

  /** Whether a line at `level` would be written, asked without making the logger. */
  enabled(level: pino.Level): boolean {
    return this.parent.isLevelEnabled(level);
  }
}

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
