import { describe, expect, it } from 'vitest';
import { ChannelPacer } from '../../adapters/slack/pacing.js';

/** A pacer on a virtual clock that moves only when the pacer sleeps. */
function virtualPacer(burst = 3) {
  let now = 0;
  const pacer = new ChannelPacer({
    intervalMs: 1000,
    burst,
    now: () => now,
    sleep: async (ms) => {
      now += ms;
    },
  });
  return { pacer, now: () => now };
}

describe('per-channel pacing', () => {
  it('lets a short burst out at once, then one post per second to the same channel, in order', async () => {
    const { pacer, now } = virtualPacer(3);
    const started: [number, number][] = [];
    await Promise.all(Array.from({ length: 6 }, (_, i) => pacer.run('CMATH', async () => void started.push([i, now()]))));
    expect(started).toEqual([
      [0, 0],
      [1, 0],
      [2, 0],
      [3, 1000],
      [4, 2000],
      [5, 3000],
    ]);
  });

  it('paces each channel on its own', async () => {
    const { pacer, now } = virtualPacer(1);
    const started: string[] = [];
    await Promise.all(['CMATH', 'CSCIENCE', 'CART'].map((c) => pacer.run(c, async () => void started.push(`${c}@${now()}`))));
    expect(started).toEqual(['CMATH@0', 'CSCIENCE@0', 'CART@0']);
  });

  it('keeps going after a failed post', async () => {
    const { pacer } = virtualPacer(1);
    const failed = pacer.run('CMATH', async () => {
      throw new Error('channel_not_found');
    });
    await expect(failed).rejects.toThrow('channel_not_found');
    await expect(pacer.run('CMATH', async () => 'posted')).resolves.toBe('posted');
  });
});
