import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/translate.js';
import { activityText, BOT, cardAction, cardText, message, posted, type TeamsHarness, teamsHarness } from './harness.js';

describe('mentions in Teams', () => {
  let h: TeamsHarness;
  const ws = () => h.app.store.workspaces.find('teams', 'tenant-a')?.id ?? 0;
  const person = (id: string) => h.app.store.users.findByExternal(ws(), id);
  const math = () => h.app.store.communities.findByName(ws(), 'Math');
  const roleOf = (id: string) => h.app.store.communities.roleOf(math()?.id ?? 0, person(id)?.id ?? 0);
  const userRows = () =>
    (h.app.store.db.prepare('SELECT external_id FROM users ORDER BY external_id').all() as { external_id: string }[]).map(
      (r) => r.external_id,
    );
  /** What carla reads back after typing `text` in #math, where `entities` are the mention entities Teams sent with it. */
  const carlaTypes = async (text: string, entities: object[] = []) => {
    const base = message(h.connector.url, { name: 'carla' }, { channel: 'math' }, '');
    const botMention = { type: 'mention', text: `<at>${BOT.name}</at>`, mentioned: BOT };
    await h.post({ ...base, text: `<at>${BOT.name}</at> ${text}`, entities: [botMention, ...entities, ...base.entities.slice(1)] });
    return posted(h.connector.take())
      .map((c) => activityText(c.body))
      .join('\n');
  };

  beforeEach(async () => {
    h = await teamsHarness();
    await h.post(message(h.connector.url, { name: 'carla' }, { channel: 'math' }, 'create Math'));
    await h.post(message(h.connector.url, { name: 'ben' }, { channel: 'math' }, 'join'));
    h.connector.take();
  });
  afterEach(async () => {
    await h.close();
  });

  it('reads a typed <at>Boss</at> without a mention entity as text: no one is renamed or added', async () => {
    expect(await carlaTypes('role <at>Boss</at> lead')).toContain('“Boss” is not a person.');
    expect(person('aad-ben')?.displayName).toBe('ben');
    expect(userRows()).toEqual(['aad-ben', 'aad-carla']);
  });

  it('names the person an entity points at from the team roster, not from the entity or the tag', async () => {
    const entity = { type: 'mention', text: '<at>Boss</at>', mentioned: { id: '29:ben', name: 'Boss' } };
    expect(await carlaTypes('role <at>Boss</at> coach', [entity])).toContain('ben is now coach in Math');
    expect(person('aad-ben')?.displayName).toBe('ben');
    expect(roleOf('aad-ben')).toBe('coach');
    expect(h.connector.memberLookups).toContain('19:team-tenant-a@thread.tacv2 29:ben');
  });

  it('adds someone new under the roster’s name and Entra id', async () => {
    h.connector.members.set('29:dan', { name: 'Dan Jensen', aadObjectId: 'aad-dan' });
    const entity = { type: 'mention', text: '<at>Danny</at>', mentioned: { id: '29:dan', name: 'Danny' } };
    expect(await carlaTypes('role <at>Danny</at> member', [entity])).toContain('Dan Jensen joined Math as member');
    expect(person('aad-dan')?.displayName).toBe('Dan Jensen');
  });

  it('invents no one from an entity whose id the roster does not have', async () => {
    h.connector.strangers.add('29:ghost');
    const entity = { type: 'mention', text: '<at>Ghost</at>', mentioned: { id: '29:ghost', name: 'Ghost' } };
    expect(await carlaTypes('role <at>Ghost</at> lead', [entity])).toContain(t('en', 'error.unknownPerson', { name: 'Ghost' }));
    expect(userRows()).toEqual(['aad-ben', 'aad-carla']);
    expect(h.app.store.communities.leadCount(math()?.id ?? 0)).toBe(1);
  });

  it('takes a mention in the personal chat, where there is no roster to ask, only for someone the bot has met', async () => {
    const dm = (text: string) => h.post(message(h.connector.url, { name: 'carla' }, { personal: true }, text));
    await dm('plc in Math role @ben coach');
    await dm('plc in Math role @zed coach');
    const said = posted(h.connector.take()).map((c) => activityText(c.body));
    expect(said[0]).toContain('ben is now coach in Math');
    expect(said[1]).toContain(t('en', 'error.personUnchecked', { name: 'zed' }));
    expect(person('aad-zed') ?? person('29:zed')).toBeNull();
  });

  it('takes no name from a mention in a card action’s data, which comes back from the client', async () => {
    const press = cardAction(h.connector.url, { name: 'carla' }, { channel: 'math' }, 'card-1', 'plc', {
      command: 'role <@aad-ben|FIRED> coach',
    });
    const answers = [
      await h.post(press),
      await h.post(
        cardAction(h.connector.url, { name: 'carla' }, { channel: 'math' }, 'card-1', 'plc', { command: 'role <@aad-ghost|Ghost> lead' }),
      ),
    ];
    // Pressed in a channel, each answer is the invoke's card, which Teams shows to the presser alone.
    const said = [
      ...posted(h.connector.take()).map((c) => activityText(c.body)),
      ...answers.map((res) => cardText(JSON.parse(res.body).value)),
    ];
    expect(said.join('\n')).toContain('ben is now coach in Math');
    expect(said.join('\n')).toContain(t('en', 'error.personUnchecked', { name: 'Ghost' }));
    expect(person('aad-ben')?.displayName).toBe('ben');
    expect(userRows()).toEqual(['aad-ben', 'aad-carla']);
  });
});
