import type { Driver, Seen } from '../conversation/driver.js';
import { sentToTeams, teamsDriver } from '../conversation/teams-driver.js';
import { testApp } from '../support/app.js';
import { answerText, run } from '../support/bot.js';
import { seen } from './card-page.js';

// biome-ignore lint/suspicious/noExplicitAny: cards are the plain JSON Teams receives.
type Json = any;

/** The bot on Teams, driven through its real adapter, with the cards it sent along the way. */
export interface TeamsBot {
  driver: Driver;
  /** Runs `act` and resolves with the last Adaptive Card the bot sent or answered an invoke with meanwhile. */
  lastCard(act: () => Promise<Seen[]>): Promise<Json>;
}

/**
 * One view as a person meets it in Teams. Every case is also checked for what every card must do at phone
 * width (no text cut off or outside the card, no sideways scrolling). Add the views of new capabilities here.
 */
export interface CardCase {
  /** The screenshot's name, `test/artifacts/<name>.png`. */
  name: string;
  /** Brings a fresh bot to the view through the Teams adapter and resolves with the card a person is shown. */
  show(bot: TeamsBot): Promise<Json>;
  /** Texts a person must be able to read on the card, as written. */
  visible?: () => string[];
  /** Choices a person must be able to see and pick, each one. */
  choices?: string[];
  /** The card must read right to left, with its commands drawn in their logical order. */
  rtl?: boolean;
}

/** Runs one case's bot: a Teams adapter on loopback with its own SQLite file. */
export async function withTeamsBot<T>(use: (bot: TeamsBot) => Promise<T>): Promise<T> {
  const driver = await teamsDriver();
  const bot: TeamsBot = {
    driver,
    async lastCard(act) {
      const from = sentToTeams.length;
      await act();
      const cards = sentToTeams
        .slice(from)
        .flatMap((s) => s.activity.attachments ?? [])
        .filter((a: Json) => a.contentType === 'application/vnd.microsoft.card.adaptive')
        .map((a: Json) => a.content);
      if (cards.length === 0) throw new Error('the bot sent no card');
      return cards[cards.length - 1];
    },
  };
  try {
    return await use(bot);
  } finally {
    await driver.close();
  }
}

/** The `<placeholders>` of `help` as the console prints it: the core's own text, the same on every platform. */
export function helpPlaceholders(locale?: string): string[] {
  const app = testApp();
  try {
    // The first command in a workspace also answers with a note to its first coordinator: the second is help alone.
    run(app, 'ana', 'help', { channel: null, locale });
    const text = seen(answerText(run(app, 'ana', 'help', { channel: null, locale })));
    return [...new Set(text.match(/<[^<>\n]+>/g) ?? [])];
  } finally {
    void app.dispose();
  }
}

/** What the console answers a command in a community's channel: the core's own words for it. */
function consoleAnswer(command: string): string {
  const app = testApp();
  try {
    run(app, 'carla', 'create Grade 5 Mathematics', { channel: 'math' });
    return answerText(run(app, 'carla', command, { channel: 'math' }));
  } finally {
    void app.dispose();
  }
}

/** Nine communities with names as long as schools give them. */
export const NINE_COMMUNITIES = [
  'Grade 1 Reading',
  'Grade 2 Mathematics',
  'Grade 3 Science and Nature',
  'Grade 4 Writing Workshop',
  'Grade 5 Mathematics',
  'Middle School Music',
  'Special Education Team',
  'Physical Education',
  'New Teachers Circle',
];

export const CARD_CASES: CardCase[] = [
  {
    name: 'help',
    show: (bot) => bot.lastCard(() => bot.driver.send('ana', 'help', { channel: null })),
    visible: () => helpPlaceholders(),
  },
  {
    name: 'meeting-reminder',
    async show(bot) {
      const say = (user: string, command: string) => bot.driver.send(user, command, { channel: 'math' });
      await say('carla', 'create Grade 5 Mathematics');
      for (const p of ['ana', 'ben', 'dora']) await say(p, 'join');
      await say('carla', 'schedule weekly wed 15:30 where Room 12 (library)');
      await say('ana', 'agenda add Fractions: which exit tickets showed the misconception?');
      await say('ben', 'rsvp yes');
      // The school year starts on a Tuesday at 08:00 UTC; the 24-hour reminder is due that afternoon.
      return bot.lastCard(() => bot.driver.advance(9 * 3_600_000));
    },
    visible: () => ['Room 12 (library)', 'Fractions: which exit tickets showed the misconception?'],
  },
  {
    name: 'agenda-form-refused',
    async show(bot) {
      await bot.driver.send('carla', 'create Grade 5 Mathematics', { channel: 'math' });
      const [form] = await bot.driver.send('carla', 'agenda add', { channel: 'math' });
      const field = form?.form?.fields[0];
      if (!form || !field) throw new Error('agenda add showed no form');
      return bot.lastCard(() => bot.driver.submit('carla', form, { [field]: '' }));
    },
    visible: () => [seen(consoleAnswer('agenda add --').split('\n')[0] ?? '')],
  },
  {
    name: 'community-picker-9',
    async show(bot) {
      for (const [i, name] of NINE_COMMUNITIES.entries()) await bot.driver.send('carla', `create ${name}`, { channel: `c${i + 1}` });
      return bot.lastCard(() => bot.driver.send('carla', 'members', { channel: null }));
    },
    choices: NINE_COMMUNITIES,
  },
  {
    name: 'help-ar',
    show: (bot) => bot.lastCard(() => bot.driver.send('ana', 'help', { channel: null, locale: 'ar' })),
    visible: () => helpPlaceholders('ar'),
    rtl: true,
  },
];
