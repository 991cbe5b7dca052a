import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartReady } from '../../../src/capabilities/summaries/index.js';
import { t } from '../../../src/i18n/translate.js';
import { type Driver, messagesTo, textsTo } from '../driver.js';

const DAY = 86_400_000;

/**
 * Summaries for coordinators, on every platform: a lead's status of the community, the coordinator's status of
 * all with the chart, the digest in a direct message, the community export and the audit trail.
 */
export function summariesChapter(makeDriver: () => Promise<Driver>): void {
  describe('a coordinator follows the communities', () => {
    let bot: Driver;
    beforeAll(async () => {
      bot = await makeDriver();
      await chartReady();
      await bot.send('carla', 'create Math', { channel: 'math' });
      for (const who of ['ana', 'ben', 'dora']) await bot.send(who, 'join', { channel: 'math' });
      await bot.send('carla', 'role @ana lead', { channel: 'math' });
      await bot.send('carla', 'schedule weekly wed 15:30', { channel: 'math' });
      await bot.send('ben', 'rsvp yes', { channel: 'math' });
      await bot.advance(8 * DAY);
    });
    afterAll(async () => {
      await bot.close();
    });

    it('shows a lead how the community is doing, with trends and no names', async () => {
      const status = textsTo(await bot.send('ana', 'status', { channel: 'math' }), 'asker');
      expect(status).toContain('Math · the last 30 days');
      expect(status).toMatch(/Meetings: 1 held of 1 planned · trend [▁-█]+ \(0, 0, 0, 0, 0, 1\)/);
      expect(status).toContain('Members: 4');
      expect(status).toContain('Attendance: 25%');
      for (const name of ['ana', 'ben', 'dora', 'carla']) expect(status.toLowerCase()).not.toMatch(new RegExp(`\\b${name}\\b`));
    });

    it('refuses status all to a lead, and shows the coordinator every community with the chart', async () => {
      expect(textsTo(await bot.send('ana', 'status all', { channel: null }), 'asker')).toContain(t('en', 'error.notCoordinator'));
      // Without a public link the chart comes as a file, and an answer holding a file comes to the direct messages.
      const seen = await bot.send('carla', 'status all', { channel: null });
      const all = `${textsTo(seen, 'asker')}\n${textsTo(seen, '@carla')}`;
      expect(all).toContain('1 community · the last 30 days');
      expect(all).toContain('All communities together:');
      // The chart's alt text is in every platform's message; the same numbers are in the text.
      expect(all).toContain('Line chart of the attendance at meetings and the share of members who reflected');
      expect(all).toMatch(/Attendance, all together: [^\n]*25%/);
    });

    it('sends the digest to the coordinator’s direct messages on schedule', async () => {
      expect(textsTo(await bot.send('carla', 'digest weekly mon 07:30', { channel: null }), 'asker')).toContain(
        'You will get the summary of every community every Monday at 07:30',
      );
      const later = await bot.advance(7 * DAY);
      const digests = messagesTo(later, '@carla').filter((m) => m.text.includes('Your digest of'));
      expect(digests).toHaveLength(1);
      expect(digests[0]?.text).toContain('Math · the last 30 days');
    });

    it('exports one community as a file for the coordinator', async () => {
      const seen = await bot.send('carla', 'in Math export community csv', { channel: null });
      const text = seen.map((s) => s.text).join('\n');
      expect(text).toContain('The export of Math');
      expect(text).toMatch(/Math-\d{4}-\d{2}-\d{2}\.csv/);
      expect(textsTo(await bot.send('ben', 'in Math export community csv', { channel: null }), 'asker')).toContain(
        t('en', 'error.notCoordinator'),
      );
    });

    it('lists who changed what in the audit trail', async () => {
      const audit = textsTo(await bot.send('carla', 'audit', { channel: null }), 'asker');
      expect(audit).toContain('Audit trail · the last 30 days');
      expect(audit).toContain('set the meeting schedule · Math');
      expect(audit).toContain('changed a role · about ana · Math · from: member, to: lead');
      expect(audit).toContain('exported a community · Math · format: csv');
      expect(audit).toContain('set a digest');
    });

    it('lets “in X status” and “status X” choose the community, and refuses a lead of another community', async () => {
      await bot.send('carla', 'create Art', { channel: 'art' });
      await bot.send('eve', 'join', { channel: 'art' });
      await bot.send('carla', 'role @eve lead', { channel: 'art' });
      const title = (community: string) => `${community} · the last 30 days`;
      // The coordinator, in a direct message and in Art's own channel: the named community wins.
      for (const channel of [null, 'art']) {
        const math = textsTo(await bot.send('carla', 'in Math status', { channel }), 'asker');
        expect(math).toContain(title('Math'));
        expect(math).not.toContain(title('Art'));
      }
      expect(textsTo(await bot.send('carla', 'status Art', { channel: 'math' }), 'asker')).toContain(title('Art'));
      expect(textsTo(await bot.send('carla', 'in Math status since 7d', { channel: null }), 'asker')).toContain('Math · the last 7 days');
      expect(textsTo(await bot.send('carla', 'in Math status all', { channel: null }), 'asker')).toContain(
        t('en', 'status.twoCommunities', { first: 'Math', second: 'all' }),
      );
      // Art's lead sees Art, and is refused Math however it is named, in their own language.
      expect(textsTo(await bot.send('eve', 'in Art status', { channel: null }), 'asker')).toContain(title('Art'));
      for (const text of ['in Math status', 'status Math']) {
        const refused = textsTo(await bot.send('eve', text, { channel: 'art' }), 'asker');
        expect(refused).toContain(t('en', 'status.notYours', { community: 'Math' }));
        expect(refused).not.toContain(title('Math'));
      }
      await bot.send('eve', 'lang de', { channel: null });
      expect(textsTo(await bot.send('eve', 'in Math status', { channel: null }), 'asker')).toContain(
        t('de', 'status.notYours', { community: 'Math' }),
      );
    });
  });
}
