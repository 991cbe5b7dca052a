import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { placedTerms, schoolYearStart, startTerm, termAt, termsOf } from '../../src/terms.js';

let dir: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'plc-terms-'));
  store = Store.open(join(dir, 'terms.sqlite'));
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const at = (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).toMillis();

describe('terms', () => {
  it('places each term at local midnight and ends it where the next begins', () => {
    const { workspace } = store.workspaces.ensure('console', 'W1', 'School', 0);
    startTerm(store, 0, { workspaceId: workspace.id, startsOn: '2027-01-04', newYear: false, name: 'Spring', createdBy: null });
    startTerm(store, 0, { workspaceId: workspace.id, startsOn: '2026-08-24', newYear: true, name: 'Autumn', createdBy: null });
    const placed = placedTerms(store, workspace.id, 'Europe/Berlin');
    expect(placed.map((t) => [t.startsOn, t.name, t.newYear])).toEqual([
      ['2026-08-24', 'Autumn', true],
      ['2027-01-04', 'Spring', false],
    ]);
    expect(placed[0]?.startsAt).toBe(at('2026-08-24T00:00', 'Europe/Berlin'));
    expect(placed[0]?.endsAt).toBe(at('2027-01-04T00:00', 'Europe/Berlin'));
    expect(placed[1]?.endsAt).toBeNull();
  });

  it('finds the running term and the school year it belongs to, in each zone', () => {
    const { workspace } = store.workspaces.ensure('console', 'W1', 'School', 0);
    const w = workspace.id;
    startTerm(store, 0, { workspaceId: w, startsOn: '2026-08-24', newYear: true, name: null, createdBy: null });
    startTerm(store, 0, { workspaceId: w, startsOn: '2027-01-04', newYear: false, name: null, createdBy: null });
    startTerm(store, 0, { workspaceId: w, startsOn: '2027-08-23', newYear: true, name: null, createdBy: null });

    expect(termAt(store, w, 'UTC', at('2026-08-01T00:00', 'UTC'))).toBeNull();
    expect(schoolYearStart(store, w, 'UTC', at('2026-08-01T00:00', 'UTC'))).toBeNull();
    expect(termAt(store, w, 'UTC', at('2027-03-01T12:00', 'UTC'))?.startsOn).toBe('2027-01-04');
    expect(schoolYearStart(store, w, 'UTC', at('2027-03-01T12:00', 'UTC'))).toBe(at('2026-08-24T00:00', 'UTC'));
    expect(schoolYearStart(store, w, 'UTC', at('2027-09-01T00:00', 'UTC'))).toBe(at('2027-08-23T00:00', 'UTC'));

    // 2027-01-03 23:30 in UTC is already the 4th in Berlin: the new term has begun there, not in London.
    const instant = at('2027-01-03T23:30', 'UTC');
    expect(termAt(store, w, 'Europe/Berlin', instant)?.startsOn).toBe('2027-01-04');
    expect(termAt(store, w, 'Europe/London', instant)?.startsOn).toBe('2026-08-24');
  });

  it('corrects a term typed again on the same date, and keeps workspaces apart', () => {
    const a = store.workspaces.ensure('console', 'W1', 'School', 0).workspace.id;
    const b = store.workspaces.ensure('console', 'W2', 'Other', 0).workspace.id;
    startTerm(store, 0, { workspaceId: a, startsOn: '2026-08-24', newYear: false, name: 'Autumn', createdBy: null });
    startTerm(store, 0, { workspaceId: a, startsOn: '2026-08-24', newYear: true, name: 'Herbst', createdBy: null });
    expect(termsOf(store, a)).toEqual([expect.objectContaining({ startsOn: '2026-08-24', newYear: true, name: 'Herbst' })]);
    expect(termsOf(store, b)).toEqual([]);
  });
});
