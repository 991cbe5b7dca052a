import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/translate.js';
import { activityText, message, posted, type TeamsHarness, teamsHarness } from './harness.js';

describe('Teams messages through the real teams-ai app', () => {
  let h: TeamsHarness;
  beforeEach(async () => {
    h = await teamsHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('answers `plc help` in the personal chat as a reply carrying an Adaptive Card 1.5', async () => {
    const activity = message(h.connector.url, { name: 'ana' }, { personal: true }, 'plc help');
    expect((await h.post(activity)).status).toBe(200);
    const replies = posted(h.connector.take());
    for (const reply of replies) {
      expect(reply.kind).toBe('reply');
      expect(reply.conversation).toBe('a:dm-ana');
      expect(reply.replyToId).toBe(activity.id);
      expect(reply.body.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
      expect(reply.body.attachments[0].content.version).toBe('1.5');
    }
    expect(replies.map((r) => activityText(r.body)).join('\n')).toContain(t('en', 'help.title'));
  });

  it('answers an @mention in a channel in the reply thread, without needing `plc`', async () => {
    const activity = message(h.connector.url, { name: 'carla' }, { channel: 'math' }, 'create Math');
    await h.post(activity);
    const replies = posted(h.connector.take());
    expect(replies.length).toBeGreaterThan(0);
    for (const r of replies) {
      expect(r.conversation).toBe(`19:math@thread.tacv2;messageid=${activity.id}`);
      expect(r.replyToId).toBe(activity.id);
    }
    expect(replies.map((r) => activityText(r.body)).join('\n')).toContain(t('en', 'create.done', { community: 'Math' }));
    const ws = h.app.store.workspaces.find('teams', 'tenant-a');
    expect(ws && h.app.store.communities.findByChannel(ws.id, '19:math@thread.tacv2')?.name).toBe('Math');
  });

  it('turns a Teams mention into the person, known by their Entra object id once seen', async () => {
    await h.post(message(h.connector.url, { name: 'carla' }, { channel: 'math' }, 'create Math'));
    await h.post(message(h.connector.url, { name: 'ben' }, { personal: true }, 'plc help'));
    await h.post(message(h.connector.url, { name: 'carla' }, { channel: 'math' }, 'role @ben coach'));
    const text = posted(h.connector.take())
      .map((c) => activityText(c.body))
      .join('\n');
    expect(text).toMatch(/ben joined Math as coach/);
    const ws = h.app.store.workspaces.find('teams', 'tenant-a');
    const ben = ws ? h.app.store.users.findByExternal(ws.id, 'aad-ben') : null;
    expect(ben?.displayName).toBe('ben');
  });

  it('keeps a person first known from a mention as one person when they write later', async () => {
    await h.post(message(h.connector.url, { name: 'carla' }, { channel: 'math' }, 'create Math'));
    await h.post(message(h.connector.url, { name: 'carla' }, { channel: 'math' }, 'role @dan member'));
    await h.post(message(h.connector.url, { name: 'dan' }, { channel: 'math' }, 'members'));
    const ws = h.app.store.workspaces.find('teams', 'tenant-a');
    expect(ws && h.app.store.users.findByExternal(ws.id, '29:dan')).toBeNull();
    const dan = ws ? h.app.store.users.findByExternal(ws.id, 'aad-dan') : null;
    expect(dan && h.app.store.communities.roleOf(h.app.store.communities.findByName(ws?.id ?? 0, 'Math')?.id ?? 0, dan.id)).toBe('member');
  });

  it('stores the locale and time zone Teams reports for the person', async () => {
    await h.post(message(h.connector.url, { name: 'ana' }, { personal: true }, 'plc help', { locale: 'de-DE', tz: 'Europe/Copenhagen' }));
    const text = posted(h.connector.take())
      .map((c) => activityText(c.body))
      .join('\n');
    expect(text).toContain(t('de', 'help.title'));
    const ws = h.app.store.workspaces.find('teams', 'tenant-a');
    const ana = ws ? h.app.store.users.findByExternal(ws.id, 'aad-ana') : null;
    expect(ana?.platformLocale).toBe('de-DE');
    expect(ana?.tz).toBe('Europe/Copenhagen');
  });

  it('processes an activity delivered twice only once', async () => {
    const activity = message(h.connector.url, { name: 'carla' }, { channel: 'math' }, 'create Math');
    await h.post(activity);
    const first = posted(h.connector.take()).length;
    expect((await h.post(activity)).status).toBe(200);
    expect(first).toBeGreaterThan(0);
    expect(posted(h.connector.take())).toHaveLength(0);
  });

  it('keeps two tenants apart: one never sees the other’s communities', async () => {
    await h.post(message(h.connector.url, { name: 'carla', tenant: 'tenant-a' }, { channel: 'math' }, 'create Math'));
    await h.post(message(h.connector.url, { name: 'olga', tenant: 'tenant-b' }, { channel: 'science' }, 'create Science'));
    h.connector.take();
    await h.post(message(h.connector.url, { name: 'olga', tenant: 'tenant-b' }, { personal: true }, 'plc communities'));
    const seenByB = posted(h.connector.take())
      .map((c) => activityText(c.body))
      .join('\n');
    expect(seenByB).toContain('Science');
    expect(seenByB).not.toContain('Math');
    const a = h.app.store.workspaces.find('teams', 'tenant-a');
    const b = h.app.store.workspaces.find('teams', 'tenant-b');
    expect(a?.id).not.toBe(b?.id);
    expect(b && h.app.store.communities.findByName(b.id, 'Math')).toBeNull();
  });

  it('keeps user text inert: no @everyone mention, no injected card JSON, markdown shown literally', async () => {
    const name = '@everyone *bold* [x](u) {"type":"Action.OpenUrl"} <at>everyone</at>';
    const activity = message(h.connector.url, { name: 'carla' }, { personal: true }, `plc create ${name}`);
    activity.text = `plc create ${name}`;
    await h.post({ ...activity, entities: activity.entities.filter((e) => (e as { type: string }).type !== 'mention') });
    const bodies = posted(h.connector.take()).map((c) => c.body);
    const json = JSON.stringify(bodies);
    for (const body of bodies) {
      const card = body.attachments[0].content;
      expect(card.msteams.entities ?? []).toHaveLength(0);
      expect(JSON.stringify(card)).not.toContain('"type":"Action.OpenUrl"');
    }
    expect(json).not.toMatch(/<at>everyone<\/at>/);
    expect(json).toContain('\\\\*bold\\\\*');
    expect(bodies.map((b) => activityText(b)).join('\n')).toContain('{"type":"Action.OpenUrl"');
  });
});
