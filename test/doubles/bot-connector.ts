import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the bot made to the Bot Connector. */
export interface ConnectorCall {
  method: 'POST' | 'PUT';
  kind: 'send' | 'reply' | 'update' | 'createConversation' | 'upload';
  /** The conversation id, decoded (thread suffix included). */
  conversation: string;
  replyToId?: string;
  activityId?: string;
  /** The id the double gave the posted activity or created conversation. */
  id?: string;
  status: number;
  /** The Authorization header the bot sent (none when authentication is off). */
  authorization?: string;
  // biome-ignore lint/suspicious/noExplicitAny: a recorded activity is whatever JSON the bot sent.
  body: any;
}

/**
 * A local stand-in for the Bot Connector service: records what the bot sends
 * (`POST /v3/conversations/{id}/activities[/{replyToId}]`, `PUT …/activities/{activityId}`,
 * `POST /v3/conversations`, and file uploads), answers roster lookups (`GET …/members/{id}`), and can answer
 * 403/404 for chosen conversations or people.
 */
export class BotConnectorDouble {
  readonly calls: ConnectorCall[] = [];
  /** Roster lookups (`GET …/members/{id}`), as `conversation member`; kept apart from the sends in `calls`. */
  readonly memberLookups: string[] = [];
  /** What the roster says about a member, by Teams id; anyone else `29:<name>` is `<name>` with Entra id `aad-<name>`. */
  readonly members = new Map<string, { name: string; aadObjectId: string }>();
  /** Member ids the roster does not have: looking them up answers 404, as for someone outside the team or chat. */
  readonly strangers = new Set<string>();
  readonly #failures = new Map<string, number>();
  readonly #deleted = new Set<string>();
  #seq = 0;
  #taken = 0;

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  /** Starts the double on a free loopback port. */
  static async start(): Promise<BotConnectorDouble> {
    let double: BotConnectorDouble | null = null;
    const server = createServer((req, res) => void double?.handle(req, res));
    const port = await new Promise<number>((resolve) =>
      server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
    );
    double = new BotConnectorDouble(server, `http://127.0.0.1:${port}/`);
    return double;
  }

  /** Answers `status` for a conversation (its base id, any thread) or for creating a chat with a member id. */
  fail(conversationOrMember: string, status: 403 | 404): void {
    this.#failures.set(conversationOrMember, status);
  }

  /** Answers 404 when that one activity is updated (someone deleted the message). */
  deleteActivity(activityId: string): void {
    this.#deleted.add(activityId);
  }

  /** Stops failing for a conversation or member (the bot was added back). */
  heal(conversationOrMember: string): void {
    this.#failures.delete(conversationOrMember);
  }

  /** The calls since the last take. */
  take(): ConnectorCall[] {
    const out = this.calls.slice(this.#taken);
    this.#taken = this.calls.length;
    return out;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** One member of a team or chat, as `GET /v3/conversations/{id}/members/{memberId}` answers: status and body. */
  private member(conversation: string, id: string): [number, unknown] {
    this.memberLookups.push(`${conversation} ${id}`);
    const failed = this.#failures.get(conversation);
    if (failed) return [failed, { error: { code: 'Forbidden', message: 'gone' } }];
    if (this.strangers.has(id)) return [404, { error: { code: 'MemberNotFoundInConversation', message: 'The member was not found.' } }];
    const name = id.replace(/^29:/, '');
    const known = this.members.get(id) ?? { name, aadObjectId: `aad-${name}` };
    return [200, { id, name: known.name, aadObjectId: known.aadObjectId, tenantId: 'tenant-a', userRole: 'user' }];
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    const path = (req.url ?? '/').split('?')[0] as string;
    const method = req.method as 'POST' | 'PUT';
    const record = (call: ConnectorCall): void => {
      this.calls.push({ ...call, authorization: req.headers.authorization });
    };
    const reply = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };

    if (method === 'PUT' && path.startsWith('/upload/')) {
      record({ method, kind: 'upload', conversation: '', status: 201, body: raw.toString('utf8') });
      return reply(201, { id: 'uploaded' });
    }
    const member = /^\/v3\/conversations\/([^/]+)\/members\/([^/]+)$/.exec(path);
    if (req.method === 'GET' && member)
      return reply(...this.member(decodeURIComponent(member[1] as string), decodeURIComponent(member[2] as string)));
    const body = raw.length ? JSON.parse(raw.toString('utf8')) : null;
    if (method === 'POST' && path === '/v3/conversations') {
      const member = body?.members?.[0]?.id as string;
      const status = this.#failures.get(member);
      if (status) {
        record({ method, kind: 'createConversation', conversation: '', status, body });
        return reply(status, { error: { code: 'Forbidden', message: 'The bot is not part of the conversation roster.' } });
      }
      const id = `a:created-${member}`;
      record({ method, kind: 'createConversation', conversation: id, id, status: 201, body });
      return reply(201, { id, activityId: undefined });
    }
    const m = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(path);
    if (!m) return reply(404, { error: { code: 'NotFound', message: `no route ${method} ${path}` } });
    const conversation = decodeURIComponent(m[1] as string);
    const second = m[2] ? decodeURIComponent(m[2]) : undefined;
    const status = this.#failures.get(conversation.split(';messageid=')[0] as string);
    const kind = method === 'PUT' ? 'update' : second ? 'reply' : 'send';
    if (kind === 'update' && second && this.#deleted.has(second)) {
      record({ method, kind, conversation, status: 404, body });
      return reply(404, { error: { code: 'ActivityNotFoundInConversation', message: 'The activity was not found.' } });
    }
    if (status) {
      record({ method, kind, conversation, status, body });
      return reply(status, { error: { code: status === 403 ? 'BotNotInConversationRoster' : 'ConversationNotFound', message: 'gone' } });
    }
    const id = method === 'PUT' ? (second as string) : String(1_800_000_000_000 + ++this.#seq);
    record({
      method,
      kind,
      conversation,
      replyToId: kind === 'reply' ? second : undefined,
      activityId: kind === 'update' ? second : undefined,
      id,
      status: 200,
      body,
    });
    return reply(200, { id });
  }
}
