import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetings } from '../../../src/capabilities/meetings/index.js';
import { chartSvg } from '../../../src/capabilities/summaries/chart.js';
import { chartInput } from '../../../src/capabilities/summaries/chart-blocks.js';
import type { Delivery } from '../../../src/grammar/command.js';
import { translator } from '../../../src/i18n/translate.js';
import { renderPlain } from '../../../src/views/plain.js';
import { run } from '../../support/bot.js';
import { recordMessages } from '../meetings/recorder.js';
import { PRIVATE, SHARED_WITH_COORDINATORS, summaryApp } from './fakes.js';
import { NOTES_MARKER, PEOPLE, type SummaryApp, seedSchool } from './school.js';

let app: SummaryApp;
let sent: ReturnType<typeof recordMessages>;
beforeAll(async () => {
  app = summaryApp();
  sent = recordMessages(app);
  await seedSchool(app);
  // Another workspace, whose first person is its coordinator.
  run(app, 'Yvonne', 'create Math', { workspace: 'school-b', channel: 'math-b' });
});
afterAll(async () => app.dispose());

/** Every message a command sends anyone, as plain text, with the files' content. */
function everything(ds: Delivery[]): string {
  return ds
    .map((d) => {
      const files = d.view.blocks.flatMap((b) =>
        b.type === 'file' ? [Buffer.from(b.file.content, b.file.encoding === 'base64' ? 'base64' : 'utf8').toString('utf8')] : [],
      );
      return [renderPlain(d.view), ...files].join('\n');
    })
    .join('\n');
}

const as = (user: string, text: string, opts: { channel?: string | null; workspace?: string } = {}) =>
  everything(
    run(app, user, text, {
      channel: opts.channel === undefined ? null : opts.channel,
      ...(opts.workspace ? { workspace: opts.workspace } : {}),
    }).deliveries,
  );

describe('who may ask for what: coordinator, lead, member, guest, another community, another workspace', () => {
  const cases: { who: string; ws?: string; status: 'ok' | RegExp; all: 'ok' | RegExp; others: 'ok' | RegExp }[] = [
    { who: 'Carla', status: 'ok', all: 'ok', others: 'ok' },
    { who: 'Lena', status: 'ok', all: /Only a workspace coordinator/, others: /Only a workspace coordinator/ },
    { who: 'Anneliese', status: 'ok', all: /Only a workspace coordinator/, others: /Only a workspace coordinator/ },
    { who: 'Gustav', status: /guests/i, all: /Only a workspace coordinator/, others: /Only a workspace coordinator/ },
    { who: 'Benedikt', status: /is not one of them/, all: /Only a workspace coordinator/, others: /Only a workspace coordinator/ },
  ];
  for (const c of cases) {
    it(`${c.who}: status Math ${c.status === 'ok' ? 'shown' : 'refused'}, status all ${c.all === 'ok' ? 'shown' : 'refused'}`, () => {
      const status = as(c.who, 'status Math');
      if (c.status === 'ok') expect(status).toContain('== Math · the last 30 days ==');
      else expect(status).toMatch(c.status);
      const all = as(c.who, 'status all');
      if (c.all === 'ok') expect(all).toContain('All 3 communities');
      else {
        expect(all).toMatch(c.all);
        expect(all).not.toContain('Meetings:');
      }
      for (const command of ['digest weekly mon 07:30', 'in Math export community csv', 'audit']) {
        const out = as(c.who, command);
        if (c.others === 'ok') expect(out).not.toMatch(/Only a workspace coordinator/);
        else {
          expect(out).toMatch(c.others);
          expect(out).not.toContain('Math,');
        }
      }
    });
  }

  it('a member typing status in the community’s channel sees that community', () => {
    expect(as('Anneliese', 'status', { channel: 'math' })).toContain('== Math · the last 30 days ==');
  });

  it('another workspace sees nothing of this one, even with the same community name', () => {
    const status = as('Yvonne', 'status Math', { workspace: 'school-b' });
    expect(status).toContain('Members: 1 ');
    expect(status).not.toContain('Meetings: 3 held');
    const all = as('Yvonne', 'status all', { workspace: 'school-b' });
    expect(all).toContain('1 community');
    expect(all).not.toContain('Art');
    expect(as('Yvonne', 'in Art export community', { workspace: 'school-b' })).toContain('There is no community');
    const audit = as('Yvonne', 'audit', { workspace: 'school-b' });
    expect(audit).not.toContain('Carla');
    expect(audit).not.toContain('cancelled a meeting');
    expect(as('Benedikt', 'status Math', { workspace: 'school-b' })).toMatch(/is not one of them|no community/i);
  });
});

describe('no private text and no person’s name next to participation, in any output', () => {
  const outputs = () => {
    const texts = [
      as('Carla', 'status Math'),
      as('Carla', 'status all'),
      as('Carla', 'status Art'),
      as('Lena', 'status Math', { channel: 'math' }),
      as('Anneliese', 'status'),
      as('Carla', 'status all since 90d'),
    ];
    const i18n = translator('en');
    // The chart's SVG, drawn from the same sources as the app's: the meetings and the stand-ins.
    const deps = { sources: () => [meetings, ...app.fakes.list], publicUrl: () => undefined };
    const env = { store: app.store, now: app.clock.now().getTime(), log: app.log, i18n, zone: 'UTC' };
    const workspace = app.store.workspaces.get(1);
    if (!workspace) throw new Error('no school');
    const input = chartInput(deps, env, workspace, app.store.communities.list(1));
    // Only Math has three members: the chart is its figures alone, and names no community.
    expect(input.communities).toBe(1);
    texts.push(chartSvg(input, i18n));
    return texts;
  };

  it('never shows a private, team-only or coordinator-only reflection, an observation note, an individual goal or meeting notes in a summary', () => {
    for (const text of outputs()) {
      for (const marker of [...Object.values(PRIVATE), SHARED_WITH_COORDINATORS, NOTES_MARKER]) expect(text).not.toContain(marker);
    }
  });

  it('never names a member in a summary or its chart', () => {
    for (const text of outputs()) {
      for (const name of PEOPLE) expect(text.toLowerCase()).not.toContain(name.toLowerCase());
    }
  });

  it('the export holds the meeting notes and what was shared with coordinators, and nothing private', () => {
    for (const format of ['csv', 'json']) {
      const out = as('Carla', `in Math export community ${format}`);
      expect(out).toContain(NOTES_MARKER);
      expect(out).toContain(SHARED_WITH_COORDINATORS);
      for (const marker of Object.values(PRIVATE)) expect(out).not.toContain(marker);
    }
  });

  it('the digest in the coordinator’s direct messages holds no private text and no names', async () => {
    as('Carla', 'digest weekly mon 07:30');
    const before = sent.sent.length;
    await app.advance(Date.parse('2026-10-05T08:00:00Z'));
    app.clock.set(Date.parse('2026-10-05T08:00:00Z'));
    const digests = sent.sent.slice(before).filter((s) => s.to === '@Carla');
    expect(digests).toHaveLength(1);
    const text = digests.map((d) => d.text).join('\n');
    expect(text).toContain('Your digest of');
    for (const marker of [...Object.values(PRIVATE), SHARED_WITH_COORDINATORS, NOTES_MARKER]) expect(text).not.toContain(marker);
    for (const name of PEOPLE) expect(text.toLowerCase()).not.toContain(name.toLowerCase());
  });

  it('the audit names who acted, but never what anyone wrote', () => {
    const audit = as('Carla', 'audit since 60d');
    expect(audit).toContain('cancelled a meeting');
    expect(audit).not.toContain('Staff day');
    for (const marker of [...Object.values(PRIVATE), SHARED_WITH_COORDINATORS, NOTES_MARKER]) expect(audit).not.toContain(marker);
  });
});
