import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { DateTime } from 'luxon';
import type { App } from '../../src/app.js';
import { deliver } from '../../src/delivery.js';
import { durationMinutes } from '../../src/grammar/values.js';
import { isLocale } from '../../src/i18n/locales.js';
import type { Address, ManualClock, Messenger, SentMessage, WorkspaceAddress } from '../../src/ports.js';
import type { Store } from '../../src/store/store.js';
import type { Block, View } from '../../src/views/view.js';
import { filesFolder, withFilesWritten } from './files.js';
import { parseLine } from './receive.js';
import { transcriptBlock } from './render.js';

/** The longest move of the simulated clock in one step: ten years of school. */
const MAX_CLOCK_STEP_MINUTES = 3650 * 1440;

/** The console is one workspace per database. */
export const CONSOLE_WORKSPACE = 'console';
const CLOCK_KEY = 'console.clock';

export interface ConsoleOptions {
  app: App;
  clock: ManualClock;
  input: Readable;
  output: Writable;
  /** Show a prompt (standard input is a terminal). */
  interactive?: boolean;
}

/** Where the console's simulated time starts: the later of the real time and the latest time the database reached. */
export function consoleStart(store: Store, realNow: number): number {
  const reached = store.getMeta(CLOCK_KEY);
  const last = reached ? Date.parse(reached) : 0;
  return Math.max(realNow, Number.isFinite(last) ? last : 0);
}

/** A local stand-in for a chat platform: type commands as any user, in any channel, and move time. */
export class ConsoleAdapter implements Messenger {
  #user = 'admin';
  #channel = 'general';
  readonly #locales = new Map<string, string>();
  readonly #zones = new Map<string, string>();
  #messageSeq = 0;

  constructor(private readonly opts: ConsoleOptions) {
    opts.app.messenger.register('console', this);
  }

  /** Reads commands until the end of input, one at a time. */
  async run(): Promise<void> {
    const { input, output, interactive } = this.opts;
    const rl = createInterface({ input, terminal: false, crlfDelay: Number.POSITIVE_INFINITY });
    if (interactive) output.write(`${this.#prompt()}`);
    for await (const line of rl) {
      await this.opts.app.track(this.line(line));
      if (interactive) output.write(this.#prompt());
    }
    this.#remember();
  }

  /** Handles one line, as if typed. */
  async line(line: string): Promise<void> {
    const parsed = parseLine(line);
    switch (parsed.kind) {
      case 'blank':
        return;
      case 'unknownMeta':
        return this.#say(`unknown console command :${parsed.name}; type :help`);
      case 'chatter':
        return this.#say('commands start with /plc (try /plc help); console commands with : (try :help)');
      case 'meta':
        return this.#meta(parsed.name, parsed.arg);
      case 'command':
        return this.#command(parsed.text, parsed.mentions);
    }
  }

  async #command(text: string, mentioned: string[]): Promise<void> {
    const { app } = this.opts;
    const handled = app.bot.handle({
      workspace: { platform: 'console', externalId: CONSOLE_WORKSPACE, name: 'Console' },
      user: {
        externalId: this.#user,
        displayName: this.#user,
        platformLocale: this.#locales.get(this.#user) ?? null,
        tz: this.#zoneOfTyping(),
      },
      place: { channel: this.#channel, channelName: this.#channel },
      text,
      // In the console a name is the person: whoever is mentioned exists, named as typed (see mentionsToCore).
      mentions: mentioned.map((name) => ({ externalId: name, profile: { externalId: name, displayName: name } })),
    });
    await deliver(
      handled.deliveries,
      handled.workspace,
      this,
      async (v) => this.#print(`@${this.#user} (only you)`, this.#userZone(this.#user), v),
      app.log,
      handled.now,
    );
    this.#remember();
  }

  async #meta(name: string, arg: string): Promise<void> {
    switch (name) {
      case 'as':
        if (!/^[\p{L}\p{N}_.-]{1,64}$/u.test(arg)) return this.#say('usage: :as <name> (no spaces)');
        this.#user = arg;
        return this.#say(`acting as @${arg}`);
      case 'in': {
        const channel = arg.replace(/^#/, '');
        if (!/^[\p{L}\p{N}_.-]{1,80}$/u.test(channel)) return this.#say('usage: :in #<channel>');
        this.#channel = channel;
        return this.#say(`speaking in #${channel}`);
      }
      case 'lang':
        if (!/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/.test(arg)) return this.#say('usage: :lang <code>, e.g. :lang de');
        this.#locales.set(this.#user, arg);
        return this.#say(
          `@${this.#user}'s platform language: ${arg}${isLocale(arg.slice(0, 2).toLowerCase()) ? '' : ' (not one the bot speaks; it will use English)'}`,
        );
      case 'tz':
        if (!DateTime.now().setZone(arg).isValid) return this.#say('usage: :tz <IANA zone>, e.g. :tz Europe/Copenhagen');
        this.#zones.set(this.#user, arg);
        return this.#say(`@${this.#user}'s time zone: ${arg}`);
      case 'clock':
        return this.#clock(arg);
      default:
        return this.#say(HELP);
    }
  }

  async #clock(arg: string): Promise<void> {
    const { clock } = this.opts;
    const now = clock.now().getTime();
    if (!arg) return this.#say(`now ${this.#format(now, this.#userZone(this.#user))}`);
    let to: number;
    if (arg.startsWith('+')) {
      const minutes = durationMinutes(arg.slice(1), { max: MAX_CLOCK_STEP_MINUTES });
      if (minutes === null) return this.#say('usage: :clock +<n>(m|h|d), at most 10 years (3650d) in one step');
      to = now + minutes * 60_000;
    } else {
      const at = DateTime.fromISO(arg, { setZone: true });
      if (!at.isValid || !/[Zz]|[+-]\d{2}:?\d{2}$/.test(arg))
        return this.#say('usage: :clock, :clock +<n>(m|h|d), or :clock <ISO instant with offset>');
      to = at.toMillis();
    }
    if (to < now) return this.#say('the clock never goes back');
    // An instant is held to the same step as `+<n>`: running every job of decades would stall the console for minutes.
    if (to - now > MAX_CLOCK_STEP_MINUTES * 60_000) return this.#say('the clock moves at most 10 years (3650d) in one step');
    await this.opts.app.advance(to);
    clock.set(to);
    this.#remember();
    return this.#say(`now ${this.#format(to, this.#userZone(this.#user))}`);
  }

  /** The messenger port: prints what the bot sends as a transcript block; a file is written to disk and named by its path. */
  async send(_w: WorkspaceAddress, to: Address, view: View): Promise<SentMessage> {
    const id = `m${++this.#messageSeq}`;
    const v = this.#saveFiles(to, view);
    if (to.kind === 'channel') {
      this.#print(`#${to.channel}`, this.#channelZone(to.channel), v);
      return { conversation: to.channel, message: id };
    }
    this.#print(`@${to.user}`, this.#userZone(to.user), v);
    return { conversation: `@${to.user}`, message: id };
  }

  async update(_w: WorkspaceAddress, sent: SentMessage, v: View): Promise<void> {
    const recipient = sent.conversation.startsWith('@') ? sent.conversation : `#${sent.conversation}`;
    const zone = recipient.startsWith('@') ? this.#userZone(recipient.slice(1)) : this.#channelZone(sent.conversation);
    this.#print(`${recipient} (updated)`, zone, v);
  }

  /**
   * Writes each file of a view (an export) into FILES_DIR (else `files` beside the database), in a folder per
   * recipient, readable by this account only, and shows its path where the file was.
   */
  #saveFiles(to: Address, v: View): View {
    if (!v.blocks.some((b) => b.type === 'file')) return v;
    const { config } = this.opts.app;
    const root = config.FILES_DIR ?? join(dirname(config.DATABASE_PATH), 'files');
    const folder = join(root, to.kind === 'user' ? to.user : `#${to.channel}`);
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const blocks = v.blocks.map((b): Block => {
      if (b.type !== 'file') return b;
      const path = freePath(folder, basename(b.file.name));
      writeFileSync(path, Buffer.from(b.file.content, b.file.encoding === 'base64' ? 'base64' : 'utf8'), { mode: 0o600 });
      return { type: 'context', text: `📎 ${b.file.name}: ${path}` };
    });
    return { ...v, blocks };
  }

  #print(recipient: string, zone: string, v: View): void {
    // Pictures sent without a link (a chart) go beside the files, in FILES_DIR when it is set.
    const { config } = this.opts.app;
    const shown = withFilesWritten(v, config.FILES_DIR ?? filesFolder(config.DATABASE_PATH));
    this.opts.output.write(transcriptBlock(this.opts.clock.now().getTime(), zone, recipient, shown));
  }

  #say(message: string): void {
    this.opts.output.write(`* ${message}\n`);
  }

  #prompt(): string {
    return `${this.#user}@#${this.#channel}> `;
  }

  #zoneOfTyping(): string | null {
    return this.#zones.get(this.#user) ?? null;
  }

  #workspaceId(): number | null {
    return this.opts.app.store.workspaces.find('console', CONSOLE_WORKSPACE)?.id ?? null;
  }

  #userZone(name: string): string {
    const known = this.#zones.get(name);
    if (known) return known;
    const ws = this.#workspaceId();
    const user = ws ? this.opts.app.store.users.findByExternal(ws, name) : null;
    return user?.tz ?? this.opts.app.config.DEFAULT_TZ;
  }

  #channelZone(channel: string): string {
    const ws = this.#workspaceId();
    const community = ws ? this.opts.app.store.communities.findByChannel(ws, channel) : null;
    return community?.tz ?? this.opts.app.config.DEFAULT_TZ;
  }

  #format(ms: number, zone: string): string {
    return `${DateTime.fromMillis(ms, { zone }).toFormat("yyyy-MM-dd'T'HH:mm:ssZZ")} (${zone})`;
  }

  /** Records how far the clock has gone, so a restarted console goes on from there. */
  #remember(): void {
    if (!this.opts.app.store.db.open) return;
    this.opts.app.store.setMeta(CLOCK_KEY, this.opts.clock.now().toISOString());
  }
}

/** `name` in `folder`, or with -2, -3 … before its extension when a file of that name is there already. */
function freePath(folder: string, name: string): string {
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let n = 1; ; n++) {
    const path = join(folder, n === 1 ? name : `${stem}-${n}${ext}`);
    if (!existsSync(path)) return path;
  }
}

const HELP = `console commands:
  :as <name>              act as that user (created on first use)
  :in #<channel>          speak in that channel (default #general)
  :lang <code>            the acting user's platform language (en, de, da, nl, ar)
  :tz <IANA zone>         the acting user's time zone
  :clock                  show the simulated time
  :clock +<n>(m|h|d)      move time forward, running everything that falls due
  :clock <ISO instant>    move time to that instant
  :help                   this list
bot commands start with /plc, e.g. /plc help`;
