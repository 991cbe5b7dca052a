import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { Cursor } from '../../src/grammar/cursor.js';
import { pageOf, parsePage } from '../../src/views/paging.js';

describe('page <n>', () => {
  it('is page 1 when absent and leaves the rest for the command', () => {
    const c = new Cursor('fractions');
    expect(parsePage(c)).toBe(1);
    expect(c.rest()).toBe('fractions');
  });

  it('reads the number, in ASCII or Arabic-Indic digits, before the free text', () => {
    const c = new Cursor('page 2 fractions');
    expect(parsePage(c)).toBe(2);
    expect(c.rest()).toBe('fractions');
    expect(parsePage(new Cursor('page ٣'))).toBe(3);
  });

  it.each(['page', 'page 0', 'page -1', 'page 1e2', 'page two', 'page 1001'])('refuses %j', (input) => {
    expect(() => parsePage(new Cursor(input))).toThrow(UserError);
  });
});

describe('pageOf', () => {
  const all = Array.from({ length: 23 }, (_, i) => i + 1);
  it('cuts ten at a time and counts the pages', () => {
    expect(pageOf(all, 1)).toEqual({ items: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], page: 1, pages: 3, total: 23 });
    expect(pageOf(all, 3).items).toEqual([21, 22, 23]);
  });
  it('shows the last page for a page past the end, and one empty page for nothing', () => {
    expect(pageOf(all, 9).page).toBe(3);
    expect(pageOf([], 1)).toEqual({ items: [], page: 1, pages: 1, total: 0 });
  });
});
