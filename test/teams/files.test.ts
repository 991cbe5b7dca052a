import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/translate.js';
import { message, posted, type TeamsHarness, teamsHarness } from './harness.js';

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
});
