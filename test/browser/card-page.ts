import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { TEAMS_LIGHT_HOST_CONFIG } from './teams-light.js';

// biome-ignore lint/suspicious/noExplicitAny: cards are the plain JSON Teams receives.
type Json = any;

/** Microsoft's Adaptive Cards renderer, loaded into the page from node_modules (never from a CDN). */
const RENDERER = createRequire(import.meta.url).resolve('adaptivecards/dist/adaptivecards.min.js');

/** What the page runs beside the renderer: test/browser/in-page.js. */
const IN_PAGE = join(import.meta.dirname, 'in-page.js');

/** The functions in-page.js puts on the page's window (named inside each evaluated function, which runs there). */
type InPage = { plcRender(card: Json, hostConfig: unknown): Rendered; plcChoiceShown(choice: string): string | null };

/** The width of a phone, the narrowest Teams client. */
export const PHONE_WIDTH = 360;

/** Characters nobody sees: zero-width spaces and joiners, the word joiner, directional isolates and marks. */
const INVISIBLE = /[\u200b-\u200f\u2060\u2066-\u2069\ufeff]/g;
/** Text as a person reads it off the screen. */
export const seen = (text: string): string => text.replace(INVISIBLE, '');

/** What a rendered card shows, measured in the page. */
export interface Rendered {
  /** The card's visible text, invisible characters removed. */
  text: string;
  /** The width of the card on screen, in CSS pixels. */
  width: number;
  /** The card's computed direction. */
  direction: string;
  /** Every piece of text that is cut off or sticks out of the card, as "what: text". */
  overflows: string[];
  /** Runs of code (commands, placeholders, dates: left-to-right text) whose characters are not drawn left to right. */
  scrambled: string[];
  /**
   * The card's images: their alt text (what a person is told when the image cannot load, as here where the
   * page may reach no network) and what is wrong with one (no alt text, drawn outside the card).
   */
  images: { alt: string; src: string; problem: string | null }[];
  /** What `adaptivecards` reported while parsing the card (unknown elements, version problems). */
  parseEvents: string[];
}

/**
 * One page of headless Chromium that renders Adaptive Cards the way Teams light does, at phone width. Text is
 * drawn as adaptivecards draws it when its host gives it no markdown processor (markdown-it is not among the
 * project's packages), so a markdown escape shows as typed here; the Agents Playground test sees the markdown
 * as a Teams client renders it.
 */
export class CardPage {
  private constructor(private readonly page: Page) {}

  static async open(browser: BrowserContext): Promise<CardPage> {
    const page = await browser.newPage();
    await page.setViewportSize({ width: PHONE_WIDTH, height: 800 });
    // Nothing may come from the network: the renderer is injected from the file, the page is written here.
    await page.route(/^https?:/, (route) => route.abort());
    await page.setContent(
      '<!doctype html><html><head><meta charset="utf-8"></head><body style="margin:0"><div id="card"></div></body></html>',
    );
    await page.addScriptTag({ path: RENDERER });
    await page.addScriptTag({ path: IN_PAGE });
    return new CardPage(page);
  }

  /** Renders a card and measures what a person sees of it. */
  async render(card: Json): Promise<Rendered> {
    return this.page.evaluate(([card, hostConfig]) => (globalThis as unknown as InPage).plcRender(card, hostConfig), [
      card,
      TEAMS_LIGHT_HOST_CONFIG,
    ] as const);
  }

  /**
   * Whether a person can see and pick a choice: a visible option of a drop-down that selects when chosen, or
   * a visible button or label, inside the card and not cut off. Answers why not, or null when it can.
   */
  async unreachable(choice: string): Promise<string | null> {
    const select = this.page.locator('#card select').filter({ has: this.page.locator('option', { hasText: choice }) });
    if ((await select.count()) > 0) {
      const menu = select.first();
      if (!(await menu.isVisible()) || !(await menu.isEnabled())) return `the drop-down holding “${choice}” cannot be used`;
      const options = menu.locator('option');
      const labels = await options.allTextContents();
      const index = labels.findIndex((o) => seen(o).trim() === choice);
      if (index < 0) return `“${choice}” is not one of the drop-down's options (${labels.join(', ')})`;
      const value = await options.nth(index).getAttribute('value');
      await menu.selectOption({ index });
      const picked = await menu.inputValue();
      return picked === value ? null : `choosing “${choice}” selected the option “${picked}”`;
    }
    return this.page.evaluate((choice) => (globalThis as unknown as InPage).plcChoiceShown(choice), choice);
  }

  async screenshot(path: string): Promise<void> {
    await this.page.locator('#card').screenshot({ path });
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}
