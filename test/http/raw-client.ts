import { connect } from 'node:net';

/** What came back on a raw connection: the status line's code, the whole answer as text, and whether the server closed it. */
export interface RawAnswer {
  status: number;
  text: string;
  closed: boolean;
}

/**
 * Sends bytes over a plain TCP socket to 127.0.0.1 and waits for the server to answer and close the
 * connection, sending nothing more meanwhile: a client that is slow, stops halfway, or is still to send
 * most of its body. (fetch cannot stop halfway through a body, or send a head without its body.)
 */
export function rawSend(port: number, ...parts: (string | Buffer)[]): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      text += chunk;
    });
    const done = () => resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text, closed: true });
    socket.on('close', done);
    socket.on('error', (err: NodeJS.ErrnoException) => {
      // The server may reset a connection it stopped reading; what it answered first has arrived.
      if (err.code !== 'ECONNRESET' && err.code !== 'EPIPE') reject(err);
    });
    socket.on('connect', () => {
      for (const part of parts) socket.write(part);
    });
  });
}

/** A request head for a POST with the given headers (a declared length, or chunked). */
export function postHead(path: string, headers: Record<string, string | number>): string {
  const lines = Object.entries({ host: '127.0.0.1', ...headers }).map(([name, value]) => `${name}: ${value}`);
  return `POST ${path} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`;
}

/** One chunk of a chunked body (without the terminating zero-length chunk, which says the body is complete). */
export function chunk(bytes: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`${bytes.length.toString(16)}\r\n`), bytes, Buffer.from('\r\n')]);
}
