import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type App as BoltApp,
  type Logger as BoltLogger,
  type CodedError,
  HTTPReceiver,
  type HTTPReceiverOptions,
  HTTPResponseAck,
  HTTPModuleFunctions as http,
  type Receiver,
} from '@slack/bolt';
import { unreadableBody } from './shape.js';

/** The JSON of ack bodies registered with `preserialized`, kept beside the object so the object itself stays as it was. */
const serialized = new WeakMap<object, string>();

/**
 * Serializes an ack body once, for a body acked again and again (a cached answer): `SlackReceiver` sends
 * the stored JSON instead of Bolt's `JSON.stringify` per request. The body must not change afterwards.
 */
export function preserialized<T extends object>(body: T): T {
  serialized.set(body, JSON.stringify(body));
  return body;
}

export interface SlackReceiverOptions {
  signingSecret: string;
  logger: BoltLogger;
  /** OAuth distribution: the options Bolt's HTTPReceiver takes for its InstallProvider. */
  oauth?: Omit<HTTPReceiverOptions, 'signingSecret' | 'logger'>;
}

/**
 * Bolt's HTTP receiver, less one cost: an ack body registered with `preserialized` goes out as its stored
 * JSON, with the content type Bolt gives JSON (Bolt sends a string body without one). Everything else is
 * Bolt's own code: signature verification, body parsing, SSL checks and URL verification, the ack (once,
 * with the 3-second unhandled-request timeout) and the error handlers, as HTTPReceiver wires them.
 * It opens no port: `requestListener` serves routes of our own server.
 */
export class SlackReceiver implements Receiver {
  /** Read by Bolt's App: with it, authorization comes from the installation store (OAuth). */
  readonly installer: HTTPReceiver['installer'];
  private app: BoltApp | undefined;
  private readonly signingSecret: string;
  private readonly logger: BoltLogger;
  /** Serves the install page and the OAuth redirect with Bolt's InstallProvider, exactly as before. */
  private readonly oauth: HTTPReceiver | undefined;

  constructor({ signingSecret, logger, oauth }: SlackReceiverOptions) {
    this.signingSecret = signingSecret;
    this.logger = logger;
    this.oauth = oauth ? new HTTPReceiver({ ...oauth, signingSecret, logger }) : undefined;
    this.installer = this.oauth?.installer;
  }

  init(app: BoltApp): void {
    this.app = app;
  }

  /** Nothing to start or stop: the shared server owns the port. */
  start(): Promise<void> {
    return Promise.resolve();
  }

  stop(): Promise<void> {
    return Promise.resolve();
  }

  /** POSTs are events, commands and interactions; GETs are the OAuth pages (our server routes only those here). */
  readonly requestListener = (req: IncomingMessage, res: ServerResponse): void => {
    if (req.method === 'POST') void this.handleEvent(req, res);
    else if (!this.oauth) http.buildNoBodyResponse(res, 404);
    else {
      try {
        this.oauth.requestListener(req, res);
      } catch (error) {
        http.defaultDispatchErrorHandler({ error: error as Error, logger: this.logger, request: req, response: res });
      }
    }
  };

  /** HTTPReceiver's handling of an incoming request, step for step, with the ack below. */
  private async handleEvent(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let buffered: Awaited<ReturnType<typeof http.parseAndVerifyHTTPRequest>>;
    try {
      buffered = await http.parseAndVerifyHTTPRequest({ signingSecret: this.signingSecret }, req);
    } catch (err) {
      this.logger.warn(`Failed to parse and verify the request data: ${(err as Error).message}`);
      return http.buildNoBodyResponse(res, 401);
    }
    // biome-ignore lint/suspicious/noExplicitAny: a Slack request body, as Bolt types it
    let body: any;
    try {
      body = http.parseHTTPRequestBody(buffered);
    } catch (err) {
      this.logger.warn(`Malformed request body: ${(err as Error).message}`);
      return http.buildNoBodyResponse(res, 400);
    }
    if (body.ssl_check === '1') return http.buildSSLCheckResponse(res);
    if (body.type === 'url_verification') return http.buildUrlVerificationResponse(res, body);
    const unreadable = unreadableBody(body);
    if (unreadable) {
      this.logger.warn(`A body Bolt cannot read: ${unreadable}`);
      return http.buildNoBodyResponse(res, 400);
    }

    const responseAck = new HTTPResponseAck({
      logger: this.logger,
      // The answer goes out at the ack; work that follows it runs on its own, after the response.
      processBeforeResponse: false,
      unhandledRequestHandler: http.defaultUnhandledRequestHandler,
      httpRequest: buffered,
      httpRequestBody: body,
      httpResponse: res,
    });
    const boltAck = responseAck.bind();
    let acked = false;
    // biome-ignore lint/suspicious/noExplicitAny: Bolt's ack takes any body
    const ack = (response?: any): Promise<void> => {
      acked = true;
      const json = response && typeof response === 'object' ? serialized.get(response) : undefined;
      if (json === undefined) return boltAck(response);
      // Bolt writes a string body with a bare 200; the header set first goes out with it. Once headers are
      // sent (a second ack, or the timeout answered), Bolt's ack reports that on its own.
      if (!res.headersSent) res.setHeader('content-type', 'application/json');
      return boltAck(json);
    };
    try {
      await this.app?.processEvent({
        body,
        ack,
        retryNum: http.extractRetryNumFromHTTPRequest(req),
        retryReason: http.extractRetryReasonFromHTTPRequest(req),
        customProperties: {},
      });
      // A body Bolt cannot tell the kind of reaches no middleware, so nothing acks it: refuse it now rather
      // than with Bolt's 404 three seconds later. (What reaches the middleware is acked there, see listeners.ts.)
      if (!acked && !res.headersSent) {
        responseAck.ack();
        http.buildNoBodyResponse(res, 400);
      }
    } catch (error) {
      const acknowledged = await http.defaultProcessEventErrorHandler({
        error: error as Error | CodedError,
        logger: this.logger,
        request: req,
        response: res,
        storedResponse: undefined,
      });
      // As in HTTPReceiver: only an error answered here settles the ack (and stops its timeout).
      if (acknowledged) responseAck.ack();
    }
  }
}
