import { existsSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { walTruncationsSettled } from '../../../src/capabilities/privacy/index.js';
import { t } from '../../../src/i18n/translate.js';
import { postSigned, slashCommandBody, startSlackHarness } from '../../slack/support.js';
import { activityText, message, posted, teamsHarness } from '../../teams/harness.js';

/** Which of `needles` are still in the database, its -wal or its -shm file. */
function found(dbPath: string, needles: string[]): string[] {
  return [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]
    .filter((f) => existsSync(f))
    .flatMap((file) => needles.filter((n) => readFileSync(file).includes(Buffer.from(n, 'utf8'))).map((n) => `${n} in ${file}`));
}

describe('forget me reaches the adapters’ rows, byte for byte', () => {
  it('on Teams: her Teams and Entra ids, her personal chat, its activities and an export waiting for consent', async () => {
    const h = await teamsHarness();
    const other = new Database(h.app.dbPath);
    try {
      const zelda = { name: 'Qzelda7731' };
      const say = (text: string, where: Parameters<typeof message>[2]) =>
        h.post(message(h.connector.url, zelda, where, 'personal' in where ? `plc ${text}` : text));
      await h.post(message(h.connector.url, { name: 'carla' }, { channel: 'math' }, 'create Math'));
      await say('join', { channel: 'math' });
      await say('agenda add Exit tickets', { channel: 'math' });
      // An export offered for consent and never answered: the file waits in SQLite with her data in it.
      await say('export me', { personal: true });
      h.connector.take();
      const db = h.app.store.db;
      expect(db.prepare('SELECT COUNT(*) AS n FROM teams_file_consents').get()).toEqual({ n: 1 });
      expect(found(h.app.dbPath, [zelda.name]).length).toBeGreaterThan(0);

      await say('forget me confirm', { personal: true });
      const done = posted(h.connector.take()).map((c) => activityText(c.body));
      expect(done.join('\n')).toContain(t('en', 'forget.done'));
      await walTruncationsSettled();
      expect(db.prepare('SELECT COUNT(*) AS n FROM teams_file_consents').get()).toEqual({ n: 0 });
      expect(db.prepare("SELECT COUNT(*) AS n FROM teams_users WHERE teams_id = '29:Qzelda7731'").get()).toEqual({ n: 0 });
      const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
      const holding = tables.flatMap((table) =>
        (db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[])
          .filter(
            (row) =>
              JSON.stringify(row).includes(zelda.name) || Object.values(row).some((v) => Buffer.isBuffer(v) && v.includes(zelda.name)),
          )
          .map((row) => `${table}: ${JSON.stringify(row).slice(0, 300)}`),
      );
      expect(holding).toEqual([]);
      expect(found(h.app.dbPath, [zelda.name])).toEqual([]);
      // The agenda item is the team's and stays.
      expect(db.prepare('SELECT text, author_id FROM agenda_items').all()).toEqual([{ text: 'Exit tickets', author_id: null }]);
    } finally {
      other.close();
      await walTruncationsSettled();
      await h.close();
    }
  });

  it('on Slack: her id and name are gone after an export through files.uploadV2 and a forget', async () => {
    const h = await startSlackHarness();
    const other = new Database(h.app.dbPath);
    try {
      let n = 0;
      h.api.users.set('UQZELDA77', { name: 'Qzelda Marwick', tz: 'UTC' });
      const slash = async (user: string, text: string, channel: { id: string; name: string }) => {
        const body = slashCommandBody({ user, channel: channel.id, channelName: channel.name, text, responseUrl: h.api.responseUrl(++n) });
        const res = await postSigned(h.baseUrl, body, 'application/x-www-form-urlencoded');
        await h.adapter.idle();
        return res;
      };
      const math = { id: 'CMATH', name: 'math' };
      await slash('UCARLA', 'create Math', math);
      await slash('UQZELDA77', 'join', math);
      await slash('UQZELDA77', 'export me', math);
      // The export went up as a file into her DM, the flow files.uploadV2 takes.
      const flow = h.api.calls
        .map((c) => c.method)
        .filter((m) => ['conversations.open', 'files.getUploadURLExternal', 'upload', 'files.completeUploadExternal'].includes(m));
      expect(flow).toEqual(['conversations.open', 'files.getUploadURLExternal', 'upload', 'files.completeUploadExternal']);
      expect(h.api.of('files.completeUploadExternal')[0]?.body).toMatchObject({ channel_id: 'DQZELDA77' });
      const uploaded = h.api.of('upload')[0]?.file?.toString('utf8') ?? '';
      expect(JSON.parse(uploaded).person).toMatchObject({ platformId: 'UQZELDA77', displayName: 'Qzelda Marwick' });
      expect(found(h.app.dbPath, ['UQZELDA77']).length).toBeGreaterThan(0);

      await slash('UQZELDA77', 'forget me confirm', { id: 'DQZELDA77', name: 'directmessage' });
      await walTruncationsSettled();
      expect(found(h.app.dbPath, ['UQZELDA77', 'Qzelda Marwick', 'Marwick'])).toEqual([]);
    } finally {
      other.close();
      await walTruncationsSettled();
      await h.close();
    }
  });
});
