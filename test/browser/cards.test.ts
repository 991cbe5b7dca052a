import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CardPage, PHONE_WIDTH } from './card-page.js';
import { ARTIFACTS, describeInChromium, launchChromium } from './chromium.js';
import { CARD_CASES, withTeamsBot } from './views.js';

describeInChromium('Teams cards in Microsoft’s Adaptive Cards renderer, at phone width', () => {
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let page: CardPage;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    chromium = await launchChromium(PHONE_WIDTH);
    page = await CardPage.open(chromium.browser);
  });
  afterAll(async () => {
    await page?.close();
    await chromium?.close();
  });

  for (const c of CARD_CASES) {
    it(`${c.name}: a person can read and use all of it (test/artifacts/${c.name}.png)`, async () => {
      const card = await withTeamsBot((bot) => c.show(bot), c.env, { introduce: c.introduce });
      const shown = await page.render(card);
      await page.screenshot(join(ARTIFACTS, `${c.name}.png`));

      expect(shown.parseEvents, 'what the renderer reported while parsing').toEqual([]);
      expect(shown.width).toBeLessThanOrEqual(PHONE_WIDTH);
      expect(shown.overflows, 'text cut off or outside the card').toEqual([]);
      const visible = c.visible?.() ?? [];
      if (c.visible) expect(visible.length, 'the case names what must be visible').toBeGreaterThan(0);
      for (const text of visible) expect(shown.text, `“${text}” is visible`).toContain(text);
      for (const choice of c.choices ?? []) expect(await page.unreachable(choice), `“${choice}” can be seen and picked`).toBeNull();
      expect(shown.images.map((i) => i.problem).filter(Boolean), 'images outside the card or without alt text').toEqual([]);
      expect(shown.images.length, 'the images a person is shown').toBe(c.images?.length ?? 0);
      for (const [i, alt] of (c.images ?? []).entries()) expect(shown.images[i]?.alt, 'the image’s alt text').toContain(alt);
      if (c.rtl) {
        expect(shown.direction).toBe('rtl');
        // There is code to check: a command, or an item's number.
        expect(shown.text).toMatch(/plc |#\d+/);
        expect(shown.scrambled.join('\n'), 'commands drawn out of their logical order').toBe('');
      }
    });
  }
});

describeInChromium('The checks themselves, on cards made to fail them', () => {
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let page: CardPage;
  beforeAll(async () => {
    chromium = await launchChromium(PHONE_WIDTH);
    page = await CardPage.open(chromium.browser);
  });
  afterAll(async () => {
    await page?.close();
    await chromium?.close();
  });

  const card = (text: string) => ({
    type: 'AdaptiveCard',
    version: '1.5',
    rtl: true,
    body: [{ type: 'TextBlock', text, wrap: true }],
  });

  it('sees a command that bidi reorders, and passes one wrapped in directional isolates', async () => {
    const bare = await page.render(card('• plc lang <en|de|da|nl|ar> — اختر اللغة التي أتحدث بها معك.'));
    expect(bare.scrambled).toEqual(['plc lang <en|de|da|nl|ar>']);
    const isolated = await page.render(
      card('• \u2066plc schedule <الإيقاع> [duration <الدقائق>]\u2069 — حدّد متى يجتمع المجتمع، مثل «\u2066weekly tue 15:30\u2069».'),
    );
    expect(isolated.scrambled).toEqual([]);
    expect(isolated.direction).toBe('rtl');
  });

  it('sees buttons past a row of six, and labels cut short, as unreachable', async () => {
    const names = [
      'Grade 1 Reading',
      'Grade 2 Mathematics',
      'Grade 3 Science',
      'Grade 4 Writing',
      'Grade 5 Math',
      'Music',
      'Special Education',
      'PE',
      'New Teachers',
    ];
    const shown = await page.render({
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'ActionSet', actions: names.map((title) => ({ type: 'Action.Execute', title, verb: 'plc', data: {} })) }],
    });
    expect(await page.unreachable('New Teachers')).toBe('“New Teachers” is not on the card');
    expect(shown.overflows.length).toBeGreaterThan(0);
  });
});
