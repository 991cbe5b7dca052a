/** What one console line asks for. */
export type ConsoleInput =
  | { kind: 'meta'; name: 'as' | 'in' | 'lang' | 'tz' | 'clock' | 'help'; arg: string }
  | { kind: 'command'; text: string; mentions: string[] }
  | { kind: 'unknownMeta'; name: string }
  | { kind: 'chatter'; text: string }
  | { kind: 'blank' };

const META = new Set(['as', 'in', 'lang', 'tz', 'clock', 'help']);

/** Reads one line typed into the console. */
export function parseLine(line: string): ConsoleInput {
  const trimmed = line.trim();
  if (!trimmed) return { kind: 'blank' };
  if (trimmed.startsWith(':')) {
    const m = /^:(\S+)\s*(.*)$/s.exec(trimmed);
    const name = (m?.[1] ?? '').toLowerCase();
    if (!META.has(name)) return { kind: 'unknownMeta', name };
    return { kind: 'meta', name: name as 'as', arg: (m?.[2] ?? '').trim() };
  }
  const command = /^\/?plc(?:\s+|$)(.*)$/is.exec(trimmed);
  if (command) return { kind: 'command', ...mentionsToCore(command[1] ?? '') };
  return { kind: 'chatter', text: trimmed };
}

/**
 * Console people are `@name`; the core takes mentions as `<@id|name>`, and only those the console itself
 * made from `@name` count as mentions: a `<@…>` typed as such is text. The console vouches for every `@name`
 * (creating the person on first mention is its design: it is one person's local simulation of a school, where
 * whoever types can already act as anyone with `:as`, and a name is the id, so no mention can rename anyone).
 */
export function mentionsToCore(text: string): { text: string; mentions: string[] } {
  const mentions: string[] = [];
  const out = text.replace(/<@/g, '<\u200b@').replace(/(^|[\s(])@([\p{L}\p{N}_.-]{1,64})/gu, (_, before: string, name: string) => {
    mentions.push(name);
    return `${before}<@${name}|${name}>`;
  });
  return { text: out, mentions: [...new Set(mentions)] };
}
