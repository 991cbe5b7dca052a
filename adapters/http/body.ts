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
    const body: Reading = { chunks: [], size: 0, settled: false };
    // The listeners are anonymous and what they share is module-level: under tsx (keepNames) a closure bound to a
    // name is renamed with a defineProperty each time it is made, which cost about 2 µs a request.
    // The listeners stay on a request that is done with; removing them would cost more than they do.
    req.on('data', (chunk: Buffer) => {
      if (body.settled) return;
      body.size += chunk.length;
      if (body.size > limit)
        fail(req, body, reject, new HttpRequestError(HttpErrorCode.BodyTooLarge, `the body is over the ${limit} bytes allowed`));
      else body.chunks.push(chunk);
    });
    req.on('end', () => {
      if (body.settled) return;
      body.settled = true;
      resolve(body.chunks.length === 1 ? (body.chunks[0] as Buffer) : Buffer.concat(body.chunks, body.size));
    });
    req.on('error', (err: Error) => fail(req, body, reject, err));
    // Every request closes, after its end too: an error (and its stack) only for one that had not ended.
    req.on('close', () => {
      if (!body.settled)
        fail(req, body, reject, new HttpRequestError(HttpErrorCode.BodyAborted, 'the client went away before the body ended'));
    });
  });
}

/** A body being read: what has come so far, and whether it has been resolved or refused. */
interface Reading {
  chunks: Buffer[];
  size: number;
  settled: boolean;
}

/** Refuses the body once, and stops pulling bytes off the socket: what is not read yet stays unread. */
function fail(req: IncomingMessage, body: Reading, reject: (err: Error) => void, err: Error): void {
  if (body.settled) return;
  body.settled = true;
  req.pause();
  reject(err);
}
