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

describe('where a message goes', () => {
  it('goes to a person’s DM and to a community’s channel, in a thread when asked', () => {
    expect(addressOf({ to: 'user', user: ana, view: hello })).toEqual({ kind: 'user', user: 'U1' });
    expect(addressOf({ to: 'channel', community: math, view: hello, thread: 'T1' })).toEqual({
      kind: 'channel',
      channel: 'C1',
      thread: 'T1',
    });
  });

  it('goes nowhere for a person deactivated on their platform, or a community without a channel', () => {
    expect(addressOf({ to: 'user', user: { ...ana, deactivatedAt: 1 }, view: hello })).toBeNull();
    expect(addressOf({ to: 'channel', community: { ...math, channel: null }, view: hello })).toBeNull();
  });

  it('goes nowhere for a community whose channel the app was removed from', () => {
    expect(addressOf({ to: 'channel', community: { ...math, removedFromChannelAt: 1 }, view: hello })).toBeNull();
  });
});
