import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import type { Inbound } from '../src/bot.js';
import { loadConfig } from '../src/config.js';
import { FirstContact } from '../src/first-contact.js';
import type { Delivery } from '../src/grammar/command.js';
import type { Locale } from '../src/i18n/locales.js';
import { t } from '../src/i18n/translate.js';
import type { Address, Messenger, SentMessage, WorkspaceAddress } from '../src/ports.js';
import { ManualClock } from '../src/ports.js';
import { Store } from '../src/store/store.js';
import { renderPlain } from '../src/views/plain.js';
import type { View } from '../src/views/view.js';
import { type TestApp, testApp } from './support/app.js';
import { answerText, run } from './support/bot.js';

const MINUTE = 60_000;
const WORKSPACE = { platform: 'console', externalId: 'school-a' } as const;

const introduced = (text: string, locale: Locale = 'en') => text.split(t(locale, 'intro.hello')).length - 1;
const textOf = (d: Delivery) => renderPlain(d.view);

/** What the users table holds about a person's first contact. */
function contactOf(app: TestApp, name: string) {
  return app.store.db
    .prepare('SELECT u.id, u.introduced_at AS at, u.introduced_with AS key FROM users u WHERE u.external_id = ?')
    .get(name) as { id: number; at: number | null; key: string | null } | undefined;
}

/** A console messenger that records every DM it is handed, and fails the first `failures` sends to `failing`. */
function messenger(app: TestApp, failing?: { user: string; failures: number }) {
  const sent: { to: string; text: string; at: number }[] = [];
  const m: Messenger = {
    async send(_w: WorkspaceAddress, to: Address, view: View): Promise<SentMessage> {
      const who = to.kind === 'user' ? `@${to.user}` : `#${to.channel}`;
      sent.push({ to: who, text: renderPlain(view), at: app.clock.now().getTime() });
      if (failing && who === `@${failing.user}` && failing.failures-- > 0) throw new Error('the platform is down');
      return { conversation: who, message: `m${sent.length}` };
    },
    async update() {},
  };
  app.messenger.register('console', m);
  return sent;
}

describe('first contact', () => {
  let app: TestApp;
  afterEach(async () => {
    await app.dispose();
  });

  it('is off in test apps unless asked for', () => {
    app = testApp();
    expect(introduced(answerText(run(app, 'carla', 'help')))).toBe(0);
  });

  it('introduces once when the same command comes twice (a double click)', () => {
    app = testApp({ introduce: true });
    const first = run(app, 'carla', 'help', { channel: null });
    const again = run(app, 'carla', 'help', { channel: null });
    expect(introduced(answerText(first))).toBe(1);
    expect(introduced(answerText(again))).toBe(0);
    expect(contactOf(app, 'carla')?.at).toBe(app.clock.now().getTime());
  });

  it('claims once across two connections to the database, as two processes would', () => {
    app = testApp({ introduce: true });
    run(app, 'carla', 'create Math', { channel: 'math' });
    run(app, 'carla', 'role @dora member', { channel: 'math' });
    const dora = app.store.users.findByExternal(1, 'dora');
    expect(dora?.introducedAt).toBeNull();
    const other = Store.open(app.dbPath);
    try {
      const now = app.clock.now().getTime();
      // Both senders read Dora before either wrote: each believes she has not been introduced.
      const claims = [new FirstContact(app.store).claim(dora!, now, null), new FirstContact(other).claim(dora!, now, null)];
      expect(claims).toEqual([true, false]);
      expect(new FirstContact(other).claim(dora!, now, 'some.job:key')).toBe(false);
    } finally {
      other.close();
    }
  });

  it('a retry of the scheduled message that carried it carries it again; no other message does', async () => {
    // Tuesday 20:00 UTC: quiet hours hold a DM to someone else until Wednesday 07:00.
    const start = Date.parse('2026-09-01T20:00:00Z');
    app = testApp({ introduce: true, start, env: { QUIET_HOURS: '07:00-19:00', WORKDAYS: 'mon-fri' } });
    const sent = messenger(app, { user: 'dora', failures: 1 });
    run(app, 'carla', 'create Math', { channel: 'math' });
    for (const p of ['ana', 'ben']) run(app, p, 'join', { channel: 'math' });
    run(app, 'carla', 'role @dora member', { channel: 'math' });

    const started = run(app, 'carla', 'pair now', { channel: 'math' });
    expect(started.deliveries.some((d) => d.to === 'user' && d.user.externalId === 'dora')).toBe(false);
    // Nothing reached her yet, so she has not been introduced: the introduction waits with the message.
    expect(contactOf(app, 'dora')?.at).toBeNull();

    await app.advance(Date.parse('2026-09-02T07:30:00Z'));
    const toDora = sent.filter((s) => s.to === '@dora');
    // The first attempt failed; its retry a minute later is the same message, introduction and all.
    expect(toDora.map((s) => s.at - Date.parse('2026-09-02T07:00:00Z'))).toEqual([0, MINUTE]);
    expect(toDora.map((s) => introduced(s.text))).toEqual([1, 1]);
    expect(toDora.every((s) => s.text.includes(t('en', 'pairing.dm.title', { community: 'Math', ref: '#1' })))).toBe(true);
    const contact = contactOf(app, 'dora');
    expect(contact?.at).toBe(Date.parse('2026-09-02T07:00:00Z'));
    // The key of the held message, the one a retry runs under again.
    expect(contact?.key).toMatch(/^quiet:.+>user:\d+#\d+$/);

    // Any later message, scheduled or an answer, comes without it.
    const claim = new FirstContact(app.store);
    expect(app.store.transaction(() => claim.claim({ id: contact!.id }, app.clock.now().getTime(), 'another.job:key'))).toBe(false);
    expect(introduced(answerText(run(app, 'dora', 'pair status', { channel: null })))).toBe(0);
  });

  it('forgets the introduction with the person: one who comes back after forget-me meets the bot anew', () => {
    app = testApp({ introduce: true });
    run(app, 'carla', 'create Math', { channel: 'math' });
    expect(introduced(answerText(run(app, 'zoe', 'join', { channel: 'math' })))).toBe(1);
    expect(contactOf(app, 'zoe')?.at).not.toBeNull();
    expect(introduced(answerText(run(app, 'zoe', 'forget me', { channel: null })))).toBe(0);
    expect(introduced(answerText(run(app, 'zoe', 'forget me confirm', { channel: null })))).toBe(0);
    expect(contactOf(app, 'zoe')).toBeUndefined();

    const back = run(app, 'zoe', 'help', { channel: null });
    expect(introduced(answerText(back))).toBe(1);
    expect(introduced(answerText(run(app, 'zoe', 'help', { channel: null })))).toBe(0);
  });

  it('introduces nobody who is deactivated: the first message that reaches them after carries it', () => {
    app = testApp({ introduce: true });
    run(app, 'carla', 'create Math', { channel: 'math' });
    run(app, 'ana', 'join', { channel: 'math' });
    run(app, 'carla', 'role @dora member', { channel: 'math' });
    const person = { externalId: 'dora' };
    app.events.handle({ kind: 'deactivated', workspace: WORKSPACE, person });
    const first = run(app, 'carla', 'pair now', { channel: 'math' });
    expect(first.deliveries.filter((d) => d.to === 'user').map((d) => d.to === 'user' && d.user.externalId)).not.toContain('dora');
    expect(contactOf(app, 'dora')?.at).toBeNull();

    app.events.handle({ kind: 'reactivated', workspace: WORKSPACE, person });
    const second = run(app, 'carla', 'pair now', { channel: 'math' });
    const dms = second.deliveries.filter((d): d is Extract<Delivery, { to: 'user' }> => d.to === 'user');
    expect(Object.fromEntries(dms.map((d) => [d.user.externalId, introduced(textOf(d))]))).toEqual({ ana: 0, carla: 0, dora: 1 });
  });

  it('sends it to the direct messages of someone whose answer others read, in their language', () => {
    app = testApp({ introduce: true });
    const inbound: Inbound = {
      workspace: WORKSPACE,
      user: { externalId: 'greta', displayName: 'greta', platformLocale: 'de-DE' },
      place: { channel: 'math', channelName: 'math', seenByOthers: true },
      text: 'help',
    };
    const handled = app.bot.handle(inbound);
    const [intro, ...rest] = handled.deliveries;
    expect(intro?.to === 'user' && intro.asked && intro.user.externalId === 'greta').toBe(true);
    expect(introduced(textOf(intro!), 'de')).toBe(1);
    expect(rest.map((d) => d.to)).toEqual(['asker', 'asker']);
    expect(rest.map((d) => introduced(textOf(d), 'de'))).toEqual([0, 0]);
  });

  it('opens the installer’s welcome with it', () => {
    app = testApp({ introduce: true });
    const reported = app.events.handle({
      kind: 'installed',
      workspace: { platform: 'console', externalId: 'school-b' },
      person: { externalId: 'ivy', platformLocale: 'nl-NL' },
      channels: [],
    });
    const [welcome] = reported?.deliveries ?? [];
    expect(welcome?.to).toBe('user');
    expect(introduced(textOf(welcome!), 'nl')).toBe(1);
    expect(textOf(welcome!)).toContain(t('nl', 'event.installed', { command: '/plc create <name>' }));
  });

  it('opens the welcome of whoever installs it next for themselves, in their language', () => {
    app = testApp({ introduce: true });
    const workspace = { platform: 'console' as const, externalId: 'school-b' };
    app.events.handle({ kind: 'installed', workspace, person: { externalId: 'ivy' }, channels: [] });
    const reported = app.events.handle({
      kind: 'installed',
      workspace,
      person: { externalId: 'jan', platformLocale: 'da-DK' },
      channels: [],
    });
    const [welcome] = reported?.deliveries ?? [];
    expect(welcome?.to).toBe('user');
    expect(introduced(textOf(welcome!), 'da')).toBe(1);
    expect(textOf(welcome!)).toContain(t('da', 'event.welcome', { command: '/plc help' }));
  });
});

describe('first contact on an upgraded install', () => {
  it('is on in an install; people already there when it ships count as introduced, newcomers are not', async () => {
    // Written by main's console before first contact existed: ada (lead), ben and cy in Math.
    const dir = mkdtempSync(join(tmpdir(), 'plc-intro-'));
    const path = join(dir, 'old.sqlite');
    copyFileSync(join(import.meta.dirname, 'fixtures', 'main-2026-12-01.sqlite'), path);
    const store = Store.open(path);
    const installed = createApp(loadConfig({ DATABASE_PATH: path, LOG_LEVEL: 'silent', QUIET_HOURS: 'off' }), {
      store,
      clock: new ManualClock(Date.parse('2026-12-02T09:00:00Z')),
      log: pino({ level: 'silent' }),
    });
    try {
      const people = store.db.prepare('SELECT introduced_at = created_at AS same FROM users').all() as { same: number }[];
      expect(people.length).toBeGreaterThan(0);
      expect(people.every((p) => p.same === 1)).toBe(true);
      const asTestApp = installed as TestApp;
      expect(introduced(answerText(run(asTestApp, 'ada', 'help', { workspace: 'console' })))).toBe(0);
      expect(introduced(answerText(run(asTestApp, 'dan', 'help', { workspace: 'console' })))).toBe(1);
    } finally {
      await installed.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
