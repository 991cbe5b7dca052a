import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { HttpServer } from '../../adapters/http/server.js';
import { createTeams } from '../../adapters/teams/index.js';
import { type TestApp, testApp } from '../support/app.js';
import { answerText, run } from '../support/bot.js';
import { seen } from './card-page.js';
import { ARTIFACTS, describeInChromium, launchChromium } from './chromium.js';
import { type Playground, startPlayground } from './playground.js';
import { helpPlaceholders } from './views.js';

/** The Playground's signed-in person and the bot's name in it (its built-in configuration). */
const ME = 'Alex Wilber';
const BOT_NAME = 'Test Bot';
const COMMUNITY = 'Grade 5 Mathematics';

/** What the console shows for the same story, told by the same person: the core's own words to look for. */
function consoleStory() {
  const app = testApp();
  try {
    const say = (text: string) => answerText(run(app, ME, text, { channel: 'general' }));
    say('help');
    const created = say(`create ${COMMUNITY}`);
    say('schedule weekly wed 15:30');
    const before = say('next').split('\n');
    // The button's line reads `[label] /plc rsvp yes #n`.
    const yes = before.map((l) => /^\[(.+)\] \/plc rsvp yes\b/.exec(l)?.[1]).find(Boolean);
    say('rsvp yes');
    const after = say('next').split('\n');
    // The lines that the press changes, without their label: what the next card must show.
    const changed = after.filter((l) => !before.includes(l)).map((l) => l.slice(l.indexOf(': ') + 2));
    if (!yes || changed.length === 0) throw new Error(`the console story has no RSVP button or no change:\n${after.join('\n')}`);
    return { created: seen(created.split('\n')[0] ?? ''), yes, changed };
  } finally {
    void app.dispose();
  }
}

const invisible = /[\u200b-\u200f\u2060\u2066-\u2069\ufeff]/g;
type InPage = { document: { querySelectorAll(s: string): ArrayLike<{ innerText: string }> } };

/**
 * How long a card may take to show. Alone it takes a second or two; beside the rest of the suite on a 2-core
 * machine, Chromium, the Playground and the bot share the cores with other test files, and 15 s was seen too short.
 */
const PATIENCE = 30_000;

/** The text of every Adaptive Card on the Playground's page, as a person reads it. */
const cardTexts = (page: Page) =>
  page.evaluate(() => Array.from((globalThis as unknown as InPage).document.querySelectorAll('.ac-adaptiveCard'), (c) => c.innerText));

/** Waits until some card on the page shows `text`; fails with the cards' text. */
async function cardShowing(page: Page, text: string): Promise<string> {
  let last: string[] = [];
  try {
    await expect
      .poll(
        async () => {
          last = (await cardTexts(page)).map((t) => t.replace(invisible, ''));
          return last.some((t) => t.includes(text));
        },
        { timeout: PATIENCE, message: `a card showing “${text}”` },
      )
      .toBe(true);
  } catch (e) {
    // What the page showed instead, to tell a late card from a wrong one.
    await page.screenshot({ path: join(ARTIFACTS, 'playground-missing-card.png'), fullPage: true }).catch(() => undefined);
    const shown = (
      await page
        .locator('body')
        .innerText()
        .catch(() => '')
    ).slice(-3000);
    throw new Error(`${(e as Error).message}\ncards: ${JSON.stringify(last)}\npage text (last 3,000 characters):\n${shown}`);
  }
  return last.find((t) => t.includes(text)) as string;
}

describeInChromium('Teams in Microsoft 365 Agents Playground, offline', () => {
  let app: TestApp;
  let http: HttpServer;
  let playground: Playground;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  let story: ReturnType<typeof consoleStory>;
  const offNetwork: string[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    story = consoleStory();
    // The Teams adapter without MICROSOFT_APP_ID: its local mode for the Emulator and the Playground.
    app = testApp({ env: { ADAPTERS: 'teams' } });
    http = new HttpServer({ log: app.log, healthy: () => true });
    createTeams(app, http);
    const port = await http.listen(0, '127.0.0.1');
    playground = await startPlayground(`http://127.0.0.1:${port}/api/messages`);
    chromium = await launchChromium(1280);
    page = await chromium.browser.newPage();
    // The page asks Microsoft's CDN for Segoe UI; nothing leaves this machine, and it falls back to local fonts.
    await page.route(/^https?:/, (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1' || url.hostname === 'localhost') return route.continue();
      offNetwork.push(url.href);
      return route.abort();
    });
    page.setDefaultTimeout(20_000);
    // Not waiting for `load`: that waits on the CDN requests above; the chat list shows once the app has started.
    await page.goto(playground.url, { waitUntil: 'domcontentloaded' });
    await page.getByText('Personal Chat', { exact: true }).waitFor();
  });
  afterAll(async () => {
    await chromium?.close();
    await playground?.stop();
    await http?.close();
    await app?.dispose();
  });

  /** Types into the personal chat's compose box and sends. */
  async function sayInChat(text: string) {
    await page.getByText('Personal Chat', { exact: true }).click();
    await page.getByRole('textbox').last().click();
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
  }

  /** Starts a post in the channel that @mentions the bot, picked from the Playground's typeahead as in Teams. */
  async function postMentioning(text: string) {
    await page.getByText('General', { exact: true }).click();
    await page.getByRole('textbox').first().click();
    await page.keyboard.type('@');
    await page.locator('#typeahead-menu').getByRole('menuitem', { name: BOT_NAME }).click();
    await page.keyboard.type(` ${text}`);
    await page.getByRole('button', { name: 'Post', exact: true }).click();
  }

  it('answers plc help in the personal chat with every placeholder visible', { timeout: 2 * PATIENCE }, async () => {
    await sayInChat('plc help');
    const placeholders = helpPlaceholders();
    expect(placeholders.length).toBeGreaterThan(5);
    const help = await cardShowing(page, placeholders[placeholders.length - 1] as string);
    for (const p of placeholders) expect(help, `“${p}” is visible`).toContain(p);
    await page.screenshot({ path: join(ARTIFACTS, 'playground-help.png'), fullPage: true });
  });

  it('creates a community in a channel from a post that @mentions the bot', { timeout: 2 * PATIENCE }, async () => {
    await postMentioning(`create ${COMMUNITY}`);
    await cardShowing(page, story.created);
    const workspace = app.store.workspaces.find('teams', '00000000-0000-0000-0000-0000000000001');
    expect(workspace && app.store.communities.findByName(workspace.id, COMMUNITY)?.channel).toBeTruthy();
    await page.screenshot({ path: join(ARTIFACTS, 'playground-create.png'), fullPage: true });
  });

  it('answers a card button in a channel without a reply there for everyone', { timeout: 2 * PATIENCE }, async () => {
    await postMentioning('schedule weekly wed 15:30');
    await postMentioning('next');
    const button = page.getByRole('button', { name: story.yes, exact: true });
    await expect.poll(() => button.count(), { timeout: PATIENCE }).toBe(1);
    const cards = (await cardTexts(page)).length;
    const invokes = () => page.getByText(/User Application invoke 200/).count();
    const before = await invokes();
    await button.click();
    // The bot sends its replies before it answers the invoke, so once the log shows the answer, all is there.
    await expect.poll(invokes, { timeout: PATIENCE }).toBeGreaterThan(before);
    // The log's count can move for another invoke of the Playground's; the press itself is done once it is stored.
    const rsvps = () => (app.store.db.prepare("SELECT COUNT(*) AS n FROM rsvps WHERE answer = 'yes'").get() as { n: number }).n;
    await expect.poll(rsvps, { timeout: PATIENCE }).toBe(1);
    await page.screenshot({ path: join(ARTIFACTS, 'playground-rsvp-pressed.png'), fullPage: true });
    expect((await cardTexts(page)).length, 'cards in the channel after the press').toBe(cards);
  });

  it('records the RSVP the button sent, as the next card shows', { timeout: 2 * PATIENCE }, async () => {
    await postMentioning('next');
    for (const line of story.changed) await cardShowing(page, seen(line));
    await page.screenshot({ path: join(ARTIFACTS, 'playground-rsvp.png'), fullPage: true });
  });

  it('worked with nothing from the network: only Segoe UI and Fluent’s animation script were asked of a CDN', () => {
    const expected = (u: string) => /\/assets\/(fonts\/.+\.woff2?|animations\/flair\/flair\.min\.js)$/.test(new URL(u).pathname);
    expect(offNetwork.filter((u) => !expected(u))).toEqual([]);
  });
});
