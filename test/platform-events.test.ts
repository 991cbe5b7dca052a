import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PlatformEvent } from '../src/platform-events.js';
import { renderPlain } from '../src/views/plain.js';
import { type TestApp, testApp } from './support/app.js';
import { run } from './support/bot.js';

let app: TestApp;
const workspace = { platform: 'console' as const, externalId: 'school-a' };
const person = (externalId: string) => ({ externalId });
const ws = () => app.store.workspaces.find('console', 'school-a')?.id ?? 0;
const user = (name: string) => app.store.users.findByExternal(ws(), name);
const math = () => app.store.communities.findByName(ws(), 'Math');
const roleOf = (name: string) => app.store.communities.roleOf(math()?.id ?? 0, user(name)?.id ?? 0);
const report = (e: PlatformEvent) => app.events.handle(e);
const said = (e: PlatformEvent) =>
  (report(e)?.deliveries ?? []).map((d) => `${d.to === 'user' ? `@${d.user.externalId}` : d.to}: ${renderPlain(d.view)}`);

beforeEach(() => {
  app = testApp();
  run(app, 'carla', 'create Math', { channel: 'math' });
  run(app, 'ana', 'join', { channel: 'math' });
});
afterEach(async () => {
  await app.dispose();
});

describe('platform events in the core', () => {
  it('offers a newcomer to a community’s channel to join, and nobody who already belongs', () => {
    expect(said({ kind: 'joinedChannel', workspace, person: person('ben'), channel: 'math' }).join('\n')).toMatch(/^asker: .*Math/);
    expect(said({ kind: 'joinedChannel', workspace, person: person('ana'), channel: 'math' })).toEqual([]);
    expect(said({ kind: 'joinedChannel', workspace, person: person('ben'), channel: 'general' })).toEqual([]);
  });

  it('takes someone who leaves the channel out of the community, but keeps its only lead and tells them', () => {
    expect(said({ kind: 'left', workspace, person: person('ana'), channel: 'math' })).toEqual([]);
    expect(roleOf('ana')).toBeNull();
    run(app, 'ben', 'join', { channel: 'math' });
    const told = said({ kind: 'left', workspace, person: person('carla'), channel: 'math' });
    expect(roleOf('carla')).toBe('lead');
    expect(told).toHaveLength(1);
    expect(told[0]).toMatch(/^@carla: .*only lead/);
  });

  it('marks a deactivated person, and clears the mark when they are back', () => {
    report({ kind: 'deactivated', workspace, person: person('ana') });
    expect(user('ana')?.deactivatedAt).toBe(app.clock.now().getTime());
    report({ kind: 'reactivated', workspace, person: person('ana') });
    expect(user('ana')?.deactivatedAt).toBeNull();
  });

  it('makes the installer coordinator only of a workspace that has none', () => {
    const fresh = { platform: 'console' as const, externalId: 'school-b', name: 'Elm School' };
    const first = app.events.handle({ kind: 'installed', workspace: fresh, person: person('hana'), channels: [] });
    expect(first?.workspace.name).toBe('Elm School');
    expect(first?.deliveries.map((d) => d.to)).toEqual(['user']);
    // The next person to install it for themselves is only welcomed; one who adds it to a channel hears nothing.
    const again = app.events.handle({ kind: 'installed', workspace: fresh, person: person('ivo'), channels: [] });
    expect(again?.deliveries.map((d) => d.to)).toEqual(['user']);
    const inChannel = app.events.handle({ kind: 'installed', workspace: fresh, person: person('jon'), channels: ['staff'] });
    expect(inChannel?.deliveries).toEqual([]);
    const id = first?.workspace.id ?? 0;
    expect([app.store.users.findByExternal(id, 'hana')?.isCoordinator, app.store.users.findByExternal(id, 'ivo')?.isCoordinator]).toEqual([
      true,
      false,
    ]);
    expect(app.store.users.findByExternal(id, 'jon')?.isCoordinator).toBe(false);
  });

  it('records the app’s removal from a community’s channel, tells its leads once, and clears it when added back', () => {
    const removed = said({ kind: 'uninstalled', workspace, person: person('carla'), channels: ['math', 'math'] });
    expect(removed).toHaveLength(1);
    expect(removed[0]).toMatch(/^@carla: .*removed from the channel of Math/);
    expect(math()?.removedFromChannelAt).toBe(app.clock.now().getTime());
    expect(said({ kind: 'uninstalled', workspace, person: null, channels: ['math'] })).toEqual([]);
    report({ kind: 'installed', workspace, person: person('carla'), channels: ['math'] });
    expect(math()?.removedFromChannelAt).toBeNull();
  });

  it('ignores what happens in a workspace it never saw', () => {
    expect(
      app.events.handle({ kind: 'left', workspace: { platform: 'slack', externalId: 'TNEW' }, person: person('U1'), channel: 'C1' }),
    ).toBeNull();
  });
});
