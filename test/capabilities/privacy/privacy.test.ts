import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditSince } from '../../../src/audit.js';
import { walTruncationsSettled } from '../../../src/capabilities/privacy/index.js';
import { capabilities } from '../../../src/capabilities.js';
import { LOCALES } from '../../../src/i18n/locales.js';
import { t } from '../../../src/i18n/translate.js';
import { renderPlain } from '../../../src/views/plain.js';
import { SCHOOL_YEAR_START, type TestApp, testApp } from '../../support/app.js';
import { answerText } from '../../support/bot.js';
import { as, exportedFile, seedMath, viewsTo, ZELDA } from './school.js';

const DAY = 86_400_000;

function ids(app: TestApp) {
  const workspace = app.store.workspaces.find('console', 'school-a');
  if (!workspace) throw new Error('no school');
  const user = (externalId: string) => app.store.users.findByExternal(workspace.id, externalId);
  return { workspace, user };
}

describe('privacy, export and forget', () => {
  let app: TestApp;
  beforeEach(() => {
    app = testApp();
    seedMath(app);
  });
  afterEach(async () => {
    await walTruncationsSettled();
    await app.dispose();
  });

  describe('privacy', () => {
    it('tells anyone, in their language, what each part keeps, who sees it, how long, and how to export or erase it', () => {
      const en = answerText(as(app, 'ana', 'privacy', { channel: null }));
      expect(en).toContain(t('en', 'privacy.title'));
      expect(en).toContain(t('en', 'privacy.meetings.agenda'));
      expect(en).toContain(t('en', 'privacy.kept.retention', { days: 730 }));
      expect(en).toContain(t('en', 'privacy.readers.self'));
      expect(en).toContain('/plc export me');
      expect(en).toContain('/plc forget me');
      expect(en).toContain(t('en', 'privacy.beyond', { days: 730 }));
      // Zelda speaks German: the same view in her language.
      const de = answerText(as(app, ZELDA, 'privacy', { channel: null }));
      expect(de).toContain(t('de', 'privacy.title'));
      expect(de).toContain(t('de', 'privacy.meetings.calendar'));
    });

    it('says so plainly for a part of the bot that has not described its data', () => {
      const meetings = capabilities().find((c) => c.name === 'meetings');
      if (!meetings) throw new Error('no meetings');
      const notice = meetings.privacy;
      Object.assign(meetings, { privacy: undefined });
      try {
        const text = answerText(as(app, 'ana', 'privacy', { channel: null }));
        expect(text).toContain(t('en', 'help.group.meetings'));
        expect(text).toContain(t('en', 'privacy.undescribed', { command: '/plc export me' }));
      } finally {
        Object.assign(meetings, { privacy: notice });
      }
    });

    it('says that nothing expires when RETENTION_DAYS is 0', async () => {
      const forever = testApp({ env: { RETENTION_DAYS: '0' } });
      try {
        const text = answerText(as(forever, 'ana', 'privacy', { channel: null }));
        expect(text).toContain(t('en', 'privacy.kept.noLimit'));
        expect(text).toContain(t('en', 'privacy.beyondNoLimit'));
      } finally {
        await forever.dispose();
      }
    });
  });

  describe('export me', () => {
    it('sends one JSON file to the DM with a section per part, each entry dated and with its readers', () => {
      const h = as(app, ZELDA, 'export me');
      const file = exportedFile(h);
      expect(file.to).toBe(ZELDA.externalId);
      expect(file.name).toBe('plc-export-2026-09-01.json');
      // Asked in a channel: the file goes to the DM, and the channel answer only says so.
      expect(answerText(h)).toBe(t('de', 'export.sent'));
      const data = file.data as {
        person: Record<string, unknown>;
        sections: Record<string, Record<string, unknown[]>>;
        workspace: Record<string, unknown>;
        audit: unknown[];
      };
      expect(data.workspace).toMatchObject({ platform: 'console', id: 'school-a' });
      expect(data.person).toMatchObject({
        platformId: ZELDA.externalId,
        displayName: ZELDA.displayName,
        language: 'de',
        coordinator: false,
        readers: 'workspace',
      });
      expect(Object.keys(data.sections)).toEqual(capabilities().map((c) => c.name));
      const { communities, meetings } = data.sections as unknown as {
        communities: { memberships: Record<string, unknown>[]; coordinator: boolean };
        meetings: Record<string, Record<string, unknown>[]>;
      };
      expect(communities.memberships).toEqual([
        { community: 'Math', role: 'coach', at: new Date(SCHOOL_YEAR_START).toISOString(), archived: false, readers: 'community' },
      ]);
      expect(meetings.agendaItems).toEqual([
        expect.objectContaining({ community: 'Math', text: 'Exit tickets KEPT-AGENDA-5521', readers: 'community', at: expect.any(String) }),
      ]);
      expect(meetings.rsvps).toEqual([expect.objectContaining({ answer: 'yes', readers: 'community' })]);
      expect(meetings.calendarLinks).toEqual([expect.objectContaining({ community: 'Math', readers: 'self' })]);
      // The calendar secret is not in the file: it is the person's working link.
      const token = app.store.db.prepare('SELECT token FROM calendar_links').get() as { token: string };
      expect(JSON.stringify(data)).not.toContain(token.token);
      // Every entry of every section carries its date and its readers.
      for (const section of Object.values(data.sections))
        for (const entries of Object.values(section))
          if (Array.isArray(entries))
            for (const e of entries) expect(Object.keys(e as object)).toEqual(expect.arrayContaining(['at', 'readers']));
    });

    it('goes to the DM even while the person has paused their messages, and is audited', () => {
      as(app, 'ana', 'pause until 2026-12-01', { channel: null });
      const h = as(app, 'ana', 'export me', { channel: null });
      expect(exportedFile(h).to).toBe('ana');
      // Asked in a DM too, the asker hears where the file went.
      expect(answerText(h)).toBe(t('en', 'export.sent'));
      const { workspace, user } = ids(app);
      const audit = auditSince(app.store, workspace.id, 0).filter((r) => r.action.startsWith('export'));
      expect(audit).toEqual([expect.objectContaining({ action: 'export.me', actorId: user('ana')?.id, subjectId: user('ana')?.id })]);
    });

    it('lets a coordinator export someone else, audited as such; the file goes to the coordinator', () => {
      const h = as(app, 'carla', 'export @zelda', { channel: null });
      const file = exportedFile(h);
      expect(file.to).toBe('carla');
      expect((file.data.person as { platformId: string }).platformId).toBe(ZELDA.externalId);
      const { workspace, user } = ids(app);
      expect(auditSince(app.store, workspace.id, 0).filter((r) => r.action === 'export.person')).toEqual([
        expect.objectContaining({ actorId: user('carla')?.id, subjectId: user(ZELDA.externalId)?.id }),
      ]);
    });

    it('answers a coordinator asking about someone never met with "nothing", creating no one', () => {
      const before = app.store.db.prepare('SELECT COUNT(*) AS n FROM users').get();
      expect(answerText(as(app, 'carla', 'export @nobody', { channel: null }))).toBe(t('en', 'export.nothing', { name: 'nobody' }));
      expect(app.store.db.prepare('SELECT COUNT(*) AS n FROM users').get()).toEqual(before);
    });
  });

  describe('the role matrix', () => {
    it('refuses export @user and forget @user to a lead, a member and a guest', () => {
      as(app, 'carla', 'role @gus guest');
      as(app, 'carla', 'role @ana lead');
      for (const who of ['ana', 'ben', 'gus']) {
        for (const command of ['export @zelda', 'forget @zelda confirm']) {
          const h = as(app, who, command);
          expect(h.refused).toBe(true);
          expect(answerText(h)).toContain(t('en', 'error.notCoordinator'));
          expect(h.deliveries.some((d) => d.view.blocks.some((b) => b.type === 'file'))).toBe(false);
        }
      }
      expect(ids(app).user(ZELDA.externalId)).not.toBeNull();
    });

    it('gives everyone their own data only: export me is always about the asker', () => {
      const file = exportedFile(as(app, 'ben', 'export me'));
      expect((file.data.person as { platformId: string }).platformId).toBe('ben');
      expect(JSON.stringify(file.data)).not.toContain(ZELDA.externalId);
    });

    it('keeps another workspace’s people out of reach: its coordinator finds nobody', () => {
      as(app, 'otto', 'help', { workspace: 'school-b' });
      const h = as(app, 'otto', 'export @zelda', { workspace: 'school-b', channel: null });
      expect(answerText(h)).toBe(t('en', 'export.nothing', { name: 'ZephyrineQuillbottom' }));
      const forget = as(app, 'otto', 'forget @zelda confirm', { workspace: 'school-b', channel: null });
      expect(answerText(forget)).toBe(t('en', 'export.nothing', { name: 'ZephyrineQuillbottom' }));
      expect(ids(app).user(ZELDA.externalId)).not.toBeNull();
    });
  });

  describe('forget me', () => {
    it('asks first, listing what goes and what stays, with a confirm button that does it', () => {
      const h = as(app, ZELDA, 'forget me', { channel: null });
      const [question] = viewsTo(h, 'asker');
      const text = renderPlain(question as NonNullable<typeof question>);
      expect(text).toContain(t('de', 'forget.title'));
      expect(text).toContain(t('de', 'privacy.meetings.calendar'));
      expect(text).toContain(t('de', 'privacy.meetings.agenda'));
      const buttons = question?.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : [])) ?? [];
      expect(buttons).toEqual([{ label: t('de', 'forget.confirm'), command: 'forget me confirm', style: 'danger' }]);
      expect(ids(app).user(ZELDA.externalId)).not.toBeNull();
    });

    it('erases the person, keeps shared content credited to a former member, and keeps attendance counts', () => {
      const { workspace, user } = ids(app);
      const zelda = user(ZELDA.externalId);
      if (!zelda) throw new Error('no zelda');
      const done = as(app, ZELDA, 'forget me confirm', { channel: null });
      expect(answerText(done)).toContain(t('de', 'forget.done'));
      expect(answerText(done)).toContain(t('de', 'privacy.beyond', { days: 730 }));
      expect(user(ZELDA.externalId)).toBeNull();
      // The agenda item stays, by nobody; the agenda shows it credited to no one.
      expect(app.store.db.prepare('SELECT author_id FROM agenda_items').all()).toEqual([{ author_id: null }]);
      const next = answerText(as(app, 'ana', 'next'));
      expect(next).toContain('Exit tickets KEPT-AGENDA-5521');
      expect(next).not.toContain(ZELDA.displayName);
      // Two said yes; one of them is no longer anyone.
      expect(next).toContain(t('en', 'meeting.attendance', { yes: 2 }));
      expect(app.store.db.prepare('SELECT COUNT(*) AS n FROM rsvps WHERE user_id IS NULL').get()).toEqual({ n: 1 });
      expect(app.store.db.prepare('SELECT COUNT(*) AS n FROM calendar_links').get()).toEqual({ n: 0 });
      expect(app.store.communities.memberCount(app.store.communities.list(workspace.id)[0]?.id ?? 0)).toBe(3);
      // The audit row stays, naming no one: a person (not the bot) used forget-me.
      const row = auditSince(app.store, workspace.id, 0).find((r) => r.action === 'forget.me');
      expect(row).toMatchObject({ actorKind: 'person', actorId: null, subjectId: null, detail: { by: 'self' } });
    });

    it('keeps the facilitator rotation right: the others keep their turns, and nobody serves twice in a row', async () => {
      // Four meetings go by; everyone serves in turn.
      const facilitators = () =>
        (app.store.db.prepare('SELECT facilitator_id AS f FROM meetings ORDER BY starts_at').all() as { f: number | null }[]).map(
          (r) => r.f,
        );
      await app.advance(SCHOOL_YEAR_START + 21 * DAY);
      const before = facilitators();
      const { user } = ids(app);
      const zelda = user(ZELDA.externalId)?.id;
      expect(before).toContain(zelda);
      as(app, ZELDA, 'forget me confirm', { channel: null });
      const after = facilitators();
      // Past meetings keep their facilitators, hers an empty slot; the meeting to come goes to someone still here.
      expect(after.slice(0, -1)).toEqual(before.slice(0, -1).map((f) => (f === zelda ? null : f)));
      const upcoming = after[after.length - 1];
      expect(upcoming).not.toBeNull();
      expect(upcoming).not.toBe(zelda);
      await app.advance(SCHOOL_YEAR_START + 42 * DAY);
      const later = facilitators().slice(after.length - 1);
      // The following meetings rotate among carla, ana and ben: three in a row are three different people.
      expect(new Set(later.slice(0, 3)).size).toBe(3);
      expect(later).not.toContain(zelda);
    });

    it('deletes the messages queued for the person, and their ids in finished ones', () => {
      const { workspace, user } = ids(app);
      const zelda = user(ZELDA.externalId);
      if (!zelda) throw new Error('no zelda');
      const payload = {
        workspace: { platform: 'console', externalId: 'school-a' },
        to: { kind: 'user', user: ZELDA.externalId },
        view: { locale: 'en', dir: 'ltr', summary: 'QUEUED-PROMPT-8842', blocks: [] },
        user: { workspaceId: workspace.id, id: zelda.id },
      };
      app.store.jobs.queue(
        { kind: 'scheduler.deliver', key: 'scheduler.deliver:x>user:UZQ#0', dueAt: app.clock.now().getTime() + DAY, payload },
        0,
      );
      app.store.jobs.queue(
        {
          kind: 'scheduler.deliver',
          key: 'scheduler.deliver:y>user:ana#0',
          dueAt: app.clock.now().getTime() + DAY,
          payload: { ...payload, to: { kind: 'user', user: 'ana' }, user: { workspaceId: workspace.id, id: user('ana')?.id } },
        },
        0,
      );
      as(app, ZELDA, 'forget me confirm', { channel: null });
      const left = app.store.db.prepare("SELECT key FROM jobs WHERE kind = 'scheduler.deliver'").all();
      expect(left).toEqual([{ key: 'scheduler.deliver:y>user:ana#0' }]);
    });

    it('refuses the only lead of a community with others in it, naming the command that hands over', () => {
      const h = as(app, 'carla', 'forget me confirm', { channel: null });
      expect(h.refused).toBe(true);
      // carla is also the only coordinator; the first thing in the way is named.
      expect(answerText(h)).toContain(t('en', 'error.forgetOnlyLead', { community: 'Math', command: '/plc in Math role @person lead' }));
      as(app, 'carla', 'coordinator add @ben');
      as(app, 'carla', 'role @ana lead');
      expect(ids(app).user('carla')).not.toBeNull();
      expect(answerText(as(app, 'carla', 'forget me confirm', { channel: null }))).toContain(t('en', 'forget.done'));
    });

    it('refuses the last coordinator of the workspace, naming the command that appoints another', () => {
      as(app, 'carla', 'role @ana lead');
      const h = as(app, 'carla', 'forget me', { channel: null });
      expect(h.refused).toBe(true);
      expect(answerText(h)).toBe(t('en', 'error.forgetLastCoordinator', { command: '/plc coordinator add @person' }));
      expect(ids(app).user('carla')).not.toBeNull();
    });

    it('lets a coordinator forget someone who has left, with the same audit row, and refuses the only lead likewise', () => {
      const h = as(app, 'carla', 'forget @zelda confirm', { channel: null });
      expect(answerText(h)).toContain(t('en', 'forget.doneAbout', { name: ZELDA.displayName }));
      const { workspace, user } = ids(app);
      expect(user(ZELDA.externalId)).toBeNull();
      expect(auditSince(app.store, workspace.id, 0).find((r) => r.action === 'forget.me')).toMatchObject({
        actorKind: 'person',
        actorId: user('carla')?.id,
        subjectId: null,
        detail: { by: 'coordinator' },
      });
      as(app, 'carla', 'coordinator add @ben');
      const lead = as(app, 'ben', 'forget @carla confirm', { channel: null });
      expect(answerText(lead)).toBe(
        t('en', 'error.forgetOnlyLeadAbout', { name: 'carla', community: 'Math', command: '/plc in Math role @person lead' }),
      );
    });
  });

  describe('retention', () => {
    it('deletes meeting notes older than RETENTION_DAYS and nothing else, every day', async () => {
      const short = testApp({ env: { RETENTION_DAYS: '30' } });
      try {
        seedMath(short);
        await short.advance(SCHOOL_YEAR_START + 2 * DAY);
        as(short, 'carla', 'notes Old notes OLD-NOTES-1');
        await short.advance(SCHOOL_YEAR_START + 20 * DAY);
        as(short, 'carla', 'notes Recent notes NEW-NOTES-2');
        const notes = () => short.store.db.prepare('SELECT notes FROM meetings WHERE notes IS NOT NULL ORDER BY starts_at').all();
        expect(notes()).toEqual([{ notes: 'Old notes OLD-NOTES-1' }, { notes: 'Recent notes NEW-NOTES-2' }]);
        const kept = () => short.store.db.prepare('SELECT COUNT(*) AS n FROM agenda_items UNION ALL SELECT COUNT(*) FROM rsvps').all();
        const agendaBefore = kept();
        // 30 days after the first notes, the daily job takes them; the recent ones stay.
        await short.advance(SCHOOL_YEAR_START + 34 * DAY);
        expect(notes()).toEqual([{ notes: 'Recent notes NEW-NOTES-2' }]);
        expect(kept()).toEqual(agendaBefore);
        expect(short.store.db.prepare('SELECT COUNT(*) AS n FROM meetings').get()).not.toEqual({ n: 0 });
        await short.advance(SCHOOL_YEAR_START + 52 * DAY);
        expect(notes()).toEqual([]);
      } finally {
        await walTruncationsSettled();
        await short.dispose();
      }
    });

    it('keeps everything with RETENTION_DAYS 0', async () => {
      const forever = testApp({ env: { RETENTION_DAYS: '0' } });
      try {
        seedMath(forever);
        await forever.advance(SCHOOL_YEAR_START + 2 * DAY);
        as(forever, 'carla', 'notes Old notes OLD-NOTES-1');
        await forever.advance(SCHOOL_YEAR_START + 800 * DAY);
        expect(forever.store.db.prepare('SELECT COUNT(*) AS n FROM meetings WHERE notes IS NOT NULL').get()).toEqual({ n: 1 });
      } finally {
        await forever.dispose();
      }
    });
  });

  it('has every message of the capability in all five languages', () => {
    const privacy = capabilities().find((c) => c.name === 'privacy');
    for (const locale of LOCALES) expect(Object.keys(privacy?.messages[locale] ?? {})).toEqual(Object.keys(privacy?.messages.en ?? {}));
  });
});
