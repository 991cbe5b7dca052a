import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mentionedIn } from '../../adapters/slack/receive.js';
import { t } from '../../src/i18n/translate.js';
import { askerText, type SlackHarness, startSlackHarness, TEAM, typeCommand } from './support.js';

describe('mentions in Slack', () => {
  let h: SlackHarness;
  const say = (user: string, text: string) => typeCommand(h, { user, channel: 'CMATH', channelName: 'math', text });
  const ws = () => h.app.store.workspaces.find('slack', TEAM)?.id ?? 0;
  const person = (id: string) => h.app.store.users.findByExternal(ws(), id);
  const math = () => h.app.store.communities.findByName(ws(), 'Math');
  const roleOf = (id: string) => h.app.store.communities.roleOf(math()?.id ?? 0, person(id)?.id ?? 0);
  const userRows = () =>
    (h.app.store.db.prepare('SELECT external_id FROM users ORDER BY external_id').all() as { external_id: string }[]).map(
      (r) => r.external_id,
    );

  beforeEach(async () => {
    h = await startSlackHarness();
    h.api.users.set('UCARLA', { name: 'carla' });
    h.api.users.set('UBEN', { name: 'ben', locale: 'de-DE', tz: 'Europe/Berlin' });
    await say('UCARLA', 'create Math');
    await say('UBEN', 'join');
  });
  afterEach(async () => {
    await h.close();
  });

  it('reads a mention typed as text (Slack escapes it) as text: a lead renames no one with it', async () => {
    // The lead typed "<@UBEN|FIRED>" herself; with should_escape Slack sends it escaped.
    const { calls } = await say('UCARLA', 'role &lt;@UBEN|FIRED&gt; coach');
    expect(askerText(calls)).toContain('is not a person. Mention them with @.');
    expect(person('UBEN')?.displayName).toBe('ben');
    expect(roleOf('UBEN')).toBe('member');
  });

  it('makes no one who does not exist a lead from a typed mention, so the real lead stays the only lead', async () => {
    const { calls } = await say('UCARLA', 'role &lt;@UNOBODY|Ghost&gt; lead');
    expect(askerText(calls)).toContain('is not a person');
    expect(userRows()).toEqual(['UBEN', 'UCARLA']);
    expect(h.app.store.communities.leadCount(math()?.id ?? 0)).toBe(1);
    expect(h.api.of('users.info').map((c) => c.body.user)).not.toContain('UNOBODY');
  });

  it('takes a mentioned person’s name from their Slack profile, never from the mention’s label', async () => {
    const { calls } = await say('UCARLA', 'role <@UBEN|FIRED> coach');
    expect(askerText(calls)).toContain('<@UBEN> is now coach in Math');
    expect(person('UBEN')?.displayName).toBe('ben');
    expect(roleOf('UBEN')).toBe('coach');
  });

  it('looks up someone the bot has not met with users.info, and adds them under their Slack name', async () => {
    h.api.users.set('UDAN', { name: 'dan', locale: 'nl-NL', tz: 'Europe/Amsterdam' });
    const { calls } = await say('UCARLA', 'role <@UDAN|whatever> member');
    expect(calls.filter((c) => c.method === 'users.info').map((c) => c.body.user)).toEqual(['UDAN']);
    expect(askerText(calls)).toContain('<@UDAN> joined Math as member');
    expect(person('UDAN')).toMatchObject({ displayName: 'dan', platformLocale: 'nl-NL', tz: 'Europe/Amsterdam' });
  });

  it('refuses a mention of an id Slack does not know, clearly, and stores no one', async () => {
    h.api.strangers.add('UNOBODY');
    const { calls } = await say('UCARLA', 'role <@UNOBODY|Ghost> lead');
    expect(askerText(calls)).toContain(t('en', 'error.unknownPerson', { name: 'Ghost' }));
    expect(userRows()).toEqual(['UBEN', 'UCARLA']);
    // Slack's answer is remembered like a profile: asking again costs no second lookup.
    const again = await say('UCARLA', 'coordinator add <@UNOBODY|Ghost>');
    expect(askerText(again.calls)).toContain(t('en', 'error.unknownPerson', { name: 'Ghost' }));
    expect(h.api.of('users.info').filter((c) => c.body.user === 'UNOBODY')).toHaveLength(1);
  });

  it('hands the core only the people Slack itself mentioned', () => {
    expect(mentionedIn('role <@UBEN|ben> coach &lt;@UEVE|eve&gt; <@UBEN> <@not-an-id>')).toEqual(['UBEN']);
  });

  it('adds no one new while Slack cannot be asked, and says to try again', async () => {
    h.api.fail('users.info', 'internal_error');
    const { calls } = await say('UCARLA', 'role <@UEVE|eve> member');
    expect(askerText(calls)).toContain(t('en', 'error.personUnchecked', { name: 'eve' }));
    expect(person('UEVE')).toBeNull();
  });
});
