import { z } from 'zod/v4';
import type { HomeSection } from '../capability.js';
import type { Translator } from '../i18n/translate.js';
import type { Logger } from '../log.js';
import type { Clock } from '../ports.js';
import type { ReactionBus } from '../reactions.js';
import type { Community, Role } from '../store/communities.js';
import type { Store } from '../store/store.js';
import type { User, UserProfile } from '../store/users.js';
import type { Workspace } from '../store/workspaces.js';
import type { View } from '../views/view.js';
import type { Cursor } from './cursor.js';

/**
 * Who may run a command. `member` (any role, guests too), `participant` (a member who is not a guest) and
 * `lead` are about the community the command is for; coordinators pass every level.
 */
export type Access = 'anyone' | 'member' | 'participant' | 'lead' | 'coordinator';

/** Where a command was typed, in the platform's ids. */
export interface Place {
  /** The channel or group conversation; null in a direct message. */
  channel: string | null;
  channelName: string | null;
  /**
   * True when the command as typed is itself a post that others read: a Teams message in a channel. A Slack
   * slash command, a form's submission and a button press are seen by nobody else. Commands that take private
   * text (`reflect`, `observe feedback`) refuse it here before anything is stored, and offer their form in a DM.
   */
  seenByOthers?: boolean;
}

/** A person a command mentions, as the adapter's platform vouched for them. */
export interface MentionedPerson {
  externalId: string;
  /**
   * What the platform says about them: the only source of their name, never the mention's label. Null when
   * the platform could not be asked just now; the mention then stands only for someone the bot has met.
   */
  profile: UserProfile | null;
}

/**
 * A message someone saves with a message action (Slack's "Save to PLC library" shortcut, Teams' message
 * extension), as their platform handed it over: never typed, so nobody can claim another person wrote something.
 */
export interface SavedMessage {
  /** The message as plain text (the adapter has turned the platform's markup into text). */
  text: string;
  /** Who wrote it, as the platform vouched for them; null when the platform did not say (an app's post). */
  author: MentionedPerson | null;
}

/** One message the core wants sent, in answer to a command or on a schedule. */
export type Delivery =
  | { to: 'asker'; view: View }
  | { to: 'channel'; community: Community; view: View; thread?: string }
  /** `asked`: the person asked for it just now (an export), so it goes even while they are paused. */
  | { to: 'user'; user: User; view: View; asked?: boolean };

/** Everything a handler needs about one command: who, where, for which community, in which language. */
export interface Context {
  store: Store;
  clock: Clock;
  workspace: Workspace;
  actor: User;
  place: Place;
  /** The actor's language for answers. */
  i18n: Translator;
  /** How commands are typed on this platform: `/plc` or `plc`. */
  prefix: string;
  /** The default time zone for new communities. */
  defaultTz: string;
  /** The community the command is for (set when the command's `community` is not `none`). */
  community: Community | null;
  /** The actor's role in that community, if a member. */
  role: Role | null;
  /** Milliseconds since the epoch, read once per command from the clock. */
  now: number;
  /** The command as typed after `/plc`, for buttons that repeat it. */
  commandText: string;
  /**
   * The community named with `in <community>` before the command, as typed: a command that finds its community
   * itself (`community: 'none'`, such as `status`) reads it here.
   */
  named?: string | null;
  /** The people the command mentions whom the platform vouched for (see `Inbound.mentions`). */
  mentions: readonly MentionedPerson[];
  /** The message a message action was used on, when the command came from one (see `Inbound.saved`). */
  saved?: SavedMessage | null;
  log: Logger;
  /** The capabilities' reactions to what a command changed about people (a leave, a role, a pause). */
  reactions: ReactionBus;
  /** The sections the capabilities add to the home view, in capability order. */
  homeSections: readonly HomeSection[];
}

/** A command of the command language: its words, grammar, permissions and handler. */
export interface CommandDef<A = unknown> {
  /** The command words, e.g. `['agenda', 'add']`. */
  words: readonly string[];
  /** The help entry it belongs to: `cmd.<help>.usage` and `cmd.<help>.summary`. */
  help: string;
  access: Access;
  /** True for commands that only read: they run without a write transaction. */
  readOnly?: boolean;
  /** Whether the command is about a community, and so needs one resolved. */
  community: 'none' | 'required';
  /**
   * How it treats an archived community (named with `in <community>`): `reads` lets it run there (it only shows
   * history; `readOnly` commands do so without saying), `only` is for archived communities alone (`restore`).
   * Without either, an archived community is refused with a word on how to read it.
   */
  archived?: 'reads' | 'only';
  /** The shape of the parsed arguments; checked after `parse`. */
  schema: z.ZodType<A>;
  /** Reads the arguments after the command words; throws a UserError on bad input. */
  parse(c: Cursor): unknown;
  /**
   * Loads, decides and stores, synchronously: it runs inside the command's SQLite transaction. Slow or remote
   * work goes to the scheduler (a job due now) or into the deliveries, which are sent after the commit.
   */
  run(ctx: Context, args: A): Delivery[];
}

/** Declares a command with its argument type inferred from the schema. */
export function command<S extends z.ZodType>(def: Omit<CommandDef<z.infer<S>>, 'schema'> & { schema: S }): CommandDef<z.infer<S>> {
  return def as CommandDef<z.infer<S>>;
}

/** The grammar of a command that takes no arguments: anything after its words is refused. */
export const noArguments = { schema: z.object({}), parse: () => ({}) };

/** An answer to the asker only. */
export const answer = (view: View): Delivery => ({ to: 'asker', view });
