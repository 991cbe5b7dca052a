import type { Logger } from 'pino';
import type { HomeSection } from './capability.js';
import { workspaceAddress } from './delivery.js';
import { UserError } from './errors.js';
import type { FirstContact } from './first-contact.js';
import { checkAccess } from './grammar/access.js';
import type { CommandDef, Context, Delivery, MentionedPerson, Place, SavedMessage } from './grammar/command.js';
import { quoteName, unknownCommunity } from './grammar/communities.js';
import { Cursor } from './grammar/cursor.js';
import type { Registry } from './grammar/registry.js';
import { MAX_TEXT, withoutDisplayMarks } from './grammar/text.js';
import { directionOf, type Locale, localeFor } from './i18n/locales.js';
import { type Translator, translator } from './i18n/translate.js';
import { RequestLog, requestId } from './log.js';
import type { Metrics, Outcome } from './metrics.js';
import type { Clock, Platform } from './ports.js';
import { OPEN_ALWAYS, type QuietPolicy } from './quiet-hours.js';
import type { ReactionBus } from './reactions.js';
import { deferIfQuiet } from './scheduler/fan-out.js';
import { CommitGroup, isBusy, ReadGroup } from './store/commit-group.js';
import type { Community } from './store/communities.js';
import { prepared } from './store/db.js';
import { IdentityCache } from './store/identity-cache.js';
import type { Store } from './store/store.js';
import type { User, UserProfile } from './store/users.js';
import type { Workspace } from './store/workspaces.js';
import { isolateRuns } from './views/bidi.js';
import { context, text, view } from './views/build.js';
import type { Button } from './views/view.js';

/** A command as an adapter hands it over: who typed what, where. */
export interface Inbound {
  workspace: { platform: Platform; externalId: string; name?: string | null };
  user: UserProfile;
  place: Place;
  /** The text after the slash command or mention; a leading `/plc` or `plc` is ignored. Mentions as `<@id|name>`. */
  text: string;
  /** How commands are typed on this platform, for usage lines: `/plc` (default) or `plc`. */
  prefix?: string;
  /**
   * The people mentioned in `text` whom the adapter's platform vouched for. A mention not listed here was
   * typed rather than picked, or names no one the platform knows: the core refuses it.
   */
  mentions?: readonly MentionedPerson[];
  /** The message a message action was used on (Save to PLC library), with `text` the command it runs (`save`). */
  saved?: SavedMessage;
}

export type { MentionedPerson, SavedMessage };

/** A refused command's reason, as a form shows it beside a field. */
export interface Refusal {
  message: string;
  field: string | null;
}

/** The answer to one command: the messages to send, and who asked. */
export interface Handled {
  deliveries: Delivery[];
  workspace: Workspace;
  actor: User;
  /** True when the command failed (a user error, or a bug); its answer says why and nothing was changed. */
  refused?: boolean;
  /**
   * Why it failed, for a form that was submitted: the message alone (no usage line: nobody typed a command), and
   * the argument it is about when the core knows it (`text` for the free text), so the form shows it on that field.
   */
  refusal?: Refusal;
  /** The instant it was handled at, from the clock. */
  now: number;
}

export interface BotDeps {
  store: Store;
  clock: Clock;
  registry: Registry;
  /** The capabilities' home sections, in capability order. */
  homeSections: readonly HomeSection[];
  /** The capabilities' reactions to changes about people. */
  reactions: ReactionBus;
  defaultTz: string;
  log: Logger;
  /** Counts each command by kind and outcome for /metrics. */
  metrics?: Pick<Metrics, 'command'>;
  /** The install's quiet hours: a DM a command causes for someone else waits outside them. */
  quiet?: QuietPolicy;
  /** Opens the first message to each person with the bot's introduction; without it, none does. */
  firstContact?: FirstContact;
  /** Runs `handleSoon`'s commands on the command thread (src/thread); when it returns null, they run here. */
  offload?: { run(inbound: Inbound, now: number): Promise<Handled> | null };
}

/** The platform-neutral bot: turns one command from any adapter into the messages to send. */
export class Bot {
  readonly #workspaces = new Map<string, Workspace>();
  /** The people and channels `known` looked up, kept while their tables are unchanged. */
  readonly #identity = new IdentityCache();
  readonly #group: CommitGroup;
  readonly #reads: ReadGroup;

  constructor(private readonly deps: BotDeps) {
    this.#group = new CommitGroup(deps.store);
    this.#reads = new ReadGroup(deps.store);
  }

  get store(): Store {
    return this.deps.store;
  }

  get clock(): Clock {
    return this.deps.clock;
  }

  /**
   * `handle`, with the commands that arrive in the same turn of the event loop (a burst) sharing one commit: the
   * adapters' way in. It resolves once the command is stored; it rejects only when that commit failed, and then
   * nothing of the command was written, so it may be run again. With a command thread (src/thread), a command
   * that writes runs there, at the instant it arrived here.
   */
  handleSoon(inbound: Inbound): Promise<Handled> {
    const { offload } = this.deps;
    if (!offload) return this.#group.run(() => this.handle(inbound));
    const writing = () => offload.run(inbound, this.deps.clock.now().getTime()) ?? this.#group.run(() => this.handle(inbound));
    // Beside the command thread, a command that only reads runs here, with the others of its turn, in a read
    // transaction: a shared commit's write lock would wait for the thread's commits, on the thread that serves HTTP.
    return this.onlyReads(inbound.text) ? this.#reads.run(() => this.handle(inbound), writing) : writing();
  }

  /**
   * Whether the command typed is one that only reads (`readOnly`: `help`, the lists): those stay on this thread. The
   * command thread is for the write path; a command answered from a few reads would spend more crossing to it and
   * back (two wake-ups of a thread) than it saves. Read as `run` reads it, up to the command's words.
   */
  private onlyReads(text: string): boolean {
    if (text.length > MAX_INPUT) return true;
    const cursor = new Cursor(withoutDisplayMarks(text));
    return !beforeCommand(cursor) || this.deps.registry.match(cursor)?.readOnly === true;
  }

  /** Runs one command. Never throws for bad input; a bug becomes a polite answer and a log line. */
  handle(inbound: Inbound): Handled {
    const { store, clock } = this.deps;
    const now = clock.now().getTime();
    // Every log line about this command carries its request id, and none carries what the person typed.
    const log = new RequestLog(this.deps.log);
    const seen: { command: string } = { command: 'unknown' };
    const { workspace, actor, welcome, channelCommunity } =
      this.reading(() => this.known(inbound)) ??
      this.withChannel(
        inbound,
        store.transaction(() => {
          const found = this.identify(inbound, now);
          // Brought up to date here too, so the role `run` reads from the cache is the file's (known() syncs its own way).
          this.#identity.sync(store);
          return found;
        }),
      );
    const i18n = translatorFor(localeFor(actor, channelCommunity));
    const prefix = inbound.prefix ?? '/plc';
    const deliveries: Delivery[] = [];
    if (welcome) {
      deliveries.push({
        to: 'asker',
        view: view(i18n.locale, [text(i18n.tr('coordinator.welcome', { command: { command: 'create <name>' } }))]),
      });
    }
    try {
      deliveries.push(...privately(this.run(inbound, { workspace, actor, i18n, prefix, now, channelCommunity, log, seen }), actor, i18n));
    } catch (e) {
      // A command of a read batch that had to write and could not: the batch hands it to the write path.
      if (this.#reads.running && isBusy(e)) throw e;
      deliveries.push({ to: 'asker', view: this.explain(e, i18n, log) });
      this.done(log, seen.command, e instanceof UserError ? 'refused' : 'failed');
      return {
        deliveries: this.introduced(deliveries, actor, inbound.place, now),
        workspace,
        actor,
        refused: true,
        refusal: refusalOf(e, i18n),
        now,
      };
    }
    this.done(log, seen.command, 'ok');
    return {
      deliveries: this.introduced(this.holdQuiet(deliveries, workspace, actor, now, log), actor, inbound.place, now),
      workspace,
      actor,
      now,
    };
  }

  /** The answers, and the DMs going out now, with the introduction opening the first to each person who has not had it. */
  private introduced(deliveries: Delivery[], actor: User, place: Place, now: number): Delivery[] {
    const first = this.deps.firstContact;
    return first ? first.introduce(deliveries, { user: actor, seenByOthers: place.seenByOthers === true }, now) : deliveries;
  }

  /**
   * DMs a command causes for other people (a round's pairings, say) wait for their allowed hours, queued once;
   * what answers the person who typed it is never held back.
   */
  private holdQuiet(deliveries: Delivery[], workspace: Workspace, actor: User, now: number, log: RequestLog): Delivery[] {
    const others = deliveries.filter((d) => d.to === 'user' && d.user.id !== actor.id);
    if (others.length === 0) return deliveries;
    const env = { store: this.deps.store, now, log: log.logger, quiet: this.deps.quiet ?? OPEN_ALWAYS };
    const batch = requestId();
    const held = this.deps.store.transaction(
      () =>
        new Set(
          others.filter(
            (d, n) => d.to === 'user' && deferIfQuiet(env, workspaceAddress(workspace), d, `quiet:${batch}>user:${d.user.id}#${n}`),
          ),
        ),
    );
    return held.size ? deliveries.filter((d) => !held.has(d)) : deliveries;
  }

  private done(log: RequestLog, command: string, outcome: Outcome): void {
    this.deps.metrics?.command(command, outcome);
    if (log.enabled('debug')) log.logger.debug({ command, outcome }, 'command handled');
  }

  /**
   * Runs `fn`'s reads in one read transaction: SQLite then takes its locks once rather than around every
   * statement, which is most of what a lookup by key costs. Inside a caller's transaction, it just runs.
   */
  private reading<T>(fn: () => T): T {
    const { db } = this.deps.store;
    if (db.inTransaction) return fn();
    prepared(db, 'BEGIN DEFERRED').run();
    try {
      return fn();
    } finally {
      if (db.inTransaction) prepared(db, 'COMMIT').run();
    }
  }

  /** Adds the community whose channel the command was typed in, if any. */
  private withChannel<T extends { workspace: Workspace }>(inbound: Inbound, found: T): T & { channelCommunity: Community | null } {
    const channel = inbound.place.channel;
    return { ...found, channelCommunity: channel ? this.deps.store.communities.findByChannel(found.workspace.id, channel) : null };
  }

  /** The workspace, person and channel's community when the person is known and nothing about them changed: no write. */
  private known(inbound: Inbound): { workspace: Workspace; actor: User; welcome: false; channelCommunity: Community | null } | null {
    const { store } = this.deps;
    const key = `${inbound.workspace.platform}\u0000${inbound.workspace.externalId}`;
    // A workspace row never changes its id and is never deleted, so it is looked up once per process.
    let workspace = this.#workspaces.get(key) ?? null;
    if (!workspace) {
      workspace = store.workspaces.find(inbound.workspace.platform, inbound.workspace.externalId);
      if (workspace) this.#workspaces.set(key, workspace);
    }
    if (!workspace || (inbound.workspace.name && inbound.workspace.name !== workspace.name)) {
      this.#workspaces.delete(key);
      return null;
    }
    const identity = this.#identity;
    identity.sync(store);
    const actor = identity.user(store, workspace.id, inbound.user.externalId);
    const p = inbound.user;
    if (
      !actor ||
      (p.displayName && p.displayName !== actor.displayName) ||
      (p.platformLocale && p.platformLocale !== actor.platformLocale) ||
      (p.tz && p.tz !== actor.tz) ||
      (!actor.isCoordinator && !identity.hasCoordinator(store, workspace.id))
    ) {
      return null;
    }
    const channel = inbound.place.channel;
    return {
      workspace,
      actor,
      welcome: false,
      channelCommunity: channel ? identity.communityOfChannel(store, workspace.id, channel) : null,
    };
  }

  private identify(inbound: Inbound, now: number): { workspace: Workspace; actor: User; welcome: boolean } {
    const { store } = this.deps;
    const { workspace } = store.workspaces.ensure(
      inbound.workspace.platform,
      inbound.workspace.externalId,
      inbound.workspace.name ?? null,
      now,
    );
    let actor = store.users.upsert(workspace.id, inbound.user, now);
    // The first person to use the bot in a new workspace becomes its coordinator.
    const welcome = store.users.coordinatorCount(workspace.id) === 0;
    if (welcome) {
      store.users.setCoordinator(workspace.id, actor.id, true);
      actor = { ...actor, isCoordinator: true };
    }
    return { workspace, actor, welcome };
  }

  private run(
    inbound: Inbound,
    base: {
      workspace: Workspace;
      actor: User;
      i18n: Translator;
      prefix: string;
      now: number;
      channelCommunity: Community | null;
      log: RequestLog;
      /** Where the command's kind is noted once it is known, for the metrics and the log. */
      seen: { command: string };
    },
  ): Delivery[] {
    const { store, registry } = this.deps;
    // Free text is at most MAX_TEXT characters; a line far longer is refused before any parsing, whatever it holds.
    if (inbound.text.length > MAX_INPUT) throw new UserError('error.textTooLong', { length: inbound.text.length, max: MAX_TEXT });
    const line = withoutDisplayMarks(inbound.text);
    const cursor = new Cursor(line, 0, base.now);
    const before = beforeCommand(cursor);
    if (!before) throw new UserError('error.missing', {}, { usage: 'help' });
    const { named } = before;
    const commandStart = cursor.position;
    const first = cursor.peek();
    if (!first) throw new UserError('error.empty', { command: { command: 'help' } });
    const def = registry.match(cursor);
    if (!def) {
      const suggestion = registry.suggest(first.value);
      throw new UserError(
        'error.unknownCommand',
        { command: first.value.slice(0, 40) },
        {
          hint: suggestion
            ? { key: 'error.didYouMean', params: { suggestion: { command: suggestion } } }
            : { key: 'error.seeHelp', params: { command: { command: 'help' } } },
        },
      );
    }
    base.seen.command = def.words.join(' ');
    const args = parseArgs(def, cursor);
    const commandText = line.slice(commandStart).trim();

    let community: Community | null = null;
    if (def.community === 'required')
      community = this.resolveCommunity(base.workspace, base.actor, base.channelCommunity, named, commandText, archivedUse(def));
    const role = community ? this.#identity.role(store, community.id, base.actor.id) : null;
    const i18n = community ? translatorFor(localeFor(base.actor, community)) : base.i18n;
    const ctx: Context = {
      store,
      clock: this.deps.clock,
      workspace: base.workspace,
      actor: base.actor,
      place: inbound.place,
      i18n,
      prefix: base.prefix,
      defaultTz: this.deps.defaultTz,
      community,
      role,
      now: base.now,
      commandText,
      named,
      mentions: inbound.mentions ?? [],
      saved: inbound.saved ?? null,
      get log() {
        return base.log.logger;
      },
      reactions: this.deps.reactions,
      homeSections: this.deps.homeSections,
    };
    checkAccess(def.access, ctx);
    return def.readOnly ? def.run(ctx, args) : store.transaction(() => def.run(ctx, args));
  }

  /**
   * The community a command is about: named, the channel's, or the person's only one; else ask. An archived
   * community is only ever named, and only commands that read history (or `restore`) run there.
   */
  private resolveCommunity(
    workspace: Workspace,
    actor: User,
    channelCommunity: Community | null,
    named: string | null,
    commandText: string,
    archived: 'refused' | 'reads' | 'only',
  ): Community {
    const { store } = this.deps;
    if (named !== null) {
      const found = store.communities.findByName(workspace.id, named);
      if (!found) throw unknownCommunity(store, workspace.id, named);
      if (found.archivedAt && archived === 'refused') throw archivedRefusal(found);
      if (!found.archivedAt && archived === 'only') throw new UserError('error.notArchived', { community: found.name });
      return found;
    }
    if (archived === 'only') return this.pickArchived(workspace, commandText);
    if (channelCommunity && !channelCommunity.archivedAt) return channelCommunity;
    const mine = store.communities.ofUser(workspace.id, actor.id).map((m) => m.community);
    const candidates = mine.length > 0 ? mine : store.communities.list(workspace.id);
    if (candidates.length === 1) return candidates[0] as Community;
    if (candidates.length === 0) throw new UserError('error.noCommunities', { command: { command: 'create <name>' } });
    const buttons: Button[] = candidates.slice(0, 25).map((c) => ({ label: c.name, command: `in ${quoteName(c.name)} ${commandText}` }));
    throw new UserError('community.pick', {}, { buttons });
  }

  /** For `restore` with no community named: the workspace's only archived one, else a button per archived one. */
  private pickArchived(workspace: Workspace, commandText: string): Community {
    const archived = this.deps.store.communities.archived(workspace.id);
    if (archived.length === 1) return archived[0] as Community;
    if (archived.length === 0) throw new UserError('error.noneArchived');
    const buttons: Button[] = archived.slice(0, 25).map((c) => ({ label: c.name, command: `in ${quoteName(c.name)} ${commandText}` }));
    throw new UserError('community.pick', {}, { buttons });
  }

  /** Turns an error into a polite answer; a bug is logged, never shown. */
  private explain(e: unknown, i18n: Translator, log: RequestLog) {
    if (e instanceof UserError) {
      const blocks = [text(i18n.tr(e.key, e.params))];
      if (e.options.hint) blocks.push(text(i18n.tr(e.options.hint.key, e.options.hint.params)));
      // The usage line is a command span, so each renderer shows it as code and keeps it whole in right-to-left text.
      if (e.options.usage)
        blocks.push(context(i18n.tr('error.usage', { usage: { command: i18n.t(`cmd.${e.options.usage}.usage` as never) } })));
      if (e.options.buttons) blocks.push({ type: 'actions', buttons: e.options.buttons });
      return view(i18n.locale, blocks);
    }
    log.logger.error({ err: e }, 'command failed');
    return view(i18n.locale, [text(i18n.t('error.internal'))]);
  }
}

/** How a command treats an archived community: commands that only read run there, others are refused. */
function archivedUse(def: CommandDef): 'refused' | 'reads' | 'only' {
  return def.archived ?? (def.readOnly ? 'reads' : 'refused');
}

/** The refusal of a change to an archived community: its history stays readable, and a coordinator can restore it. */
function archivedRefusal(community: Community): UserError {
  return new UserError(
    'error.archivedReadOnly',
    { community: community.name },
    { hint: { key: 'error.archivedHint', params: { command: { command: `in ${quoteName(community.name)} restore` } } } },
  );
}

/** The reason for a form: the error's message and its hint, without the usage line, and the field it names. */
function refusalOf(e: unknown, i18n: Translator): Refusal {
  if (!(e instanceof UserError)) return { message: i18n.t('error.internal'), field: null };
  const hint = e.options.hint ? ` ${i18n.t(e.options.hint.key, e.options.hint.params)}` : '';
  const message = `${i18n.t(e.key, e.params)}${hint}`;
  // A form shows it as plain text beside a field, outside any view: its code runs are isolated here.
  return { message: directionOf(i18n.locale) === 'rtl' ? isolateRuns(message) : message, field: e.options.field ?? null };
}

/**
 * A file (an export) is for the person who asked, wherever they asked: an answer holding one goes to their direct
 * messages, so it is never posted where others read, and every platform sends files there.
 */
function privately(deliveries: Delivery[], actor: User, i18n: Translator): Delivery[] {
  if (!deliveries.some(holdsFile)) return deliveries;
  const out = deliveries.map((d): Delivery => (holdsFile(d) ? { to: 'user', user: actor, view: d.view, asked: true } : d));
  // Every command answers its asker: where the file went, when nothing else does.
  if (!out.some((d) => d.to === 'asker')) out.push({ to: 'asker', view: view(i18n.locale, [text(i18n.t('delivery.fileInDm'))]) });
  return out;
}

/** Whether an answer for the asker holds a file. */
function holdsFile(d: Delivery): boolean {
  return d.to === 'asker' && d.view.blocks.some((b) => b.type === 'file');
}

/** The longest command line read: the longest free text, and room for the command words, options and names. */
const MAX_INPUT = MAX_TEXT + 1_000;

/** A translator is a few closures over its locale; every command needs one, so each locale's is made once. */
const translators = new Map<Locale, Translator>();
function translatorFor(locale: Locale): Translator {
  let i18n = translators.get(locale);
  if (!i18n) {
    i18n = translator(locale);
    translators.set(locale, i18n);
  }
  return i18n;
}

/** Reads a command's arguments and checks them against its schema; a mistake names the usage. */
function parseArgs(def: CommandDef, cursor: Cursor): unknown {
  try {
    const raw = def.parse(cursor);
    const extra = cursor.peek();
    if (extra) throw new UserError('error.unexpected', { value: extra.value.slice(0, 40) });
    const checked = def.schema.safeParse(raw);
    if (!checked.success) throw new UserError('error.missing');
    return checked.data;
  } catch (e) {
    if (e instanceof UserError && !e.options.usage) throw new UserError(e.key, e.params, { ...e.options, usage: def.help });
    throw e;
  }
}

/**
 * Reads what may come before a command's words: `/plc` or `plc`, then `in <community>`. Undefined when `in` names
 * nothing (the command is refused for it).
 */
function beforeCommand(cursor: Cursor): { named: string | null } | undefined {
  cursor.accept('/plc', 'plc');
  if (!cursor.accept('in')) return { named: null };
  const community = cursor.next();
  return community ? { named: community.value } : undefined;
}
