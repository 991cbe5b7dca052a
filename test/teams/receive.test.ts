import { describe, expect, it } from 'vitest';
import { toInbound } from '../../adapters/teams/receive.js';

const base = {
  from: { id: '29:ada', aadObjectId: 'aad-ada', name: 'Ada' },
  channelData: { tenant: { id: 'tenant-1' } },
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
};

describe('where a Teams command was typed', () => {
  it('is a post others read when typed in a channel', () => {
    const inbound = toInbound(
      { ...base, type: 'message', conversation: { id: '19:math@thread.tacv2;messageid=1', conversationType: 'channel' } as never },
      'reflect hard week',
    );
    expect(inbound?.place).toMatchObject({ channel: '19:math@thread.tacv2', seenByOthers: true });
  });

  it('is seen by nobody else when it comes from a card submission in the channel, or from the personal chat', () => {
    const submit = toInbound(
      {
        ...base,
        type: 'message',
        value: { command: 'reflect' },
        conversation: { id: '19:math@thread.tacv2', conversationType: 'channel' } as never,
      },
      'reflect hard week',
    );
    expect(submit?.place.seenByOthers).toBe(false);
    const personal = toInbound(
      { ...base, type: 'message', conversation: { id: 'a:1', conversationType: 'personal' } as never },
      'reflect x',
    );
    expect(personal?.place.seenByOthers).toBeFalsy();
  });
});
