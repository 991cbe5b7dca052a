import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { ConsoleAdapter } from '../../adapters/console/console.js';
import { testApp } from '../support/app.js';
import { type Driver, type DriverOptions, missingButton, type Seen } from './driver.js';

/** One transcript block, with its time and recipient line as printed. */
export type Printed = Seen & { time: string; recipient: string };

/** Parses console transcript blocks (`[time] recipient:` + indented body + blank line) into messages. */
export function parseTranscript(out: string): Printed[] {
  const seen: Printed[] = [];
  const re = /^\[([^\]]+)\] (\S+(?: \(only you\)| \(updated\))?):\n((?: {2}.*\n|\n(?= {2}))*)/gm;
  for (const m of out.matchAll(re)) {
    const recipient = m[2] as string;
    const body = (m[3] as string)
      .split('\n')
      .map((l) => l.replace(/^ {2}/, ''))
      .join('\n')
      .trimEnd();
    const edited = recipient.endsWith(' (updated)');
    const to = recipient.endsWith('(only you)') ? 'asker' : recipient.replace(/ \(updated\)$/, '');
    const { buttons, form } = controls(body);
    seen.push({
      to,
      text: body,
      edited,
      id: null,
      buttons: buttons.map((b) => b.label),
      form: form && { title: form.title, fields: form.fields },
      time: m[1] as string,
      recipient,
    });
  }
  return seen;
}

/** What the console prints beside each button and form: the command that does the same. */
interface Controls {
  buttons: { label: string; command: string }[];
  form: { title: string; fields: string[]; command: string } | null;
}

/** Reads the button lines (`[label] /plc command`) and the form lines (`[title]`, `  field`…, `  submit: /plc command`) of a body. */
function controls(body: string): Controls {
  const lines = body.split('\n');
  const buttons: Controls['buttons'] = [];
  let form: Controls['form'] = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const button = /^\[(.+?)\] \/plc (.+)$/.exec(line);
    if (button) {
      buttons.push({ label: button[1] as string, command: button[2] as string });
      continue;
    }
    const title = /^\[(.+)\]$/.exec(line);
    if (!title) continue;
    const fields: string[] = [];
    for (let j = i + 1; j < lines.length; j++) {
      const inner = /^ {2}(.+)$/.exec(lines[j] as string);
      if (!inner) break;
      const submit = /^.+?: \/plc (.+)$/.exec(inner[1] as string);
      if (submit) {
        form = { title: title[1] as string, fields, command: submit[1] as string };
        break;
      }
      fields.push((inner[1] as string).replace(/ ! .*$/, '').replace(/ \([^)]*\)$/, ''));
    }
  }
  return { buttons, form };
}

/** Drives the console adapter line by line, as a person typing. */
export async function consoleDriver(options: DriverOptions = {}): Promise<Driver> {
  const app = testApp({ introduce: options.introduce });
  const output = new PassThrough();
  let buffer = '';
  output.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
  });
  const adapter = new ConsoleAdapter({ app, clock: app.clock, input: new PassThrough(), output });
  /** Where each message was printed, so a press is typed there. */
  const shownIn = new WeakMap<Seen, string>();
  const take = (typedIn: string | null) => {
    const out = buffer;
    buffer = '';
    const seen = parseTranscript(out);
    for (const s of seen) {
      // A file the console wrote is shown by its path: the driver reads it back as the person would open it.
      const files = [...s.text.matchAll(/📎 (.+?): (\/.+)$/gm)].map((m) => ({
        name: m[1] as string,
        content: readFileSync(m[2] as string, 'utf8'),
      }));
      if (files.length) s.files = files;
      // A channel post is answered in its channel, a DM in the person's own channel, an answer where it was asked.
      const place = s.to.startsWith('#') ? s.to.slice(1) : s.to.startsWith('@') ? `dm-${s.to.slice(1)}` : typedIn;
      if (place) shownIn.set(s, place);
    }
    return seen;
  };
  /** Types one bot command as `user` in `channel`, as a person at the console would. */
  const type = async (user: string, channel: string, line: string, locale?: string) => {
    await adapter.line(`:as ${user}`);
    if (locale) await adapter.line(`:lang ${locale}`);
    await adapter.line(`:in #${channel}`);
    take(null);
    await adapter.line(`/plc ${line}`);
    return take(channel);
  };
  const placeOf = (message: Seen) => {
    const place = shownIn.get(message);
    if (!place) throw new Error(`the console driver did not print this message: ${message.text.slice(0, 80)}`);
    return place;
  };
  const driver: Driver = {
    name: 'console',
    async send(user, command, opts = {}) {
      const channel = opts.channel === undefined ? 'general' : opts.channel;
      // The console has no DMs to type in; a channel of one's own stands in for one.
      return type(user, channel ?? `dm-${user}`, command, opts.locale);
    },
    async press(user, message, label) {
      // The console shows each button's command beside it; pressing is typing that command.
      const button = controls(message.text).buttons.find((b) => b.label === label) ?? missingButton(message, label);
      return type(user, placeOf(message), button.command);
    },
    async submit(user, message, values) {
      const form = controls(message.text).form;
      if (!form) throw new Error(`no form on the message to ${message.to}`);
      // The command beside the form names its fields `{name}`, in the order the form lists them.
      const names = [...form.command.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
      if (names.length !== form.fields.length) throw new Error(`cannot match the fields ${form.fields} to ${form.command}`);
      const filled = form.fields.reduce((command, label, i) => command.replace(`{${names[i]}}`, values[label] ?? ''), form.command);
      return type(user, placeOf(message), filled);
    },
    async advance(ms) {
      take(null);
      await adapter.line(`:clock +${Math.round(ms / 60_000)}m`);
      return take(null);
    },
    async close() {
      await app.dispose();
    },
  };
  return driver;
}
