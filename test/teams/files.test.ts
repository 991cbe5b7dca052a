import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { teamsT as t } from '../../adapters/teams/messages.js';
import { message, posted, restartTeams, type TeamsHarness, teamsHarness } from './harness.js';

/** The fileConsent/invoke Teams sends when the person presses Allow or Decline on the consent card. */
function consent(h: TeamsHarness, action: 'accept' | 'decline', token: string, replyToId: string) {
  const base = message(h.connector.url, { name: 'ana' }, { personal: true }, '');
  return {
    ...base,
    type: 'invoke',
    name: 'fileConsent/invoke',
    text: undefined,
    replyToId,
    value: {
      type: 'fileUpload',
      action,
      context: { token },
      uploadInfo:
        action === 'accept'
          ? {
              contentUrl: 'https://contoso.sharepoint.com/personal/ana/Documents/Applications/PLC/export.csv',
              name: 'export.csv',
              uploadUrl: `${h.connector.url}upload/export.csv`,
              uniqueId: 'file-1',
              fileType: 'csv',
            }
          : undefined,
    },
  };
}

const TENANT_A = { platform: 'teams', externalId: 'tenant-a' } as const;
const HOUR = 60 * 60_000;

/** The files still waiting on a consent card, straight from the database. */
function waiting(h: TeamsHarness): string[] {
  return h.app.store.db
    .prepare('SELECT file_name FROM teams_file_consents ORDER BY created_at')
    .all()
    .map((r) => (r as { file_name: string }).file_name);
}

describe('Teams files through the consent card', () => {
  let h: TeamsHarness;
  beforeEach(async () => {
    h = await teamsHarness();
    await h.post(message(h.connector.url, { name: 'ana' }, { personal: true }, 'plc help'));
    h.connector.take();
  });
  afterEach(async () => {
    await h.close();
  });

  it('asks for consent in the personal chat, uploads on accept and shows the file', async () => {
    await h.teams.files.offer({ platform: 'teams', externalId: 'tenant-a' }, 'aad-ana', {
      name: 'export.csv',
      content: 'a,b\n1,2\n',
      locale: 'en',
    });
    const [card] = posted(h.connector.take());
    expect(card?.conversation).toBe('a:dm-ana');
    const attachment = card?.body.attachments[0];
    expect(attachment.contentType).toBe('application/vnd.microsoft.teams.card.file.consent');
    expect(attachment.content.sizeInBytes).toBe(8);

    const res = await h.post(consent(h, 'accept', attachment.content.acceptContext.token, card?.id as string));
    expect(res.status).toBe(200);
    const calls = h.connector.take();
    expect(calls.find((c) => c.kind === 'upload')?.body).toBe('a,b\n1,2\n');
    const info = posted(calls)[0]?.body.attachments[0];
    expect(info).toMatchObject({
      contentType: 'application/vnd.microsoft.teams.card.file.info',
      name: 'export.csv',
      content: { uniqueId: 'file-1' },
    });
  });

  it('forgets the file when the person declines', async () => {
    await h.teams.files.offer({ platform: 'teams', externalId: 'tenant-a' }, 'aad-ana', { name: 'export.csv', content: 'x', locale: 'en' });
    const [card] = posted(h.connector.take());
    await h.post(consent(h, 'decline', card?.body.attachments[0].content.declineContext.token, card?.id as string));
    const calls = h.connector.take();
    expect(calls.some((c) => c.kind === 'upload')).toBe(false);
    expect(posted(calls)[0]?.body.text).toBe(t('en', 'teams.file.declined', { name: 'export.csv' }));
  });

  it('uploads on an accept that reaches the bot after a restart, once', async () => {
    await h.teams.files.offer(TENANT_A, 'aad-ana', { name: 'export.csv', content: 'kept,across\nrestarts,1\n', locale: 'en' });
    const [card] = posted(h.connector.take());
    const token = card?.body.attachments[0].content.acceptContext.token;

    const after = await restartTeams(h);
    try {
      const res = await after.post(consent(after, 'accept', token, card?.id as string));
      expect(res.status).toBe(200);
      const calls = after.connector.take();
      expect(calls.find((c) => c.kind === 'upload')?.body).toBe('kept,across\nrestarts,1\n');
      expect(posted(calls)[0]?.body.attachments[0]).toMatchObject({
        contentType: 'application/vnd.microsoft.teams.card.file.info',
        name: 'export.csv',
      });

      // A second press of Accept (or a redelivery under a new id) finds nothing left to upload.
      await after.post(consent(after, 'accept', token, card?.id as string));
      const again = after.connector.take();
      expect(again.some((c) => c.kind === 'upload')).toBe(false);
      expect(posted(again)[0]?.body.text).toBe(t('en', 'teams.file.expired'));
    } finally {
      await after.close();
    }
  });

  it('refuses an expired consent in the person’s language, uploads nothing and deletes the file', async () => {
    await h.teams.files.offer(TENANT_A, 'aad-ana', { name: 'export.csv', content: 'old', locale: 'de' });
    const [card] = posted(h.connector.take());
    h.app.clock.set(h.app.clock.now().getTime() + HOUR + 1);

    await h.post(consent(h, 'accept', card?.body.attachments[0].content.acceptContext.token, card?.id as string));
    const calls = h.connector.take();
    expect(calls.some((c) => c.kind === 'upload')).toBe(false);
    expect(posted(calls)[0]?.body.text).toBe(t('de', 'teams.file.expired'));
    expect(waiting(h)).toEqual([]);
  });

  it('sweeps out expired files when a new one is offered', async () => {
    await h.teams.files.offer(TENANT_A, 'aad-ana', { name: 'first.csv', content: '1', locale: 'en' });
    h.app.clock.set(h.app.clock.now().getTime() + HOUR + 1);
    await h.teams.files.offer(TENANT_A, 'aad-ana', { name: 'second.csv', content: '2', locale: 'en' });
    expect(waiting(h)).toEqual(['second.csv']);
  });

  it('does not let another tenant answer the card', async () => {
    await h.teams.files.offer(TENANT_A, 'aad-ana', { name: 'export.csv', content: 'mine', locale: 'en' });
    const [card] = posted(h.connector.take());
    const forged = consent(h, 'accept', card?.body.attachments[0].content.acceptContext.token, card?.id as string);
    forged.conversation = { ...forged.conversation, tenantId: 'tenant-b' };
    forged.channelData = { tenant: { id: 'tenant-b' } };

    await h.post(forged);
    expect(h.connector.take().some((c) => c.kind === 'upload')).toBe(false);
    expect(waiting(h)).toEqual(['export.csv']);
  });
});
