import type { IncomingMessage } from 'node:http';
import { HttpErrorCode, HttpRequestError } from './errors.js';

/**
 * Reads a request body, no further than `limit` (the most bytes the platform can send): a declared length
 * over it is refused at once, and a body without one stops being read at the first chunk past it (the
 * server then answers 413 and closes the connection, so the rest is never read). How long it may take is
 * the server's `requestTimeout`, which answers 408 itself.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > limit)
    return Promise.reject(
      new HttpRequestError(HttpErrorCode.BodyTooLarge, `the body declares ${declared} bytes, over the ${limit} allowed`),
    );
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    // The listeners stay on a request that is done with; removing them would cost more than they do.
    const fail = (err: Error) => {
      if (settled) return;
      settled = true;
      // Stop pulling bytes off the socket: what is not read yet stays unread.
      req.pause();
      reject(err);
    };
    req.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > limit) fail(new HttpRequestError(HttpErrorCode.BodyTooLarge, `the body is over the ${limit} bytes allowed`));
      else chunks.push(chunk);
    });
    req.on('end', () => {
      if (settled) return;
      settled = true;
      resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size));
    });
    req.on('error', fail);
    // Every request closes, after its end too: an error (and its stack) only for one that had not ended.
    req.on('close', () => {
      if (!settled) fail(new HttpRequestError(HttpErrorCode.BodyAborted, 'the client went away before the body ended'));
    });
  });
}
