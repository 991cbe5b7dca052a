import { describe, expect, it } from 'vitest';
import { periodsBefore, share, sparkline } from '../../../../src/capabilities/summaries/domain/trend.js';

describe('a sparkline', () => {
  it('draws the lowest value shortest and the highest tallest, oldest first', () => {
    expect(sparkline([0, 1, 2, 3, 4, 5, 6, 7])).toBe('▁▂▃▄▅▆▇█');
    expect(sparkline([8, 12, 15, 13, 19, 21])).toBe('▁▃▅▄▇█');
  });
  it('shows a period with no figure as a gap, and a flat series at mid height (at the bottom when it is all zero)', () => {
    expect(sparkline([null, 0.5, null, 1])).toBe('·▁·█');
    expect(sparkline([3, 3, 3])).toBe('▄▄▄');
    expect(sparkline([0, 0])).toBe('▁▁');
    expect(sparkline([null, null])).toBe('');
  });
});

describe('a share', () => {
  it('is nothing when there is nothing to divide by, and never outside 0 to 1', () => {
    expect(share(1, 0)).toBeNull();
    expect(share(undefined, 4)).toBeNull();
    expect(share(5, 15)).toBeCloseTo(1 / 3);
    expect(share(6, 5)).toBe(1);
  });
});

it('the periods end at the asked instant, each as long as asked, oldest first', () => {
  const day = 86_400_000;
  expect(periodsBefore(100 * day, 30, 3)).toEqual([
    { from: 10 * day, to: 40 * day },
    { from: 40 * day, to: 70 * day },
    { from: 70 * day, to: 100 * day },
  ]);
});
