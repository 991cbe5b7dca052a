import { PassThrough } from 'node:stream';
import { ConsoleAdapter } from '../../adapters/console/console.js';
import { testApp } from '../support/app.js';
import type { Driver, Seen } from './driver.js';

/** Parses console transcript blocks (`[time] recipient:` + indented body + blank line) into messages. */
export function parseTranscript(out: string): (Seen & { time: string; recipient: string })[] {
  const seen: (Seen & { time: string; recipient: string })[] = [];
  const re = /^\[([^\]]+)\] (\S+(?: \(only you\)| \(updated\))?):\n((?: {2}.*\n|\n(?= {2}))*)/gm;
  for (const m of out.matchAll(re)) {
    const recipient = m[2] as string;
    const body = (m[3] as string)
      .split('\n')
      .map((l) => l.replace(/^ {2}/, ''))
      .join('\n')
      .trimEnd();
    const to = recipient.endsWith('(only you)') ? 'asker' : recipient.replace(/ \(updated\)$/, '');
    seen.push({ to, text: body, edited: recipient.endsWith(' (updated)'), id: null, time: m[1] as string, recipient });
  }
  return seen;
}

/** Drives the console adapter line by line, as a person typing. */
export async function consoleDriver(): Promise<Driver> {
  const app = testApp();
  const output = new PassThrough();
  let buffer = '';
  output.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
  });
  const adapter = new ConsoleAdapter({ app, clock: app.clock, input: new PassThrough(), output });
  const take = () => {
    const out = buffer;
    buffer = '';
    return parseTranscript(out);
  };
  const driver: Driver = {
    name: 'console',
    async send(user, command, opts = {}) {
      const channel = opts.channel === undefined ? 'general' : opts.channel;
      await adapter.line(`:as ${user}`);
      if (opts.locale) await adapter.line(`:lang ${opts.locale}`);
      // The console has no DMs to type in; a channel of one's own stands in for one.
      await adapter.line(`:in #${channel ?? `dm-${user}`}`);
      take();
      await adapter.line(`/plc ${command}`);
      return take();
    },
    async press(user, command, opts) {
      return driver.send(user, command, opts);
    },
    async advance(ms) {
      take();
      await adapter.line(`:clock +${Math.round(ms / 60_000)}m`);
      return take();
    },
    async close() {
      await app.dispose();
    },
  };
  return driver;
}
