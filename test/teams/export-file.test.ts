import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { teamsT } from '../../adapters/teams/messages.js';
import { t } from '../../src/i18n/translate.js';
import { activityText, message, posted, type TeamsHarness, teamsHarness } from './harness.js';

/** Teams' answer to the consent card: Allow (with OneDrive's upload session) or Decline. */
function consent(
  h: TeamsHarness,
  card: { id?: string; conversation: string; body: { attachments: { content: { acceptContext: { token: string } }; name: string }[] } },
  action: 'accept' | 'decline',
) {
  const base = message(h.connector.url, { name: 'ana' }, { personal: true }, '');
  const attachment = card.body.attachments[0] as { content: { acceptContext: { token: string } }; name: string };
  return {
    ...base,
    type: 'invoke',
    name: 'fileConsent/invoke',
    text: undefined,
    replyToId: card.id,
    conversation: { ...base.conversation, id: card.conversation },
    value: {
      type: 'fileUpload',
      action,
      context: attachment.content.acceptContext,
      uploadInfo:
        action === 'accept'
          ? {
              contentUrl: `https://contoso.sharepoint.com/personal/ana/Documents/Applications/PLC/${attachment.name}`,
              name: attachment.name,
              uploadUrl: `${h.connector.url}upload/${attachment.name}`,
              uniqueId: 'file-7',
              fileType: 'json',
            }
          : undefined,
    },
  };
}

describe('an export on Teams', () => {
  let h: TeamsHarness;
  beforeEach(async () => {
    h = await teamsHarness();
    await h.post(message(h.connector.url, { name: 'carla' }, { channel: 'math' }, 'create Math'));
    await h.post(message(h.connector.url, { name: 'ana' }, { channel: 'math' }, 'join'));
    h.connector.take();
  });
  afterEach(async () => {
    await h.close();
  });

  /** Asks for the export in the channel; returns the consent card posted in ana's personal chat. */
  async function exportCard() {
    await h.post(message(h.connector.url, { name: 'ana' }, { channel: 'math' }, 'export me'));
    const calls = posted(h.connector.take());
    // In the channel, only the word that it went to the personal chat; the file itself never goes there.
    const inChannel = calls.filter((c) => c.conversation.startsWith('19:math'));
    expect(inChannel.map((c) => activityText(c.body)).join('\n')).toContain(t('en', 'export.sent'));
    expect(inChannel.some((c) => JSON.stringify(c.body).includes('file.consent'))).toBe(false);
    const card = calls.find((c) => c.body.attachments?.[0]?.contentType === 'application/vnd.microsoft.teams.card.file.consent');
    if (!card) throw new Error('no consent card');
    expect(card.conversation).toMatch(/ana$/);
    return card;
  }

  it('offers the file in the personal chat and uploads it on Allow, followed by its file card', async () => {
    const card = await exportCard();
    const res = await h.post(consent(h, card as never, 'accept'));
    expect(res.status).toBe(200);
    const calls = h.connector.take();
    const upload = calls.find((c) => c.kind === 'upload');
    expect(JSON.parse(String(upload?.body)).person).toMatchObject({ platformId: 'aad-ana', displayName: 'ana' });
    expect(posted(calls)[0]?.body.attachments[0]).toMatchObject({ contentType: 'application/vnd.microsoft.teams.card.file.info' });
    expect(h.app.store.db.prepare('SELECT COUNT(*) AS n FROM teams_file_consents').get()).toEqual({ n: 0 });
  });

  it('uploads nothing on Decline, says so, and keeps no copy', async () => {
    const card = await exportCard();
    await h.post(consent(h, card as never, 'decline'));
    const calls = h.connector.take();
    expect(calls.some((c) => c.kind === 'upload')).toBe(false);
    const name = (card.body.attachments[0] as { name: string }).name;
    expect(posted(calls)[0]?.body.text).toBe(teamsT('en', 'teams.file.declined', { name }));
    expect(h.app.store.db.prepare('SELECT COUNT(*) AS n FROM teams_file_consents').get()).toEqual({ n: 0 });
  });
});
