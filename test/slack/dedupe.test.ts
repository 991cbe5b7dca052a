import { describe, expect, it } from 'vitest';
import { REQUEST_MEMORY_MS, RequestLedger } from '../../adapters/slack/dedupe.js';

const T0 = Date.parse('2026-09-01T08:00:00Z');

describe('the ledger of signed requests let in', () => {
  it('lets a signature in once', () => {
    const ledger = new RequestLedger();
    expect(ledger.firstSeen('abc', T0)).toBe(true);
    expect(ledger.firstSeen('abc', T0 + 1_000)).toBe(false);
    expect(ledger.firstSeen('abc', T0 + REQUEST_MEMORY_MS - 1)).toBe(false);
    expect(ledger.firstSeen('def', T0 + 2_000)).toBe(true);
  });

  it('remembers a signature for as long as its timestamp could still pass: five minutes each way', () => {
    expect(REQUEST_MEMORY_MS).toBe(10 * 60_000);
  });

  it('forgets a signature once its timestamp could no longer pass, and keeps the later ones', () => {
    const ledger = new RequestLedger();
    ledger.firstSeen('abc', T0);
    ledger.firstSeen('def', T0 + 60_000);
    expect(ledger.firstSeen('abc', T0 + REQUEST_MEMORY_MS + 1)).toBe(true);
    expect(ledger.firstSeen('def', T0 + REQUEST_MEMORY_MS + 1)).toBe(false);
  });
});
