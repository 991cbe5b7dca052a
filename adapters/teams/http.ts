import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, Response } from 'botbuilder';
import { readBody } from '../http/body.js';
import { isHttpRequestError } from '../http/errors.js';
import { unreadableActivity } from './shape.js';

/** The most an activity may be (the limit this bridge has always had); past it, 413 without reading on. */
export const TEAMS_BODY_LIMIT = 1_000_000;

/**
 * Bridges node's request and response to the shapes botbuilder's CloudAdapter.process reads
 * (the Express/Restify ones): a parsed JSON body, and status/header/send/end.
 */
export async function bridge(req: IncomingMessage, res: ServerResponse): Promise<{ request: Request; response: Response } | null> {
  let body: unknown;
  try {
    body = JSON.parse((await readBody(req, TEAMS_BODY_LIMIT)).toString('utf8'));
  } catch (err) {
    // Too large is the server's to answer (413), not a body that is not JSON.
    if (isHttpRequestError(err)) throw err;
    res.writeHead(400, { 'content-type': 'text/plain' }).end('the body is not JSON');
    return null;
  }
  const unreadable = unreadableActivity(body);
  if (unreadable) {
    res.writeHead(400, { 'content-type': 'text/plain' }).end(`not an activity the bot can take (${unreadable})`);
    return null;
  }
  const request: Request = { body: body as Record<string, unknown>, headers: req.headers as Request['headers'], method: req.method };
  let status = 200;
  const headers: Record<string, string> = {};
  let payload: string | undefined;
  const response: Response = {
    socket: res.socket,
    status(code: number) {
      status = code;
      return response;
    },
    header(name: string, value: unknown) {
      headers[name.toLowerCase()] = String(value);
      return response;
    },
    send(data: unknown) {
      if (data === undefined || data === null) return response;
      if (typeof data === 'string' || Buffer.isBuffer(data)) payload = data.toString();
      else {
        payload = JSON.stringify(data);
        headers['content-type'] ??= 'application/json';
      }
      return response;
    },
    end() {
      if (res.writableEnded) return response;
      res.writeHead(status, headers).end(payload);
      return response;
    },
  };
  return { request, response };
}
