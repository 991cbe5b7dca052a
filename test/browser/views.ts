import { chartReady } from '../../src/capabilities/summaries/index.js';
import { t } from '../../src/i18n/translate.js';
import { type Driver, messagesTo, onlyTo, type Seen } from '../conversation/driver.js';
import { sentToTeams, teamsDriver } from '../conversation/teams-driver.js';
import { testApp } from '../support/app.js';
import { answerText, run } from '../support/bot.js';
import { seen } from './card-page.js';

// biome-ignore lint/suspicious/noExplicitAny: cards are the plain JSON Teams receives.
type Json = any;

/** The bot on Teams, driven through its real adapter, with the cards it sent along the way. */
export interface TeamsBot {
  driver: Driver;
  /**
   * Runs `act` and resolves with the last Adaptive Card the bot sent or answered an invoke with meanwhile; when
   * `act` resolves with one message, the card of that message.
   */
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
  /** The alt texts of the card's images: each image must be there, inside the card, with that alt text. */
  images?: string[];
  /** Adds to the bot's environment (PUBLIC_URL for a chart sent as a link). */
  env?: Record<string, string>;
  /** The bot introduces itself in its first message to each person, as an install does (off in the other cases). */
  introduce?: boolean;
}

/** Runs one case's bot: a Teams adapter on loopback with its own SQLite file. */
export async function withTeamsBot<T>(
  use: (bot: TeamsBot) => Promise<T>,
  env: Record<string, string> = {},
  options: { introduce?: boolean } = {},
): Promise<T> {
  const driver = await teamsDriver(env, options);
  const bot: TeamsBot = {
    driver,
    async lastCard(act) {
      const from = sentToTeams.length;
      const shown = await act();
      // When `act` picks one message of several (one person's DM of a round), its card is the one wanted.
      const one = shown.length === 1 ? shown[0]?.text.slice(0, 80) : undefined;
      const sent = sentToTeams.slice(from);
      const its = sent.filter((s) => s.what === one);
      const cards = (its.length > 0 ? its : sent)
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

/** The start of the chart's alt text, as summaries writes it in English. */
const CHART_ALT = 'Line chart of the attendance at meetings and the share of members who reflected';

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
  {
    // A new teacher's first answer, opened by the bot's introduction.
    name: 'first-contact',
    async show(bot) {
      // The first person in a workspace also hears that they coordinate it: Ana comes second, to a plain answer.
      await bot.driver.send('carla', 'help', { channel: null });
      return bot.lastCard(() => bot.driver.send('ana', 'lang en', { channel: null }));
    },
    visible: () => [t('en', 'intro.hello'), t('en', 'intro.observation'), t('en', 'lang.set')],
    introduce: true,
  },
  {
    name: 'first-contact-ar',
    async show(bot) {
      await bot.driver.send('carla', 'help', { channel: null });
      return bot.lastCard(() => bot.driver.send('ana', 'lang ar', { channel: null, locale: 'ar' }));
    },
    visible: () => [t('ar', 'intro.hello'), t('ar', 'intro.observation'), t('ar', 'lang.set')],
    rtl: true,
    introduce: true,
  },
  ...capabilityCases(),
];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The one message of `seen` that holds a form. */
function withForm(seen: Seen[]): Seen {
  const found = seen.find((s) => s.form);
  if (!found) throw new Error(`no form among ${JSON.stringify(seen.map((s) => [s.to, s.text.slice(0, 60)]))}`);
  return found;
}

/** A community in #math with ana and ben as members and carla as its lead. */
async function math(bot: TeamsBot, name = 'Grade 5 Mathematics'): Promise<void> {
  await bot.driver.send('carla', `create ${name}`, { channel: 'math' });
  for (const p of ['ana', 'ben']) await bot.driver.send(p, 'join', { channel: 'math' });
}

/** Pairs ana, ben and dora in #pairs; resolves with what the round sent. */
async function pairRound(bot: TeamsBot): Promise<Seen[]> {
  await bot.driver.send('carla', 'create Peer Observation', { channel: 'pairs' });
  for (const p of ['ana', 'ben', 'dora']) await bot.driver.send(p, 'join', { channel: 'pairs' });
  return bot.driver.send('carla', 'pair now', { channel: 'pairs' });
}

/** The "did it happen?" question to ana, once the visiting window of the round has closed. */
async function pairAsk(bot: TeamsBot): Promise<Seen> {
  await pairRound(bot);
  const seen = await bot.driver.advance(21 * DAY + 60_000);
  const ask = messagesTo(seen, '@ana').find((s) => s.buttons.length === 3);
  if (!ask) throw new Error('ana was not asked whether the visit happened');
  return ask;
}

/** The views of reflections, goals, pairing, knowledge, summaries and privacy, each as Teams shows it. */
function capabilityCases(): CardCase[] {
  const visibility = t('en', 'reflect.form.visibility');
  const question = t('en', 'question.prerequisites');
  return [
    {
      name: 'reflect-form',
      async show(bot) {
        await math(bot);
        return bot.lastCard(() => bot.driver.send('ben', 'reflect', { channel: null }));
      },
      visible: () => [t('en', 'reflect.form.title', { community: 'Grade 5 Mathematics' }), visibility, question],
    },
    {
      name: 'reflect-form-refused',
      async show(bot) {
        await math(bot);
        const form = onlyTo(await bot.driver.send('ben', 'reflect', { channel: null }), 'asker');
        return bot.lastCard(() => bot.driver.submit('ben', form, { [visibility]: 'team', [question]: '' }));
      },
      visible: () => [t('en', 'error.textRequired'), question],
    },
    {
      name: 'reflection-prompt',
      async show(bot) {
        await math(bot);
        await bot.driver.send('carla', 'prompts weekly wed 10:00', { channel: 'math' });
        return bot.lastCard(async () => [onlyTo(await bot.driver.advance(36 * HOUR), '@ben')]);
      },
      visible: () => [t('en', 'prompt.answer')],
    },
    {
      name: 'checkin-form',
      async show(bot) {
        await math(bot);
        await bot.driver.send('ana', 'goal add due 2026-12-01 Exit tickets in every lesson', { channel: 'math' });
        const goals = onlyTo(await bot.driver.send('ana', 'goals', { channel: null }), 'asker');
        const ref = /#\d+/.exec(goals.text)?.[0];
        if (!ref) throw new Error(`no goal in: ${goals.text}`);
        return bot.lastCard(async () => [withForm(await bot.driver.send('ana', `checkin ${ref}`, { channel: null }))]);
      },
      visible: () => [t('en', 'checkin.form.status'), t('en', 'checkin.form.percent'), t('en', 'checkin.form.evidence')],
    },
    {
      name: 'pairing-dm',
      show: (bot) => bot.lastCard(async () => [onlyTo(await pairRound(bot), '@ana')]),
      visible: () => [
        t('en', 'pairing.dm.title', { community: 'Peer Observation', ref: '#1' }),
        t('en', 'pairing.focus.questioning'),
        t('en', 'pairing.focus.ownButton'),
      ],
    },
    {
      name: 'pairing-did-it-happen',
      show: (bot) => bot.lastCard(async () => [await pairAsk(bot)]),
      choices: [t('en', 'pairing.ask.yes'), t('en', 'pairing.ask.notYet'), t('en', 'pairing.ask.no')],
    },
    {
      name: 'observation-feedback-form',
      async show(bot) {
        const ask = await pairAsk(bot);
        const offer = onlyTo(await bot.driver.press('ana', ask, t('en', 'pairing.ask.yes')), 'asker');
        return bot.lastCard(async () => [withForm(await bot.driver.press('ana', offer, t('en', 'pairing.feedback.button')))]);
      },
      visible: () => [
        t('en', 'pairing.feedback.form.title'),
        t('en', 'pairing.feedback.formGlow'),
        t('en', 'pairing.feedback.formGrow'),
        t('en', 'pairing.feedback.formNotes'),
      ],
    },
    {
      name: 'search-results',
      async show(bot) {
        await math(bot);
        await bot.driver.send('ana', 'share #fractions https://example.org/exit-tickets Exit tickets for fractions', { channel: 'math' });
        await bot.driver.send('ben', 'reflect team Fractions on a number line worked', { channel: null });
        return bot.lastCard(() => bot.driver.send('ana', 'search fractions', { channel: 'math' }));
      },
      visible: () => ['Search in Grade 5 Mathematics: fractions', 'Exit tickets for fractions'],
    },
    {
      name: 'resources',
      async show(bot) {
        await math(bot);
        await bot.driver.send('ana', 'share #fractions https://example.org/exit-tickets Exit tickets for fractions', { channel: 'math' });
        for (let i = 2; i <= 11; i++)
          await bot.driver.send('ben', `share Lesson idea ${i}: a picture walk before reading`, { channel: 'math' });
        return bot.lastCard(() => bot.driver.send('ben', 'resources', { channel: 'math' }));
      },
      visible: () => ['Library of Grade 5 Mathematics', '1–10 of 11', 'Lesson idea 11', t('en', 'list.more')],
    },
    {
      name: 'status',
      async show(bot) {
        await chartReady();
        await math(bot);
        await bot.driver.send('carla', 'schedule weekly wed 15:30', { channel: 'math' });
        await bot.driver.send('ben', 'rsvp yes', { channel: 'math' });
        await bot.driver.advance(8 * DAY);
        return bot.lastCard(() => bot.driver.send('carla', 'status', { channel: 'math' }));
      },
      visible: () => ['Grade 5 Mathematics · the last 30 days', 'Members: 3'],
    },
    {
      name: 'status-all',
      env: { PUBLIC_URL: 'https://plc.example.org' },
      async show(bot) {
        await chartReady();
        await math(bot);
        await bot.driver.send('carla', 'create Grade 2 Reading', { channel: 'reading' });
        await bot.driver.send('carla', 'schedule weekly wed 15:30', { channel: 'math' });
        await bot.driver.send('ben', 'rsvp yes', { channel: 'math' });
        await bot.driver.send('ben', 'reflect team Fractions on a number line worked', { channel: null });
        await bot.driver.advance(8 * DAY);
        return bot.lastCard(() => bot.driver.send('carla', 'status all', { channel: null }));
      },
      visible: () => ['2 communities · the last 30 days', 'All communities together:'],
      images: [CHART_ALT],
    },
    {
      name: 'new-school-year-ask',
      async show(bot) {
        await math(bot);
        await bot.driver.send('carla', 'norms add We start on time', { channel: 'math' });
        await bot.driver.send('carla', 'term start 2026-09-02 new-year Autumn term', { channel: null });
        return bot.lastCard(async () => [onlyTo(await bot.driver.advance(26 * HOUR), '@carla')]);
      },
      visible: () => ['A new school year for Grade 5 Mathematics', t('en', 'year.button.confirm')],
    },
    {
      name: 'new-school-year-ask-ar',
      async show(bot) {
        await math(bot);
        await bot.driver.send('carla', 'lang ar', { channel: null });
        await bot.driver.send('carla', 'term start 2026-09-02 new-year', { channel: null });
        return bot.lastCard(async () => [onlyTo(await bot.driver.advance(26 * HOUR), '@carla')]);
      },
      visible: () => [t('ar', 'year.button.confirm')],
      rtl: true,
    },
    {
      name: 'privacy',
      async show(bot) {
        await math(bot);
        return bot.lastCard(() => bot.driver.send('ben', 'privacy', { channel: null }));
      },
      visible: () => [t('en', 'privacy.title'), t('en', 'privacy.kept.retention', { days: 730 })],
    },
    {
      name: 'reflections-ar',
      async show(bot) {
        await math(bot);
        const ar = { channel: null, locale: 'ar' };
        await bot.driver.send('ana', 'reflect الكسور على خط الأعداد أسهل مما توقعت', ar);
        await bot.driver.send('ana', 'reflect team بطاقات الخروج أظهرت الخطأ الشائع', ar);
        return bot.lastCard(() => bot.driver.send('ana', 'reflections', ar));
      },
      visible: () => ['الكسور على خط الأعداد أسهل مما توقعت', 'بطاقات الخروج أظهرت الخطأ الشائع'],
      rtl: true,
    },
  ];
}
