import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Driver, textsTo } from '../driver.js';

/**
 * A community's life on every platform: renamed, moved to another channel (`move to here`, which every
 * platform can type), archived there and restored, with the history readable meanwhile.
 */
export function lifecycleChapter(makeDriver: () => Promise<Driver>): void {
  describe('a community changes name and channel', () => {
    let bot: Driver;
    beforeAll(async () => {
      bot = await makeDriver();
      await bot.send('carla', 'create Grade 5', { channel: 'grade5' });
      await bot.send('ana', 'join', { channel: 'grade5' });
    });
    afterAll(async () => {
      await bot.close();
    });

    it('lets the lead rename it, and refuses a member', async () => {
      expect(textsTo(await bot.send('ana', 'rename Year 5', { channel: 'grade5' }), 'asker')).toContain(
        'Only a lead of Grade 5 or a coordinator can do that.',
      );
      expect(textsTo(await bot.send('carla', 'rename Year 5', { channel: 'grade5' }), 'asker')).toContain('Grade 5 is now called Year 5.');
      expect(textsTo(await bot.send('ana', 'members', { channel: 'grade5' }), 'asker')).toContain('Year 5: 2 members');
    });

    it('moves it to the channel the lead types `move to here` in, and tells that channel', async () => {
      const seen = await bot.send('carla', 'in "Year 5" move to here', { channel: 'year5' });
      // Teams names a channel by its name only when it sends one; the console and Slack always do.
      expect(textsTo(seen, 'asker')).toContain('Year 5 now lives in ');
      expect(textsTo(seen, '#year5')).toContain('This channel is now home to Year 5');
      expect(textsTo(await bot.send('ana', 'members', { channel: 'year5' }), 'asker')).toContain('Year 5: 2 members');
    });

    it('archives it, keeps it readable by name, and restores it to its channel', async () => {
      await bot.send('ana', 'reflect team Our first week went well', { channel: null });
      expect(textsTo(await bot.send('carla', 'archive', { channel: 'year5' }), 'asker')).toContain('Year 5 is archived.');
      expect(textsTo(await bot.send('carla', 'in "Year 5" reflections team', { channel: null }), 'asker')).toContain(
        'Our first week went well',
      );
      expect(textsTo(await bot.send('ana', 'in "Year 5" agenda add More', { channel: null }), 'asker')).toContain(
        'Year 5 is archived: its history can still be read',
      );
      const restored = textsTo(await bot.send('carla', 'in "Year 5" restore', { channel: null }), 'asker');
      expect(restored).toContain('Year 5 is back.');
      expect(restored).toMatch(/It lives in \S+ again\./);
      expect(textsTo(await bot.send('ana', 'members', { channel: 'year5' }), 'asker')).toContain('Year 5: 2 members');
    });
  });
}
