import { DateTime } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import { meetings } from '../../../src/capabilities/meetings/index.js';
import { chartInput } from '../../../src/capabilities/summaries/chart-blocks.js';
import { CHART_WEEKS, localWeeks, MAX_CHART_WEEKS } from '../../../src/capabilities/summaries/domain/weeks.js';
import { translator } from '../../../src/i18n/translate.js';
import { startTerm } from '../../../src/terms.js';
import { view } from '../../../src/views/build.js';
import { renderPlain } from '../../../src/views/plain.js';
import { run } from '../../support/bot.js';
import { summaryApp } from './fakes.js';
import { ASKED_AT, type SummaryApp, say, seedSchool, userId } from './school.js';

const local = (ms: number, zone: string) => DateTime.fromMillis(ms, { zone });

describe('the chart’s weeks', () => {
  it('are the reader’s local weeks from Monday, the last one ending now, labelled in the reader’s language', () => {
    const now = Date.parse('2026-11-04T15:00:00Z');
    const weeks = localWeeks(now, 'Europe/Berlin', 'de', null);
    expect(weeks).toHaveLength(CHART_WEEKS);
    for (const w of weeks.slice(1)) expect(local(w.from, 'Europe/Berlin').toFormat('ccc HH:mm')).toBe('Mon 00:00');
    expect(weeks[weeks.length - 1]?.to).toBe(now);
    expect(weeks[weeks.length - 1]?.label).toBe('2. Nov.');
    // The week in which Berlin leaves summer time (October 25) is an hour longer, and its neighbours follow on.
    const dst = weeks.find((w) => w.label === '19. Okt.');
    expect(dst && dst.to - dst.from).toBe(7 * 86_400_000 + 3_600_000);
    expect(weeks.slice(1).map((w) => w.from)).toEqual(weeks.slice(0, -1).map((w) => w.to));
  });

  it('start in the running term, from its first day, but never more than a school year back', () => {
    const now = Date.parse('2026-10-01T08:00:00Z');
    const term = Date.parse('2026-09-09T00:00:00Z');
    const weeks = localWeeks(now, 'UTC', 'en', term);
    expect(weeks.map((w) => w.label)).toEqual(['Sep 9', 'Sep 14', 'Sep 21', 'Sep 28']);
    expect(weeks[0]?.from).toBe(term);
    const old = localWeeks(now, 'UTC', 'en', Date.parse('2024-09-02T00:00:00Z'));
    expect(old).toHaveLength(MAX_CHART_WEEKS);
    // A date of another year carries its year.
    expect(old[0]?.label).toBe('Oct 6, 2025');
  });
});

let app: SummaryApp | null = null;
afterEach(async () => {
  await app?.dispose();
  app = null;
});

describe('the chart of a district', () => {
  const numbers = (user: string) =>
    renderPlain(run(app as SummaryApp, user, 'status all', { channel: null }).deliveries[0]?.view ?? view('en', []));

  it('covers the running term when one has begun', async () => {
    app = summaryApp();
    await seedSchool(app);
    startTerm(app.store, app.clock.now().getTime(), {
      workspaceId: 1,
      startsOn: '2026-09-09',
      newYear: false,
      name: null,
      createdBy: null,
    });
    const text = numbers('Carla');
    expect(text).toContain('4 weeks from Sep 9 to Sep 28');
    expect(text).toContain('Attendance, all together: 40%, none, none, 0%');
    expect(text).toContain('Members who reflected, all together: 20%, 20%, 20%, 0%');
  });

  it('counts in the reader’s time zone: a Sunday reflection at 10:00 UTC falls on Monday in Kiritimati', async () => {
    app = summaryApp();
    await seedSchool(app);
    const deps = { sources: () => [meetings, ...(app as SummaryApp).fakes.list], publicUrl: () => undefined };
    const env = { store: app.store, now: ASKED_AT, log: app.log, i18n: translator('en') };
    const workspace = app.store.workspaces.get(1);
    if (!workspace) throw new Error('no school');
    const shares = (zone: string) =>
      chartInput(deps, { ...env, zone }, workspace, app?.store.communities.list(1) ?? []).reflected.map((m) => m.value);
    const none = Array(7).fill(null);
    expect(shares('UTC')).toEqual([...none, 0, 0.2, 0.2, 0.2, 0]);
    expect(shares('Pacific/Kiritimati')).toEqual([...none, 0, 0.2, 0, 0.4, 0]);
  });

  it('shows the middle half of the communities once there are five with at least three members, never naming one', async () => {
    app = summaryApp();
    await seedSchool(app);
    for (let i = 1; i <= 5; i++) {
      say(app, 'Carla', `create Band ${i}`, `band${i}`);
      for (const who of [`b${i}a`, `b${i}b`]) say(app, who, 'join', `band${i}`);
    }
    // In the week of September 28: 0, 1, 2, 3 and 1 of each community's three members reflected.
    const at = Date.parse('2026-09-29T10:00:00Z');
    const reflect = (community: string, who: string) =>
      app?.fakes.reflections.push({ community, userId: userId(app, who), at, visibility: 'private', text: 'x' });
    reflect('Band 2', 'b2a');
    for (const who of ['b3a', 'b3b']) reflect('Band 3', who);
    for (const who of ['b4a', 'b4b', 'Carla']) reflect('Band 4', who);
    reflect('Band 5', 'b5a');
    const text = numbers('Carla');
    expect(text).toContain('6 communities with at least 3 members taken together');
    // Math's five members and the bands' fifteen: 7 of 20 reflected; the middle half of the six shares (0, 0, 1/3, 1/3, 2/3, 1).
    expect(text).toMatch(/Members who reflected, all together: [^\n]*, 35%$/m);
    expect(text).toMatch(/Members who reflected, the middle half of the communities: [^\n]*, 8%–58%$/m);
    for (let i = 1; i <= 5; i++) expect(text).not.toMatch(new RegExp(`Band ${i}: .*(reflected|%)`));
  });
});
