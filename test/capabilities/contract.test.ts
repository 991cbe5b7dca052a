import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SLACK_VERSIONS, slackMigrations } from '../../adapters/slack/migrations/index.js';
import { TEAMS_VERSIONS, teamsMigrations } from '../../adapters/teams/migrations/index.js';
import { assemble } from '../../src/app.js';
import { capabilities } from '../../src/capabilities.js';
import type { Capability } from '../../src/capability.js';
import { LOCALES } from '../../src/i18n/locales.js';
import { JobHandlers } from '../../src/scheduler/handlers.js';
import { CORE_VERSIONS, coreMigrations, type Migration } from '../../src/store/migrations/index.js';
import { type TestApp, testApp } from '../support/app.js';
import { run } from '../support/bot.js';

type Block = readonly (readonly [number, number])[];
const inBlock = (version: number, block: Block) => block.some(([from, to]) => version >= from && version <= to);

/** Every owner of migration versions: the core, each capability, each adapter. */
const owners: { name: string; versions: Block; migrations: readonly Migration[] }[] = [
  { name: 'core', versions: CORE_VERSIONS, migrations: coreMigrations },
  ...capabilities().map((c) => ({ name: c.name, versions: c.versions, migrations: c.migrations })),
  { name: 'slack', versions: SLACK_VERSIONS, migrations: slackMigrations },
  { name: 'teams', versions: TEAMS_VERSIONS, migrations: teamsMigrations },
];

describe('version blocks', () => {
  it('no two owners’ blocks overlap', () => {
    const ranges = owners.flatMap((o) => o.versions.map(([from, to]) => ({ owner: o.name, from, to })));
    const overlaps = ranges.flatMap((a, i) =>
      ranges
        .slice(i + 1)
        .filter((b) => a.from <= b.to && b.from <= a.to)
        .map((b) => `${a.owner} ${a.from}-${a.to} / ${b.owner} ${b.from}-${b.to}`),
    );
    expect(overlaps).toEqual([]);
  });

  it('the shipped versions keep their numbers and their owners', () => {
    const owner = new Map(owners.flatMap((o) => o.migrations.map((m) => [m.version, o.name] as const)));
    expect(Object.fromEntries([1, 2, 3, 4, 5, 10, 20, 21].map((v) => [v, owner.get(v)]))).toEqual({
      1: 'core',
      2: 'core',
      3: 'meetings',
      4: 'meetings',
      5: 'meetings',
      10: 'slack',
      20: 'teams',
      21: 'teams',
    });
  });
});

/** The tables a capability's own migrations create. */
function tablesOf(c: Capability): string[] {
  return c.migrations.flatMap((m) => [...m.sql.matchAll(/CREATE TABLE (?:IF NOT EXISTS )?(\w+)/g)].map((x) => x[1] as string));
}

/** Builds a school in which one person, ana, has left a trace in every capability that exists. */
function seedAna(app: TestApp): void {
  const say = (user: string, text: string) => run(app, user, text, { channel: 'math' });
  say('carla', 'create Math');
  say('carla', 'settings tz Europe/Copenhagen');
  for (const p of ['ana', 'ben']) say(p, 'join');
  say('ana', 'lang de');
  say('carla', 'schedule weekly wed 15:30');
  say('ana', 'agenda add Exit tickets');
  say('ana', 'rsvp yes');
  say('ana', 'calendar');
  say('ana', 'pair avoid @ben');
  say('carla', 'pair now');
  say('ana', 'observe focus questioning');
  say('ana', 'observe feedback glow: clear goals grow: more wait time');
  say('ana', 'observe share Exit tickets show who needs help');
  say('carla', 'role @ana lead');
  say('ana', 'holiday 2026-12-21 2027-01-01 Winter break');
  say('ana', 'reflect team Exit tickets showed who needs fractions');
  say('ana', 'prompts add What surprised you this week?');
  say('ana', 'prompts weekly fri 15:00');
  say('ana', 'goal add team Every student reads every day');
  say('ana', 'goal add Exit tickets in every lesson');
  const goal = (text: string) => `#${(app.store.db.prepare('SELECT ref FROM goals WHERE text = ?').get(text) as { ref: number }).ref}`;
  say('ana', `checkin ${goal('Exit tickets in every lesson')} on-track 50% most came back`);
  say('ben', `checkin ${goal('Every student reads every day')} at-risk`);
  say('ana', 'checkins weekly fri 14:00');
  say('ana', `goal close ${goal('Every student reads every day')} achieved`);
  say('ana', 'share #fractions https://example.org/exit-tickets Exit tickets that work');
  say('ana', 'norms add We start on time');
  say('ana', 'charter mission We learn from each other');
  say('carla', 'coordinator add @ana');
  say('ana', 'digest weekly mon 07:30');
  say('ana', `term start ${app.clock.now().toISOString().slice(0, 10)} new-year`);
  say('ana', 'term confirm');
}

describe.each(capabilities().map((c) => [c.name, c] as const))('the %s capability keeps the contract', (_, capability) => {
  let app: TestApp;
  beforeEach(() => {
    app = testApp();
  });
  afterEach(async () => {
    await app.dispose();
  });

  it('names its job kinds and tracked messages with its prefix', () => {
    const handlers = new JobHandlers();
    capability.jobs?.(handlers);
    const prefix = `${capability.jobPrefix ?? capability.name}.`;
    expect([...handlers.kinds(), ...handlers.trackedKinds()].filter((k) => !k.startsWith(prefix))).toEqual([]);
  });

  it('keeps its migrations inside its block of versions', () => {
    expect(capability.migrations.filter((m) => !inBlock(m.version, capability.versions)).map((m) => m.version)).toEqual([]);
  });

  it('has its help heading and the usage and summary of every command it adds, in all five languages, in its own catalog', () => {
    const { registry } = assemble([capability]);
    const missing = registry.helpEntries().flatMap((entry) =>
      LOCALES.flatMap((locale) =>
        ['usage', 'summary']
          .map((part) => `cmd.${entry}.${part}`)
          .concat(`help.group.${capability.name}`)
          .filter((key) => !(capability.messages[locale] as Record<string, string>)[key]?.trim())
          .map((key) => `${locale}:${key}`),
      ),
    );
    expect(registry.helpEntries().length).toBeGreaterThan(0);
    expect(missing).toEqual([]);
  });

  it('says what it keeps about people, each kind in all five languages, for privacy and the forget-me question', () => {
    expect(capability.privacy).toBeDefined();
    const missing = (capability.privacy?.stores ?? []).flatMap((kind) =>
      LOCALES.filter((locale) => !(capability.messages[locale] as Record<string, string>)[kind.what]?.trim()).map(
        (locale) => `${locale}:${kind.what}`,
      ),
    );
    expect(missing).toEqual([]);
    // A capability with tables about people keeps something a person should be told about.
    if (tablesOf(capability).length > 0) expect(capability.privacy?.stores.length).toBeGreaterThan(0);
  });

  it('counts the active members of many communities with one call as it does for each', () => {
    if (!capability.participants) {
      expect(capability.participantsOfMany).toBeUndefined();
      return;
    }
    seedAna(app);
    // Whoever of the pair observes says the visit happened (pairing counts observers).
    for (const who of ['ana', 'ben', 'carla']) run(app, who, 'observe happened yes', { channel: 'math' });
    run(app, 'carla', 'create Art', { channel: 'art' });
    run(app, 'dora', 'join', { channel: 'art' });
    const { store } = app;
    const workspace = store.workspaces.find('console', 'school-a');
    if (!workspace) throw new Error('the school was not built');
    const now = app.clock.now().getTime();
    const env = { store, now, log: app.log };
    const DAY = 86_400_000;
    const period = { from: 0, to: now + DAY };
    const all = store.communities.list(workspace.id);
    expect(capability.participantsOfMany).toBeDefined();
    const sorted = (ids: Iterable<number> | undefined) => [...(ids ?? [])].sort((a, b) => a - b);
    // Everything, before anything, the last hour up to now, and one still to come: each as `participants` says.
    const periods = [
      period,
      { from: 0, to: now - 30 * DAY },
      { from: now - 3_600_000, to: now + 1 },
      { from: now + DAY, to: now + 2 * DAY },
    ];
    const many = capability.participantsOfMany?.(all, periods, env) ?? [];
    const eachOf = (p: { from: number; to: number }) => all.map((c) => [c.name, sorted(capability.participants?.(c, p, env))]);
    expect(many.map((byCommunity) => all.map((c) => [c.name, sorted(byCommunity.get(c.id))]))).toEqual(periods.map(eachOf));
    const each = eachOf(period);
    // Math's people left a trace in every capability that records participation, Art's none: or this proves nothing.
    expect(each.map(([name, ids]) => [name, (ids?.length ?? 0) > 0])).toEqual(all.map((c) => [c.name, c.name === 'Math']));
  });

  it('counts the figures of many communities over several periods as it does for each community and period', () => {
    if (!capability.figures) {
      expect(capability.figuresOfMany).toBeUndefined();
      return;
    }
    seedAna(app);
    for (const who of ['ana', 'ben', 'carla']) run(app, who, 'observe happened yes', { channel: 'math' });
    run(app, 'carla', 'create Art', { channel: 'art' });
    const DAY = 86_400_000;
    // A week and a day on, Math's first meeting (answered yes) lies behind.
    app.clock.set(app.clock.now().getTime() + 8 * DAY);
    const { store } = app;
    const workspace = store.workspaces.find('console', 'school-a');
    if (!workspace) throw new Error('the school was not built');
    const now = app.clock.now().getTime();
    const env = { store, now, log: app.log };
    // Before anything, the last ten days up to now (cut mid-day), a span over both, and one still to come.
    const periods = [
      { from: 0, to: now - 30 * DAY },
      { from: now - 10 * DAY - 3_600_000, to: now + 1 },
      { from: 0, to: now + DAY },
      { from: now + DAY, to: now + 2 * DAY },
    ];
    const all = store.communities.list(workspace.id);
    const each = periods.map((p) => all.map((c) => [c.name, capability.figures?.(c, p, env)]));
    if (capability.figuresOfMany) {
      const many = capability.figuresOfMany(all, periods, env);
      expect(many.map((figures) => all.map((c) => [c.name, figures.get(c.id)]))).toEqual(each);
    }
    // Math's work shows in the span: or this proves nothing.
    const math = each[2]?.find(([name]) => name === 'Math')?.[1] as Record<string, number> | undefined;
    expect(Object.values(math ?? {}).some((n) => n > 0)).toBe(true);
  });

  it('leaves no row of its tables pointing at a person it forgets', () => {
    seedAna(app);
    const { store } = app;
    const workspace = store.workspaces.find('console', 'school-a');
    const ana = workspace && store.users.findByExternal(workspace.id, 'ana');
    if (!workspace || !ana) throw new Error('the school was not built');
    const pointing = () =>
      tablesOf(capability).flatMap((table) =>
        (store.db.prepare(`PRAGMA foreign_key_list(${table})`).all() as { table: string; from: string }[])
          .filter((fk) => fk.table === 'users')
          .filter((fk) => (store.db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE ${fk.from} = ?`).get(ana.id) as { n: number }).n > 0)
          .map((fk) => `${table}.${fk.from}`),
      );
    const before = pointing();
    store.transaction(() =>
      capability.personalData.forget({ workspace, user: ana }, { store, now: app.clock.now().getTime(), log: app.log }),
    );
    expect(pointing()).toEqual([]);
    // A capability with tables about people must have had something to forget, or this proves nothing.
    if (tablesOf(capability).length > 0) expect(before.length).toBeGreaterThan(0);
  });
});
