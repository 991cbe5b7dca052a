import type { AddressInfo } from 'node:net';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';

/** An envelope as Slack sends it over a Socket Mode connection. */
export interface SocketEnvelope {
  envelope_id: string;
  type: 'slash_commands' | 'interactive' | 'events_api';
  payload: Record<string, unknown>;
  accepts_response_payload: boolean;
  retry_attempt?: number;
  retry_reason?: string;
}

/** What the app sends back for an envelope (`SocketModeClient.send`): `{ envelope_id, payload }`. */
export interface SocketAck {
  envelope_id: string;
  payload?: Record<string, unknown>;
}

/** One WebSocket connection the app opened. */
export interface SocketConnection {
  socket: WebSocket;
  /** Resolves with the close code once the connection is closed. */
  closed: Promise<number>;
}

/**
 * A local stand-in for Slack's Socket Mode endpoint on 127.0.0.1: greets each connection with `hello`
 * as Slack does, sends envelopes, and hands back the app's acknowledgement of each.
 */
export class SlackSocketDouble {
  readonly connections: SocketConnection[] = [];
  readonly acks: SocketAck[] = [];
  readonly #waiting = new Map<string, (ack: SocketAck) => void>();
  #server: WebSocketServer | null = null;
  url = '';

  async start(): Promise<this> {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    this.#server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', reject);
    });
    this.url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    server.on('connection', (socket) => {
      const closed = new Promise<number>((resolve) => socket.once('close', (code: number) => resolve(code)));
      this.connections.push({ socket, closed });
      socket.on('message', (data) => this.#receive(data));
      socket.send(
        JSON.stringify({
          type: 'hello',
          num_connections: 1,
          debug_info: { host: 'applink-local', build_number: 1, approximate_connection_time: 18060 },
          connection_info: { app_id: 'A0PLC' },
        }),
      );
    });
    return this;
  }

  /** The connection most recently opened. */
  get current(): SocketConnection | undefined {
    return this.connections.at(-1);
  }

  /** Sends an envelope on the open connection; resolves with the app's acknowledgement of it. */
  send(envelope: SocketEnvelope): Promise<SocketAck> {
    const socket = this.current?.socket;
    if (!socket || socket.readyState !== socket.OPEN) return Promise.reject(new Error('no open Socket Mode connection'));
    const acked = new Promise<SocketAck>((resolve) => this.#waiting.set(envelope.envelope_id, resolve));
    socket.send(JSON.stringify(envelope));
    return acked;
  }

  async stop(): Promise<void> {
    const server = this.#server;
    if (!server) return;
    this.#server = null;
    for (const { socket } of this.connections) socket.terminate();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  #receive(data: RawData): void {
    const ack = JSON.parse(data.toString()) as SocketAck;
    this.acks.push(ack);
    const resolve = this.#waiting.get(ack.envelope_id);
    this.#waiting.delete(ack.envelope_id);
    resolve?.(ack);
  }
}
