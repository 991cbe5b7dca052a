import { describe, expect, it } from 'vitest';
import { mustStay } from '../src/membership.js';

describe('who may leave a community', () => {
  it('keeps the only lead while others remain', () => {
    expect(mustStay({ role: 'lead', leads: 1, members: 3 })).toBe(true);
  });

  it('lets a lead go when another lead remains, or when nobody else is left', () => {
    expect(mustStay({ role: 'lead', leads: 2, members: 3 })).toBe(false);
    expect(mustStay({ role: 'lead', leads: 1, members: 1 })).toBe(false);
  });

  it('lets everyone who is not a lead go', () => {
    for (const role of ['curator', 'coach', 'member', 'guest'] as const) expect(mustStay({ role, leads: 1, members: 5 })).toBe(false);
  });
});
