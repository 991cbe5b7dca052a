import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askerText, deliverSigned, type SlackHarness, slashCommandBody, startSlackHarness, typeCommand } from './support.js';

describe('/plc in Slack', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
    h.api.users.set('UCARLA', { name: 'carla', locale: 'en-US', tz: 'Europe/Amsterdam' });
    h.api.users.set('UANA', { name: 'ana', locale: 'de-DE', tz: 'Europe/Berlin' });
  });
  afterAll(async () => {
    await h.close();
  });

  it('acknowledges a newcomer at once, looks them up, then answers ephemerally through the response_url', async () => {
    const { status, calls } = await typeCommand(h, { user: 'UCARLA', channel: 'CMATH', channelName: 'math', text: 'create Math' });
    expect(status).toBe(200);
    expect(calls.map((c) => c.method).slice(0, 2)).toEqual(['users.info', 'respond']);
    const answers = calls.filter((c) => c.method === 'respond');
    expect(answers.every((c) => c.body.response_type === 'ephemeral')).toBe(true);
    expect(askerText(calls)).toContain('Community Math is ready, and you are its lead.');
  });

  it('answers someone it knows in the ack itself, ephemerally', async () => {
    const { calls } = await typeCommand(h, { user: 'UCARLA', channel: 'CMATH', channelName: 'math', text: 'members' });
    expect(calls.map((c) => c.method)).toEqual(['ack']);
    expect(calls[0]?.body.response_type).toBe('ephemeral');
    expect(askerText(calls)).toContain('Math: 1 member');
  });

  it('takes locale and time zone from users.info and looks each person up once', async () => {
    await typeCommand(h, { user: 'UANA', channel: 'CMATH', channelName: 'math', text: 'join' });
    const { calls } = await typeCommand(h, { user: 'UANA', channel: 'CMATH', channelName: 'math', text: 'help' });
    expect(askerText(calls)).toContain('Was ich kann');
    const ana = h.app.store.users.findByExternal(h.app.store.workspaces.find('slack', 'T0SCHOOL')?.id ?? 0, 'UANA');
    expect(ana).toMatchObject({ platformLocale: 'de-DE', tz: 'Europe/Berlin', displayName: 'ana' });
    const lookups = h.api.of('users.info').filter((c) => c.body.user === 'UANA');
    expect(lookups).toHaveLength(1);
    expect(lookups[0]?.body.include_locale).toBe('true');
  });

  it('keeps no time zone that this machine does not know, and still answers', async () => {
    h.api.users.set('UZED', { name: 'zed', locale: 'en-US', tz: 'Mars/Olympus_Mons' });
    await typeCommand(h, { user: 'UZED', channel: 'CMATH', channelName: 'math', text: 'join' });
    const { calls } = await typeCommand(h, { user: 'UZED', channel: 'CMATH', channelName: 'math', text: 'reflect Wait time worked.' });
    expect(askerText(calls)).toMatch(/#\d+/);
    const zed = h.app.store.users.findByExternal(h.app.store.workspaces.find('slack', 'T0SCHOOL')?.id ?? 0, 'UZED');
    expect(zed).toMatchObject({ displayName: 'zed', tz: null });
  });

  it('passes Slack mentions through to the core and renders the answer with a real mention', async () => {
    const { calls } = await typeCommand(h, { user: 'UCARLA', channel: 'CMATH', channelName: 'math', text: 'role <@UBEN|ben> coach' });
    expect(askerText(calls)).toContain('<@UBEN> joined Math as coach');
  });

  it('keeps user text inert: a broadcast or a forged link typed by a teacher never pings or links', async () => {
    // With should_escape, a typed "<!channel>" arrives escaped; an @channel arrives as Slack's own control sequence.
    for (const typed of ['&lt;!channel&gt; &lt;https://evil.example|click me&gt;', '<!channel> <!here>']) {
      const { calls } = await typeCommand(h, { user: 'UANA', channel: 'CGENERAL', text: `join ${typed}` });
      const mrkdwn = calls
        .filter((c) => c.method === 'ack' || c.method === 'respond')
        .map((c) => JSON.stringify(c.body.blocks))
        .join('');
      expect(mrkdwn).not.toMatch(/<!channel>|<!here>|<https?:/);
      expect(mrkdwn).toMatch(/&lt;!channel&gt;|@channel/);
    }
  });

  it('answers a newcomer ephemerally in the channel when the response_url is not a web address', async () => {
    for (const [user, responseUrl] of [
      ['UMO', 'javascript:alert(1)'],
      ['UNED', 'not a url'],
    ] as const) {
      // A newcomer is looked up first, so the answer comes after the ack, where the response_url would take it.
      h.api.users.set(user, { name: user.toLowerCase(), locale: 'en-US', tz: 'Europe/Amsterdam' });
      const body = slashCommandBody({ user, channel: 'CMATH', channelName: 'math', text: 'communities', responseUrl });
      const { status, calls } = await deliverSigned(h, body, 'application/x-www-form-urlencoded');
      expect(status).toBe(200);
      expect(calls.map((c) => c.method)).not.toContain('respond');
      expect(calls.find((c) => c.method === 'chat.postEphemeral')?.body).toMatchObject({ channel: 'CMATH', user });
      expect(askerText(calls)).toMatch(/Math/);
    }
  });

  it('treats a DM as no channel and answers there', async () => {
    const { calls } = await typeCommand(h, { user: 'UANA', channel: 'DANA', channelName: 'directmessage', text: 'communities' });
    expect(askerText(calls)).toMatch(/Math/);
  });
});
