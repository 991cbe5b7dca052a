import { describe, expect, it } from 'vitest';
import { addressOf } from '../src/delivery.js';
import type { Community } from '../src/store/communities.js';
import type { User } from '../src/store/users.js';
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
