import { afterEach, describe, expect, it } from 'vitest';
import { walTruncationsSettled } from '../../../src/capabilities/privacy/index.js';
import { SCHOOL_YEAR_START, type TestApp, testApp } from '../../support/app.js';
import { answerText } from '../../support/bot.js';
import { as, exportedFile, seedMath, ZELDA } from './school.js';

const DAY = 86_400_000;

/** The goal `ref` of the one goal with this text, as `#n`. */
function goalRef(app: TestApp, text: string): string {
  const row = app.store.db.prepare('SELECT ref FROM goals WHERE text = ?').get(text) as { ref: number } | undefined;
  if (!row) throw new Error(`no goal ${text}`);
  return `#${row.ref}`;
}

/** Zelda's traces in reflections, goals, peer observation and the library, all typed as commands. */
function seedWriting(app: TestApp, tag: string): void {
  as(app, ZELDA, `reflect team Shared reflection ${tag}-REFL-TEAM`, { channel: null });
  as(app, ZELDA, `reflect Private reflection ${tag}-REFL-PRIV`, { channel: null });
  as(app, ZELDA, `goal add Goal ${tag}-GOAL`, { channel: null });
  as(app, ZELDA, `checkin ${goalRef(app, `Goal ${tag}-GOAL`)} on-track 40% Evidence ${tag}-EVID`, { channel: null });
  as(app, 'carla', 'pair now');
  as(app, ZELDA, `observe feedback glow: Glow ${tag}-GLOW grow: Grow ${tag}-GROW`, { channel: null });
  as(app, ZELDA, `share https://example.org/${tag.toLowerCase()} Library ${tag}-LIB`);
}

describe('the data of reflections, goals, peer observation and the library', () => {
  let app: TestApp | undefined;
  afterEach(async () => {
    await walTruncationsSettled();
    await app?.dispose();
    app = undefined;
  });

  it('is in export me, each section with its entries, dated and with their readers', () => {
    app = testApp();
    seedMath(app);
    seedWriting(app, 'SEEDED');
    const data = exportedFile(as(app, ZELDA, 'export me', { channel: null })).data as {
      sections: Record<string, Record<string, Record<string, unknown>[]>>;
    };
    const { reflections, goals, pairing, knowledge } = data.sections as Record<string, Record<string, Record<string, unknown>[]>>;
    expect(reflections?.reflections).toEqual([
      expect.objectContaining({
        community: 'Math',
        visibility: 'team',
        readers: 'community-members',
        text: 'Shared reflection SEEDED-REFL-TEAM',
      }),
      expect.objectContaining({ community: 'Math', visibility: 'private', readers: 'self', text: 'Private reflection SEEDED-REFL-PRIV' }),
    ]);
    expect(goals?.goals).toEqual([expect.objectContaining({ level: 'me', text: 'Goal SEEDED-GOAL', readers: 'self' })]);
    expect(goals?.checkins).toEqual([
      expect.objectContaining({ status: 'on-track', percent: 40, evidence: 'Evidence SEEDED-EVID', readers: 'self' }),
    ]);
    expect(pairing?.rounds).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ community: 'Math', role: 'observer' }),
        expect.objectContaining({ role: 'observed' }),
      ]),
    );
    expect(pairing?.feedback).toEqual([
      expect.objectContaining({ direction: 'written', glow: 'Glow SEEDED-GLOW', grow: 'Grow SEEDED-GROW' }),
    ]);
    expect(knowledge?.resourcesShared).toEqual([
      expect.objectContaining({ community: 'Math', url: 'https://example.org/seeded', readers: 'community' }),
    ]);
    for (const name of ['reflections', 'goals', 'pairing', 'knowledge'])
      for (const entries of Object.values(data.sections[name] ?? {}))
        if (Array.isArray(entries)) for (const e of entries) expect(Object.keys(e)).toEqual(expect.arrayContaining(['at', 'readers']));
    // Nobody else's export holds it.
    expect(JSON.stringify(exportedFile(as(app, 'ben', 'export me', { channel: null })).data)).not.toContain('SEEDED-REFL');
  });

  it('expires under RETENTION_DAYS through the daily job: only what is old, only reflections, evidence and feedback', async () => {
    app = testApp({ env: { RETENTION_DAYS: '30' } });
    const short = app;
    seedMath(short);
    await short.advance(SCHOOL_YEAR_START + 2 * DAY);
    seedWriting(short, 'OLD');
    as(short, 'carla', 'norms add We start on time OLD-NORM');
    await short.advance(SCHOOL_YEAR_START + 25 * DAY);
    seedWriting(short, 'NEW');
    const q = (sql: string) => short.store.db.prepare(sql).all();
    const visitsBefore = q('SELECT id, observer_id, observed_id, happened FROM pairing_visits ORDER BY id');
    const checkinsBefore = q('SELECT id, status, percent FROM goal_checkins ORDER BY id');
    const keptBefore = q(
      'SELECT (SELECT COUNT(*) FROM knowledge_resources) AS r, (SELECT COUNT(*) FROM knowledge_norms) AS n, (SELECT COUNT(*) FROM audit_log) AS a',
    );
    expect(q('SELECT glow FROM pairing_visits WHERE glow IS NOT NULL ORDER BY id')).toEqual([
      { glow: 'Glow OLD-GLOW' },
      { glow: 'Glow NEW-GLOW' },
    ]);
    expect(q('SELECT evidence FROM goal_checkins ORDER BY id')).toEqual([
      { evidence: 'Evidence OLD-EVID' },
      { evidence: 'Evidence NEW-EVID' },
    ]);
    expect(q('SELECT COUNT(*) AS n FROM reflections')).toEqual([{ n: 4 }]);
    expect(q("SELECT body AS text FROM search_docs WHERE source = 'reflection' ORDER BY body")).toEqual([
      { text: 'Shared reflection NEW-REFL-TEAM' },
      { text: 'Shared reflection OLD-REFL-TEAM' },
    ]);

    // Thirty days after the first writing, the daily job has taken it; what came later stays.
    await short.advance(SCHOOL_YEAR_START + 34 * DAY);
    expect(q('SELECT text FROM reflections ORDER BY id')).toEqual([
      { text: 'Shared reflection NEW-REFL-TEAM' },
      { text: 'Private reflection NEW-REFL-PRIV' },
    ]);
    expect(q("SELECT body AS text FROM search_docs WHERE source = 'reflection'")).toEqual([{ text: 'Shared reflection NEW-REFL-TEAM' }]);
    const found = answerText(as(short, 'ana', 'search shared reflection'));
    expect(found).toContain('NEW-REFL-TEAM');
    expect(found).not.toContain('OLD-REFL-TEAM');
    // Check-ins keep their status and progress, so that counts stay right; only the old evidence goes.
    expect(q('SELECT id, status, percent FROM goal_checkins ORDER BY id')).toEqual(checkinsBefore);
    expect(q('SELECT evidence FROM goal_checkins ORDER BY id')).toEqual([{ evidence: null }, { evidence: 'Evidence NEW-EVID' }]);
    // Visits stay as history; only the old feedback goes.
    expect(q('SELECT id, observer_id, observed_id, happened FROM pairing_visits ORDER BY id')).toEqual(visitsBefore);
    expect(q('SELECT glow, grow FROM pairing_visits WHERE glow IS NOT NULL')).toEqual([{ glow: 'Glow NEW-GLOW', grow: 'Grow NEW-GROW' }]);
    // The library, norms and the audit are kept.
    expect(
      q(
        'SELECT (SELECT COUNT(*) FROM knowledge_resources) AS r, (SELECT COUNT(*) FROM knowledge_norms) AS n, (SELECT COUNT(*) FROM audit_log) AS a',
      ),
    ).toEqual(keptBefore);
    expect(q("SELECT text FROM knowledge_resources WHERE text LIKE '%OLD-LIB%'")).toHaveLength(1);
  });
});
