import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../../src/i18n/translate.js';
import { type Driver, FILE_ACCEPT, missingButton, onlyTo, type Seen, textsTo } from '../driver.js';

/** The file a person ends up with from what the bot sent: accepting it first where the platform asks (Teams). */
async function received(bot: Driver, user: string, seen: Seen[]): Promise<{ name: string; content: string }> {
  const offered = seen.find((s) => s.to === `@${user}` && s.files?.length);
  if (!offered?.files) throw new Error(`no file reached @${user}: ${JSON.stringify(seen.map((s) => [s.to, s.text.slice(0, 60)]))}`);
  const [file] = offered.files;
  if (file && file.content !== null) return { name: file.name, content: file.content };
  if (!offered.buttons.includes(FILE_ACCEPT)) missingButton(offered, FILE_ACCEPT);
  const after = await bot.press(user, offered, FILE_ACCEPT);
  const uploaded = after.flatMap((s) => s.files ?? []).find((f) => f.content !== null);
  if (!uploaded?.content) throw new Error('the accepted file did not arrive');
  return { name: uploaded.name, content: uploaded.content };
}

/** A teacher asks what is kept about her, takes a copy as a file in her DM, and has herself forgotten. */
export function privacyChapter(makeDriver: () => Promise<Driver>): void {
  describe('a teacher uses her data rights', () => {
    let bot: Driver;
    beforeAll(async () => {
      bot = await makeDriver();
      await bot.send('carla', 'create Math', { channel: 'math' });
      await bot.send('zelda', 'join', { channel: 'math' });
    });
    afterAll(async () => {
      await bot.close();
    });

    it('tells her what is kept, who sees it and how long', async () => {
      const answer = textsTo(await bot.send('zelda', 'privacy', { channel: null }), 'asker');
      expect(answer).toContain(t('en', 'privacy.title'));
      expect(answer).toContain(t('en', 'privacy.communities.memberships'));
      expect(answer).toContain(t('en', 'privacy.kept.retention', { days: 730 }));
    });

    it('sends her export as one JSON file in her DM, though she asked in the channel', async () => {
      const seen = await bot.send('zelda', 'export me', { channel: 'math' });
      expect(textsTo(seen, 'asker')).toContain(t('en', 'export.sent'));
      expect(seen.filter((s) => s.to === '#math')).toEqual([]);
      const file = await received(bot, 'zelda', seen);
      expect(file.name).toMatch(/^plc-export-\d{4}-\d{2}-\d{2}\.json$/);
      const data = JSON.parse(file.content) as {
        person: { displayName: string };
        sections: { communities: { memberships: { community: string; role: string }[] } };
      };
      expect(data.person.displayName).toBe('zelda');
      expect(data.sections.communities.memberships).toEqual([expect.objectContaining({ community: 'Math', role: 'member' })]);
    });

    it('asks before forgetting her, and the confirm button does it', async () => {
      const question = onlyTo(await bot.send('zelda', 'forget me', { channel: null }), 'asker');
      expect(question.text).toContain(t('en', 'forget.title'));
      const done = await bot.press('zelda', question, t('en', 'forget.confirm'));
      expect(textsTo(done, 'asker')).toContain(t('en', 'forget.done'));
      const members = textsTo(await bot.send('carla', 'members', { channel: 'math' }), 'asker');
      expect(members).toContain('Math: 1 member');
      expect(members).not.toContain('zelda');
    });
  });
}
