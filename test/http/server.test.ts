import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { readBody } from '../../adapters/http/body.js';
import { HttpServer, type ServerTimeouts } from '../../adapters/http/server.js';
import { chunk, postHead, rawSend } from './raw-client.js';

const servers: HttpServer[] = [];

/** Our server on loopback, with what a test adds to it. */
async function serve(setup: (http: HttpServer) => void, timeouts?: Partial<ServerTimeouts>): Promise<{ port: number; url: string }> {
  const http = new HttpServer({ log: pino({ level: 'silent' }), healthy: () => true, timeouts });
  setup(http);
  servers.push(http);
  const port = await http.listen(0, '127.0.0.1');
  return { port, url: `http://127.0.0.1:${port}` };
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const LIMIT = 64 * 1024;

describe('the shared HTTP server', () => {
  it('answers 500 for a route that throws or rejects, and goes on serving', async () => {
    const { url } = await serve((http) => {
      http.route('GET', '/throws', () => {
        throw new Error('a bug');
      });
      http.route('POST', '/rejects', async () => {
        await Promise.resolve();
        throw new Error('a bug, later');
      });
    });
    expect((await fetch(`${url}/throws`)).status).toBe(500);
    expect((await fetch(`${url}/rejects`, { method: 'POST', body: 'x' })).status).toBe(500);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });

  it('refuses a body that declares more than its route reads with 413, before a byte of it is sent', async () => {
    let read = 0;
    const { port, url } = await serve((http) =>
      http.route('POST', '/in', async (req, res) => {
        read += (await readBody(req, LIMIT)).length;
        res.end('read');
      }),
    );
    // 200 MB announced, nothing sent: an answer at all means the server did not wait for the body.
    const answer = await rawSend(port, postHead('/in', { 'content-length': 200 * 1024 * 1024 }));
    expect(answer.status).toBe(413);
    expect(read).toBe(0);
    expect((await fetch(`${url}/in`, { method: 'POST', body: 'x'.repeat(LIMIT) })).status).toBe(200);
  });

  it('stops reading a body of no declared length at its limit, and answers 413 while the client is still sending', async () => {
    let bytesRead = 0;
    const { port } = await serve((http) =>
      http.route('POST', '/in', async (req, res) => {
        try {
          await readBody(req, LIMIT);
          res.end('read');
        } finally {
          bytesRead = req.socket.bytesRead;
        }
      }),
    );
    // One chunk just over the limit and no end of body: a server reading to the end would never answer 413.
    const head = postHead('/in', { 'transfer-encoding': 'chunked' });
    const answer = await rawSend(port, head, chunk(Buffer.alloc(LIMIT + 1, 'a')));
    expect(answer.status).toBe(413);
    expect(answer.closed).toBe(true);
    expect(bytesRead).toBeLessThanOrEqual(head.length + LIMIT + 64);
  });

  it('refuses a GET that carries a body, which none of its pages reads', async () => {
    const { port } = await serve(() => {});
    const answer = await rawSend(port, 'GET /healthz HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-length: 5\r\n\r\nhello');
    expect(answer.status).toBe(413);
  });

  it('cuts off a client whose body stops coming', async () => {
    const { port } = await serve(
      (http) =>
        http.route('POST', '/in', async (req, res) => {
          await readBody(req, LIMIT);
          res.end('read');
        }),
      { headersTimeout: 200, requestTimeout: 400, connectionsCheckingInterval: 50 },
    );
    const answer = await rawSend(port, postHead('/in', { 'content-length': 100 }), 'only half of it');
    expect(answer.status).toBe(408);
    expect(answer.closed).toBe(true);
  });

  it('cuts off a client whose headers stop coming', async () => {
    const { port } = await serve(() => {}, { headersTimeout: 200, requestTimeout: 400, connectionsCheckingInterval: 50 });
    const answer = await rawSend(port, 'GET /healthz HTTP/1.1\r\nhost: 127.0.0.1\r\n');
    expect(answer.status).toBe(408);
    expect(answer.closed).toBe(true);
  });
});
