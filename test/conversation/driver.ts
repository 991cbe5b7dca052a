/** One message as a person on the platform would see it. */
export interface Seen {
  /** `asker` for an answer only the sender sees; `#channel` for a channel post; `@name` for a DM. */
  to: string;
  /** The message as plain text, mentions as `@name`. */
  text: string;
  /**
   * True when the bot changed a message it had posted (Slack `chat.update`, Teams `updateActivity` or a card
   * an invoke answer replaces, the console's `(updated)` marker); false for a new post.
   */
  edited: boolean;
  /**
   * The platform's id of the message, the same for a post and every edit of it (Slack's `ts`, the Teams
   * activity id); null where the platform shows none (an ephemeral answer, the console's transcript).
   */
  id: string | null;
  /** The labels of the message's buttons, in order. */
  buttons: string[];
  /** The form the message holds or opened (a Slack modal, a card's inputs, the console's form lines). */
  form: { title: string; fields: string[] } | null;
  /**
   * The files the message brought (an export): the content as received (a Slack upload, the file the console
   * wrote, a Teams upload once accepted), or null while a Teams consent card waits: press `FILE_ACCEPT` on it.
   */
  files?: { name: string; content: string | null }[];
}

/** The label of the button that accepts a file offered for consent (Teams' "Allow" on its file consent card). */
export const FILE_ACCEPT = 'Allow';
/** The label of the button that declines it. */
export const FILE_DECLINE = 'Decline';

/** How a driver's app is set up: as a test app unless a chapter asks otherwise. */
export interface DriverOptions {
  /** The bot introduces itself in its first message to each person, as every install does (off in other chapters). */
  introduce?: boolean;
}

/** Makes a driver on a fresh app; the conversation suite is given one per adapter. */
export type MakeDriver = (options?: DriverOptions) => Promise<Driver>;

/**
 * Drives one adapter through its real entry point, as users on that platform would.
 * People are named by logical names (`ana`); the driver maps them to platform ids,
 * and mentions written `@ana` in commands to the platform's mention syntax.
 */
export interface Driver {
  readonly name: string;
  /** Sends a command (without `/plc`) as `user` in `channel` (null: a direct message). */
  send(user: string, command: string, opts?: { channel?: string | null; locale?: string }): Promise<Seen[]>;
  /**
   * Presses the button labelled `label` on a message the bot showed, as `user`, the way the platform sends a
   * press (the console: typing the command shown beside it); returns what that caused.
   */
  press(user: string, message: Seen, label: string): Promise<Seen[]>;
  /** Fills in the form a message holds or opened, fields by their label, and submits it as `user`. */
  submit(user: string, message: Seen, values: Record<string, string>): Promise<Seen[]>;
  /** Moves the clock forward, running what falls due; returns what the bot sent meanwhile. */
  advance(ms: number): Promise<Seen[]>;
  close(): Promise<void>;
}

/** The messages that went to `to`. */
export function messagesTo(seen: Seen[], to: string): Seen[] {
  return seen.filter((s) => s.to === to);
}

/** The text of every message that went to `to`. */
export function textsTo(seen: Seen[], to: string): string {
  return messagesTo(seen, to)
    .map((s) => s.text)
    .join('\n');
}

/** The one message that went to `to`; fails, naming what did arrive, when there is none or more than one. */
export function onlyTo(seen: Seen[], to: string): Seen {
  const found = messagesTo(seen, to);
  if (found.length !== 1)
    throw new Error(`expected one message to ${to}, got ${found.length}: ${JSON.stringify(seen.map((s) => [s.to, s.text.slice(0, 60)]))}`);
  return found[0] as Seen;
}

/** Throws, naming the labels there are, when a message has no button labelled `label`. */
export function missingButton(message: Seen, label: string): never {
  throw new Error(`no button “${label}” on the message to ${message.to}; it has ${JSON.stringify(message.buttons)}`);
}
