import type { App } from '../src/app.js';
import type { Inbound } from '../src/bot.js';
import type { Platform } from '../src/ports.js';
import { processCheckpointer } from '../src/store/checkpoints.js';
import { type Db, openDatabase } from '../src/store/db.js';
import { renderPlain } from '../src/views/plain.js';

/**
 * The write-path workload of `bench:slack` and `bench:teams`: what teachers post at the same moments (after
 * the Friday prompt, at the end of a meeting), from 1,000 distinct people in 50 communities. 60 % reflections
 * (a third of them shared with the team), 15 % goal check-ins, 15 % agenda items, 10 % reads (`reflections`,
 * `goals`, `next`). The people, their communities, schedules and goals are set up through the core before
 * the warm-up, so the mix measures writing, not first contact: each person's first answer there carries the bot's
 * introduction (src/first-contact.ts), and no command measured claims one.
 */
export const MIX_USERS = 1000;
export const MIX_COMMUNITIES = 50;

/** Where one benchmark person lives on the platform: their id, and the conversation their commands come from. */
export interface MixPerson {
  index: number;
  externalId: string;
  name: string;
  /** The community's channel on Slack; on Teams, the person's personal chat (a channel post would be public). */
  channel: string | null;
  community: number;
  /** Their own goal's `#n`, for check-ins. */
  goal: number;
}

/** How one platform names people and places for the workload. */
export interface MixPlatform {
  platform: Platform;
  workspace: string;
  /** The id the adapter gives the core for person `i`. */
  userId(i: number): string;
  /** The channel the adapter reports for community `k`; null when commands come from personal chats. */
  channelOf(k: number): string | null;
}

const TEXTS = [
  'Exit tickets showed that half the class still confuses numerator and denominator.',
  'Students talked more when I waited five seconds after each question.',
  'The reading groups worked; the fast group needs a harder text next week.',
  'I tried peer feedback on the lab reports: kind, specific, helpful.',
  'Three students did not hand in the homework again; I will call home.',
  'Fractions on the number line clicked for most of them today.',
];

/** Sets up the communities, their members, a weekly meeting and one goal per person; returns the people. */
export function setUpMix(app: App, p: MixPlatform): MixPerson[] {
  const send = (user: string, name: string, channel: string | null, text: string) => {
    const inbound: Inbound = {
      workspace: { platform: p.platform, externalId: p.workspace },
      user: { externalId: user, displayName: name, tz: 'Europe/Berlin' },
      place: { channel, channelName: channel },
      text,
    };
    const handled = app.bot.handle(inbound);
    const answer = handled.deliveries.map((d) => renderPlain(d.view)).join('\n');
    if (handled.refused) throw new Error(`setting up the mix: "${text}" was refused: ${answer}`);
    return answer;
  };
  const coordinator = p.userId(-1);
  // The workspace's first person became its coordinator (on Teams, one of the `help` workload's): this one is made one too.
  send(coordinator, 'coordinator', null, 'help');
  const workspace = app.store.workspaces.find(p.platform, p.workspace);
  const person = workspace ? app.store.users.findByExternal(workspace.id, coordinator) : null;
  if (!workspace || !person) throw new Error('setting up the mix: the coordinator was not stored');
  if (!person.isCoordinator) app.store.users.setCoordinator(workspace.id, person.id, true);
  for (let k = 0; k < MIX_COMMUNITIES; k++) {
    const channel = p.channelOf(k);
    send(coordinator, 'coordinator', channel, `create "Mix ${k}"`);
    send(coordinator, 'coordinator', channel, `in "Mix ${k}" schedule weekly thu 15:00`);
  }
  const people: MixPerson[] = [];
  for (let i = 0; i < MIX_USERS; i++) {
    const community = i % MIX_COMMUNITIES;
    const channel = p.channelOf(community);
    const externalId = p.userId(i);
    const name = `teacher${i}`;
    send(externalId, name, channel, `join "Mix ${community}"`);
    const added = send(externalId, name, channel, `goal add me due 2027-06-30 Ask more open questions in maths lessons (${i})`);
    const goal = Number(/#(\d+)/.exec(added)?.[1]);
    if (!Number.isInteger(goal)) throw new Error(`setting up the mix: no goal number in "${added}"`);
    people.push({ index: i, externalId, name, channel, community, goal });
  }
  return people;
}

/** The `n`-th command of the mix, for a person chosen in turn: deterministic, so every run sends the same. */
export function mixCommand(people: readonly MixPerson[], n: number): { person: MixPerson; text: string } {
  const person = people[(n * 7919) % people.length] as MixPerson;
  const roll = (n * 37) % 100;
  const words = TEXTS[n % TEXTS.length] as string;
  let text: string;
  if (roll < 60) text = roll < 20 ? `reflect team ${words}` : `reflect ${words}`;
  else if (roll < 75) text = `checkin #${person.goal} ${roll % 2 ? 'on-track' : 'at-risk'} ${40 + (n % 50)}% ${words}`;
  else if (roll < 90) text = `agenda add ${words}`;
  else text = ['reflections', 'goals', 'next'][n % 3] as string;
  return { person, text };
}

/** One SQL write for the floor: what a bare app that stores each command costs. */
export const FLOOR_TABLE = {
  version: 1,
  name: 'floor-commands',
  sql: 'CREATE TABLE commands (id INTEGER PRIMARY KEY, user_id TEXT NOT NULL, text TEXT NOT NULL, at INTEGER NOT NULL)',
};
export const FLOOR_INSERT = 'INSERT INTO commands (user_id, text, at) VALUES (?, ?, ?)';

/**
 * The floor's own SQLite file, set up as the bot's is: `openDatabase`'s pragmas, and its checkpoints on the
 * process's checkpointer thread (as Store does), so the floor's commits do not checkpoint either.
 */
export function openFloorDatabase(path: string): { db: Db; close(): void } {
  const db = openDatabase(path, [FLOOR_TABLE]);
  const release = processCheckpointer().watch(db);
  return {
    db,
    close() {
      release();
      db.close();
    },
  };
}
