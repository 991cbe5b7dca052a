/** One message as a person on the platform would see it. */
export interface Seen {
  /** `asker` for an answer only the sender sees; `#channel` for a channel post; `@name` for a DM. */
  to: string;
  /** The message as plain text, mentions as `@name`. */
  text: string;
}

/**
 * Drives one adapter through its real entry point, as users on that platform would.
 * People are named by logical names (`ana`); the driver maps them to platform ids,
 * and mentions written `@ana` in commands to the platform's mention syntax.
 */
export interface Driver {
  readonly name: string;
  /** Sends a command (without `/plc`) as `user` in `channel` (null: a direct message). */
  send(user: string, command: string, opts?: { channel?: string | null; locale?: string }): Promise<Seen[]>;
  /** Presses a button the bot showed, as `user`; returns what that caused. */
  press?(user: string, command: string, opts?: { channel?: string | null }): Promise<Seen[]>;
  /** Moves the clock forward, running what falls due; returns what the bot sent meanwhile. */
  advance(ms: number): Promise<Seen[]>;
  close(): Promise<void>;
}

/** The text of every message that went to `to`. */
export function textsTo(seen: Seen[], to: string): string {
  return seen
    .filter((s) => s.to === to)
    .map((s) => s.text)
    .join('\n');
}
