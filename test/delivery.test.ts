import { describe, expect, it } from 'vitest';
import { addressOf, deliver } from '../src/delivery.js';
import type { Logger } from '../src/log.js';
import { type Messenger, RecipientGoneError } from '../src/ports.js';
import type { Community } from '../src/store/communities.js';
import type { User } from '../src/store/users.js';
import type { Workspace } from '../src/store/workspaces.js';
import { view } from '../src/views/build.js';

const ana: User = {
  id: 1,
  workspaceId: 1,
  externalId: 'U1',
  displayName: 'ana',
  lang: null,
  platformLocale: null,
  tz: null,
  isCoordinator: false,
  deactivatedAt: null,
  pausedUntil: null,
};
const math: Community = {
  id: 1,
  workspaceId: 1,
  name: 'Math',
  channel: 'C1',
  channelName: 'math',
  tz: 'UTC',
  locale: 'en',
  archivedAt: null,
  removedFromChannelAt: null,
};
const hello = view('en', [{ type: 'text', text: 'hello' }]);
const NOW = Date.parse('2026-09-14T10:00:00Z');

describe('where a message goes', () => {
  it('goes to a person’s DM and to a community’s channel, in a thread when asked', () => {
    expect(addressOf({ to: 'user', user: ana, view: hello }, NOW)).toEqual({ kind: 'user', user: 'U1' });
    expect(addressOf({ to: 'channel', community: math, view: hello, thread: 'T1' }, NOW)).toEqual({
      kind: 'channel',
      channel: 'C1',
      thread: 'T1',
    });
  });

  it('goes nowhere for a person deactivated on their platform, or a community without a channel', () => {
    expect(addressOf({ to: 'user', user: { ...ana, deactivatedAt: 1 }, view: hello }, NOW)).toBeNull();
    expect(addressOf({ to: 'channel', community: { ...math, channel: null }, view: hello }, NOW)).toBeNull();
  });

  it('goes nowhere for a person paused until a later date in their own zone, and again from that date', () => {
    const paused = { ...ana, pausedUntil: '2026-09-15', tz: 'Asia/Riyadh' };
    expect(addressOf({ to: 'user', user: paused, view: hello }, NOW)).toBeNull();
    // 21:00 UTC on the 14th is already the 15th in Riyadh (UTC+3): the pause is over there.
    expect(addressOf({ to: 'user', user: paused, view: hello }, Date.parse('2026-09-14T21:00:00Z'))).toEqual({ kind: 'user', user: 'U1' });
    expect(
      addressOf({ to: 'user', user: { ...paused, tz: 'America/New_York' }, view: hello }, Date.parse('2026-09-14T21:00:00Z')),
    ).toBeNull();
  });

  it('goes nowhere for a community whose channel the app was removed from', () => {
    expect(addressOf({ to: 'channel', community: { ...math, removedFromChannelAt: 1 }, view: hello }, NOW)).toBeNull();
  });
});

describe('sending a command’s deliveries', () => {
  /** A logger that keeps the level and message of each record. */
  function recorder() {
    const records: { level: string; msg: string }[] = [];
    const at = (level: string) => (_obj: unknown, msg: string) => void records.push({ level, msg });
    return { records, log: { info: at('info'), warn: at('warn'), error: at('error') } as unknown as Logger };
  }
  const workspace: Workspace = { id: 1, platform: 'console', externalId: 'school', name: null } as Workspace;

  it('says at warn, not as a failure, that someone who removed the app could not be reached, and goes on', async () => {
    const { records, log } = recorder();
    const sent: string[] = [];
    const messenger: Messenger = {
      send: async (_w, to) => {
        if (to.kind === 'user') throw new RecipientGoneError('conversation a:dm-ana is gone');
        sent.push(to.channel);
        return null;
      },
      update: async () => {},
    };
    await deliver(
      [
        { to: 'user', user: ana, view: hello },
        { to: 'channel', community: math, view: hello },
      ],
      workspace,
      messenger,
      async () => {},
      log,
      NOW,
    );
    expect(sent).toEqual(['C1']);
    expect(records).toEqual([{ level: 'warn', msg: 'delivery dropped: recipient unreachable' }]);
  });

  it('logs any other failed send as an error', async () => {
    const { records, log } = recorder();
    const messenger: Messenger = {
      send: async () => {
        throw new Error('boom');
      },
      update: async () => {},
    };
    await deliver([{ to: 'user', user: ana, view: hello }], workspace, messenger, async () => {}, log, NOW);
    expect(records).toEqual([{ level: 'error', msg: 'delivery failed' }]);
  });
});
