import type { IncomingMessage } from 'node:http';
import { HttpErrorCode, HttpRequestError } from './errors.js';

/** How long a body may take to arrive once its headers have: platforms send theirs in well under a second. */
export const BODY_TIME_MS = 5_000;

export interface BodyLimits {
  /** The most bytes the platform can send; a body declaring more is refused before a byte of it is read. */
  limit: number;
  timeoutMs?: number;
}

/**
 * Reads a request body, no further than `limit`: a declared length over it is refused at once, and a body
 * without one stops being read at the first chunk past it (the server then answers 413 and closes the
 * connection, so the rest is never read). A body slower than `timeoutMs` is refused too (408).
 */
export function readBody(req: IncomingMessage, { limit, timeoutMs = BODY_TIME_MS }: BodyLimits): Promise<Buffer> {
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > limit)
    return Promise.reject(
      new HttpRequestError(HttpErrorCode.BodyTooLarge, `the body declares ${declared} bytes, over the ${limit} allowed`),
    );
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (err?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.off('data', onData).off('end', onEnd).off('error', finish).off('close', onClose);
      if (!err) return resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size));
      // Stop pulling bytes off the socket: what is not read yet stays unread.
      req.pause();
      reject(err);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) finish(new HttpRequestError(HttpErrorCode.BodyTooLarge, `the body is over the ${limit} bytes allowed`));
      else chunks.push(chunk);
    };
    const onEnd = () => finish();
    const onClose = () => finish(new HttpRequestError(HttpErrorCode.BodyAborted, 'the client went away before the body ended'));
    const timer = setTimeout(
      () => finish(new HttpRequestError(HttpErrorCode.BodyTooSlow, `the body did not arrive within ${timeoutMs} ms`)),
      timeoutMs,
    );
    req.on('data', onData).on('end', onEnd).on('error', finish).on('close', onClose);
  });
}
