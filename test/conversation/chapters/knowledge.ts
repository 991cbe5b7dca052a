import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Driver, messagesTo, onlyTo, textsTo } from '../driver.js';

const HOUR = 3_600_000;

/**
 * The community's knowledge on every adapter: a library shared into and paged through, a pinned resource, the
 * team's norms at the head of a meeting reminder, one search, and Friday's "New in the library" note.
 */
export function knowledgeChapter(makeDriver: () => Promise<Driver>): void {
  describe('a community builds up its knowledge', () => {
    let bot: Driver;
    const refs: string[] = [];
    const say = (user: string, command: string) => bot.send(user, command, { channel: 'reading' });

    beforeAll(async () => {
      bot = await makeDriver();
      await say('carla', 'create Reading');
      await say('ana', 'join');
      await say('ben', 'join');
      await say('carla', 'role @cura curator');
    });
    afterAll(async () => {
      await bot.close();
    });

    it('shares links and lesson ideas into the library, and refuses a javascript: link', async () => {
      const first = textsTo(await say('ana', 'share #fractions https://example.org/exit-tickets Exit tickets for fractions'), 'asker');
      expect(first).toMatch(/Added to the library of Reading as #\d+\./);
      refs.push(/#(\d+)/.exec(first)?.[1] ?? '');
      for (let i = 2; i <= 11; i++) {
        const answer = textsTo(await say('ben', `share Lesson idea ${i}: a picture walk before reading`), 'asker');
        refs.push(/#(\d+)/.exec(answer)?.[1] ?? '');
      }
      expect(textsTo(await say('ana', 'share javascript:alert(1)'), 'asker')).toContain('not a “javascript:” link');
    });

    it('lists the library ten at a time, with More for the rest', async () => {
      const page = onlyTo(await say('ben', 'resources'), 'asker');
      expect(page.text).toContain('Library of Reading');
      expect(page.text).toContain('1–10 of 11');
      expect(page.text).toContain('Lesson idea 11');
      expect(page.text).not.toContain('Exit tickets for fractions');
      const rest = textsTo(await bot.press('ben', page, 'More'), 'asker');
      expect(rest).toContain('Exit tickets for fractions');
      expect(rest).toContain('11–11 of 11');
    });

    it('lets a curator pin a resource to the top, and not a member', async () => {
      expect(textsTo(await say('ben', `resource pin #${refs[0]}`), 'asker')).toContain(
        'Only a curator or a lead of Reading can pin resources.',
      );
      expect(textsTo(await say('cura', `resource pin #${refs[0]}`), 'asker')).toContain('is pinned to the top of the library');
      const first = textsTo(await say('ben', 'resources'), 'asker');
      expect(first.indexOf('Exit tickets for fractions')).toBeGreaterThan(-1);
      expect(first.indexOf('Exit tickets for fractions')).toBeLessThan(first.indexOf('Lesson idea 11'));
    });

    it('finds what the team shared with one search', async () => {
      const found = textsTo(await say('ana', 'search fractions'), 'asker');
      expect(found).toContain('Search in Reading: fractions');
      expect(found).toContain(`#${refs[0]} · Library`);
      expect(textsTo(await say('ana', 'search "NEAR -*'), 'asker')).toContain('Nothing you can read in Reading matches that.');
    });

    it('puts the team’s norms at the head of the meeting reminder', async () => {
      await say('carla', 'norms add We start and end on time');
      await say('carla', 'schedule weekly wed 15:30');
      // Tuesday 08:00 UTC: the reminder 24 hours ahead falls due at 15:30 UTC (the community's zone is UTC).
      const reminder = messagesTo(await bot.advance(8 * HOUR), '#reading').find((s) => s.text.includes('Our norms'));
      expect(reminder?.text).toContain('Our norms: We start and end on time');
      expect(reminder?.text).toMatch(/all of them: (\/plc|plc) norms/);
    });

    it('tells the channel on Friday what is new in the library', async () => {
      const note = messagesTo(await bot.advance(4 * 24 * HOUR), '#reading').find((s) => s.text.includes('New in the library'));
      expect(note?.text).toContain('New in the library of Reading');
      expect(note?.text).toContain('11 resources were added this week:');
    });
  });
}
