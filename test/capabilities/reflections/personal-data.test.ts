import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reflections } from '../../../src/capabilities/reflections/index.js';
import type { Person } from '../../../src/capability.js';
import { type TestApp, testApp } from '../../support/app.js';
import { DAY, recordSends } from '../meetings/recorder.js';
import { mathTeam, sayAs } from './school.js';

let app: TestApp;
/** Monday 2026-09-07. */
const MONDAY = Date.parse('2026-09-07T06:00:00Z');

beforeEach(async () => {
  app = testApp({ start: MONDAY });
  recordSends(app);
  mathTeam(app);
  sayAs(app, 'carla', 'prompts weekly mon 09:00');
  await app.advance(MONDAY + 4 * 3_600_000);
  sayAs(app, 'ana', 'reflect team Shared words');
  sayAs(app, 'ana', 'reflect Private words');
  sayAs(app, 'ben', 'reflect team Ben’s words');
  sayAs(app, 'carla', 'prompts add What surprised you?');
});
afterEach(async () => {
  await app.dispose();
});

const person = (name: string): Person => {
  const workspace = app.store.workspaces.find('console', 'school-a');
  const user = workspace && app.store.users.findByExternal(workspace.id, name);
  if (!workspace || !user) throw new Error(`no ${name}`);
  return { workspace, user };
};
const env = () => ({ store: app.store, now: app.clock.now().getTime(), log: app.log });

describe('a person’s reflections as personal data', () => {
  it('export every reflection with its date, community and who could read it, and the prompts sent', () => {
    const out = reflections.personalData.export(person('ana'), env()) as {
      reflections: { text: string; visibility: string; readers: string; community: string; at: number }[];
      prompts: { community: string; date: string; answeredAt: number | null }[];
    };
    expect(out.reflections.map((r) => [r.text, r.visibility, r.readers, r.community])).toEqual([
      ['Shared words', 'team', 'community-members', 'Math'],
      ['Private words', 'private', 'self', 'Math'],
    ]);
    expect(out.reflections.every((r) => r.at === MONDAY + 4 * 3_600_000)).toBe(true);
    expect(out.prompts).toMatchObject([{ community: 'Math', date: '2026-09-07' }]);
    expect(out.prompts[0]?.answeredAt).not.toBeNull();
    expect(JSON.stringify(out)).not.toContain('Ben’s words');
  });

  it('forget deletes them all, the prompts to the person and the prompts and nudges queued for them; others keep theirs', () => {
    const ana = person('ana');
    const pendingFor = (id: number) =>
      (
        app.store.db
          .prepare("SELECT COUNT(*) AS n FROM jobs WHERE state = 'pending' AND json_extract(payload, '$.userId') = ?")
          .get(id) as { n: number }
      ).n;
    expect(pendingFor(ana.user.id)).toBeGreaterThan(0);
    app.store.transaction(() => reflections.personalData.forget(ana, env()));
    const left = app.store.db.prepare('SELECT text FROM reflections ORDER BY id').all();
    expect(left).toEqual([{ text: 'Ben’s words' }]);
    expect(app.store.db.prepare('SELECT COUNT(*) AS n FROM reflection_prompts WHERE user_id = ?').get(ana.user.id)).toEqual({ n: 0 });
    expect(pendingFor(ana.user.id)).toBe(0);
    expect(pendingFor(person('ben').user.id)).toBeGreaterThan(0);
    // The question carla added stays the community's, credited to nobody once carla is forgotten.
    app.store.transaction(() => reflections.personalData.forget(person('carla'), env()));
    expect(app.store.db.prepare('SELECT text, created_by AS by FROM reflection_questions').all()).toEqual([
      { text: 'What surprised you?', by: null },
    ]);
  });

  it('keeps the reflections of someone who leaves theirs, and sends them no more prompts', async () => {
    sayAs(app, 'ana', 'leave');
    expect(sayAs(app, 'ana', 'reflections', { channel: null })).toContain('Private words');
    const sent = recordSends(app);
    await app.advance(MONDAY + 14 * DAY);
    expect(sent.filter((s) => s.to === '@ana')).toEqual([]);
    expect(sent.filter((s) => s.to === '@ben').length).toBeGreaterThan(0);
  });
});
