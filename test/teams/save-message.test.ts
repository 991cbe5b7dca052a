import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardAction, message, type Person, type TeamsHarness, teamsHarness, type Where } from './harness.js';

/**
 * "Save to PLC library" on a message, as Teams sends a message extension's action: an invoke
 * `composeExtension/fetchTask` (the manifest asks for one) with the message as `messagePayload`, its body HTML.
 */
function saveAction(h: TeamsHarness, who: Person, where: Where, html: string, author: string | null, name = 'composeExtension/fetchTask') {
  const base = cardAction(h.connector.url, who, where, '1700000000999', 'unused', {});
  return {
    ...base,
    name,
    replyToId: undefined,
    value: {
      commandId: 'saveToLibrary',
      commandContext: 'message',
      context: { theme: 'default' },
      messagePayload: {
        id: '1700000000999',
        messageType: 'message',
        createdDateTime: '2026-09-01T08:00:00.000Z',
        importance: 'normal',
        locale: 'en-us',
        body: { contentType: 'html', content: html },
        from: author ? { user: { id: `aad-${author}`, displayName: author, userIdentityType: 'aadUser' } } : null,
        attachments: [],
        mentions: [],
        reactions: [],
      },
    },
  };
}

describe('Teams: Save to PLC library', () => {
  let h: TeamsHarness;
  const say = (who: string, where: Where, text: string) => h.post(message(h.connector.url, { name: who }, where, text));
  const resources = () => h.app.store.db.prepare('SELECT text, sharer_id, author_id FROM knowledge_resources').all() as { text: string }[];
  const answerOf = (body: string) => (JSON.parse(body) as { task?: { type: string; value: string } }).task;

  beforeEach(async () => {
    h = await teamsHarness();
    await say('carla', { channel: 'math' }, 'create Math');
    await say('ana', { channel: 'math' }, 'join');
    await say('ben', { channel: 'math' }, 'join');
    h.connector.take();
  });
  afterEach(async () => {
    await h.close();
  });

  it('saves a channel message as text, crediting its author and the saver, and answers in a dialog', async () => {
    const html =
      '<p>Try <a href="https://example.org/exit">exit tickets</a> &amp; <b>number talks</b> #fractions</p><ul><li>first</li><li>second</li></ul><img src="https://x/y.png" alt="pic">';
    const res = await h.post(saveAction(h, { name: 'ben' }, { channel: 'math' }, html, 'ana'));
    expect(res.status).toBe(200);
    const task = answerOf(res.body);
    expect(task?.type).toBe('message');
    expect(task?.value).toMatch(/The message is saved in the library of Math as #\d+\./);
    const [saved] = resources();
    expect(saved?.text).toContain('Try exit tickets [https://example.org/exit] & number talks #fractions');
    expect(saved?.text).toContain('first');
    expect(saved?.text).not.toContain('<');
    const ws = h.app.store.workspaces.find('teams', 'tenant-a');
    const ana = ws ? h.app.store.users.findByExternal(ws.id, 'aad-ana') : null;
    expect(saved).toMatchObject({ author_id: ana?.id });
  });

  it('refuses a message of a personal chat or a group chat that is no community’s, and keeps nothing', async () => {
    for (const where of [{ personal: true } as const, { group: 'staffroom' }]) {
      const res = await h.post(saveAction(h, { name: 'ben' }, where, '<p>private words</p>', 'ana'));
      expect(answerOf(res.body)?.value).toContain('Only messages in a community’s own channel can be saved');
    }
    expect(resources()).toEqual([]);
  });

  it('takes the action submitted directly too (composeExtension/submitAction)', async () => {
    const res = await h.post(
      saveAction(h, { name: 'ben' }, { channel: 'math' }, '<p>Number talks</p>', 'ana', 'composeExtension/submitAction'),
    );
    expect(answerOf(res.body)?.value).toMatch(/saved in the library of Math/);
    expect(resources()).toHaveLength(1);
  });
});
