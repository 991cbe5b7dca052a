import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/translate.js';
import { type Driver, textsTo } from './driver.js';

/**
 * The conversation every adapter must hold: the same story, told through each platform's real entry point.
 * Later capabilities add their chapters here, so a capability that works in the console and not in Teams fails.
 */
export function conversationSuite(makeDriver: () => Promise<Driver>): void {
  describe('a community forms', () => {
    let bot: Driver;
    beforeAll(async () => {
      bot = await makeDriver();
    });
    afterAll(async () => {
      await bot.close();
    });

    it('makes the first person the coordinator and lets them create a community in the channel', async () => {
      const seen = await bot.send('carla', 'create Math', { channel: 'math' });
      const answer = textsTo(seen, 'asker');
      expect(answer).toContain(t('en', 'create.done', { community: 'Math' }));
      expect(answer).toContain('coordinator');
    });

    it('lets a teacher join from the channel and see the members', async () => {
      expect(textsTo(await bot.send('ana', 'join', { channel: 'math' }), 'asker')).toContain('Welcome to Math!');
      const members = textsTo(await bot.send('ana', 'members', { channel: 'math' }), 'asker');
      expect(members).toContain('Math: 2 members');
      expect(members).toMatch(/carla · lead/);
      expect(members).toMatch(/ana · member/);
    });

    it('refuses a member who tries to hand out roles, and lets the lead do it', async () => {
      expect(textsTo(await bot.send('ana', 'role @ben coach', { channel: 'math' }), 'asker')).toContain(
        'Only a lead of Math or a coordinator can do that.',
      );
      expect(textsTo(await bot.send('carla', 'role @ben coach', { channel: 'math' }), 'asker')).toMatch(/ben joined Math as coach/);
    });

    it('answers an unknown command with a suggestion, not a crash', async () => {
      const answer = textsTo(await bot.send('ana', 'memebrs', { channel: 'math' }), 'asker');
      expect(answer).toContain('I don’t know the command “memebrs”.');
      expect(answer).toContain('Did you mean');
    });

    it('speaks the language a teacher chooses', async () => {
      await bot.send('ana', 'lang de', { channel: null });
      const help = textsTo(await bot.send('ana', 'help', { channel: null }), 'asker');
      expect(help).toContain(t('de', 'help.title'));
      const arabic = textsTo(await bot.send('ben', 'lang ar', { channel: null }), 'asker');
      expect(arabic).toContain(t('ar', 'lang.set'));
    });
  });
}
