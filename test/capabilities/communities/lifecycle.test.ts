import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditSince } from '../../../src/audit.js';
import type { Inbound } from '../../../src/bot.js';
import { calendarFeed } from '../../../src/capabilities/meetings/index.js';
import { t } from '../../../src/i18n/translate.js';
import type { Community } from '../../../src/store/communities.js';
import type { Workspace } from '../../../src/store/workspaces.js';
import { renderPlain } from '../../../src/views/plain.js';
import { type TestApp, testApp } from '../../support/app.js';
import { answerText, run } from '../../support/bot.js';
import { recordSends } from '../meetings/recorder.js';

let app: TestApp;
beforeEach(() => {
  app = testApp();
});
afterEach(async () => {
  await app.dispose();
});

const say = (user: string, text: string, opts?: Parameters<typeof run>[3]) => answerText(run(app, user, text, opts));
const workspace = (): Workspace => app.store.workspaces.find('console', 'school-a') as Workspace;
const community = (name: string): Community => app.store.communities.findByName(workspace().id, name) as Community;
const userId = (name: string): number => app.store.users.findByExternal(workspace().id, name)?.id as number;
const roleOf = (name: string, who: string) => app.store.communities.roleOf(community(name).id, userId(who));
const audits = (action: string) => auditSince(app.store, workspace().id, 0).filter((r) => r.action === action);
const pendingJobsOf = (c: Community) =>
  (
    app.store.db
      .prepare("SELECT COUNT(*) AS n FROM jobs WHERE state = 'pending' AND json_extract(payload, '$.communityId') = ?")
      .get(c.id) as { n: number }
  ).n;

/**
 * A school: carla coordinates; Math lives in #math, led by lena (carla handed it over), with ana and ben as
 * members; Science lives in #science, led by carla.
 */
function school() {
  say('carla', 'help');
  say('carla', 'create Math', { channel: 'math' });
  say('lena', 'join', { channel: 'math' });
  say('carla', 'handover @lena', { channel: 'math' });
  say('ana', 'join', { channel: 'math' });
  say('ben', 'join', { channel: 'math' });
  say('carla', 'create Science', { channel: 'science' });
}

describe('rename', () => {
  it('lets the lead rename their community, and the new name is how commands name it', () => {
    school();
    expect(say('lena', 'rename Mathematics', { channel: 'math' })).toContain('Math is now called Mathematics.');
    expect(say('ana', 'in Mathematics members', { channel: null })).toContain('Mathematics: 4 members');
    expect(app.store.communities.findByName(workspace().id, 'Math')).toBeNull();
  });

  it('refuses a member, and lets a coordinator rename any community', () => {
    school();
    expect(say('ana', 'rename Algebra', { channel: 'math' })).toContain(t('en', 'error.notLead', { community: 'Math' }));
    expect(community('Math').name).toBe('Math');
    expect(say('carla', 'in Math rename Algebra', { channel: null })).toContain('Math is now called Algebra.');
  });

  it('refuses a name another community has, however it is written, archived ones too', () => {
    school();
    for (const taken of ['Science', 'SCIENCE', 'Sci\u200bence', 'Ｓｃｉｅｎｃｅ']) {
      expect(say('lena', `rename ${taken}`, { channel: 'math' })).toContain('There is already a community called');
    }
    say('carla', 'create Art', { channel: 'art' });
    say('carla', 'archive', { channel: 'art' });
    expect(say('lena', 'rename art', { channel: 'math' })).toContain('There is already a community called “art”.');
    expect(community('Math').name).toBe('Math');
    expect(audits('community.renamed')).toHaveLength(0);
  });

  it('lets a community change only the spelling of its own name', () => {
    school();
    expect(say('lena', 'rename MATH', { channel: 'math' })).toContain('Math is now called MATH.');
    expect(say('lena', 'rename MATH', { channel: 'math' })).toContain('The community is already called MATH.');
  });

  it('is audited with values only, never the names', () => {
    school();
    say('lena', 'rename Mathematics', { channel: 'math' });
    const [row] = audits('community.renamed');
    expect(row).toMatchObject({ actorId: userId('lena'), communityId: community('Mathematics').id, detail: { keyChanged: true } });
    expect(JSON.stringify(row?.detail)).not.toMatch(/Math/);
  });
});

describe('move to', () => {
  it('moves the community to another channel, where commands are then about it', () => {
    school();
    const handled = run(app, 'lena', 'move to #maths', { channel: 'math' });
    expect(answerText(handled)).toContain('Math now lives in #maths: its channel reminders go there from now on.');
    const welcome = handled.deliveries.find((d) => d.to === 'channel');
    expect(welcome?.to === 'channel' && welcome.community.channel).toBe('maths');
    expect(community('Math').channel).toBe('maths');
    expect(say('ana', 'members', { channel: 'maths' })).toContain('Math: 4 members');
    // The old channel is free: a new community can live there.
    expect(say('carla', 'create Geometry', { channel: 'math' })).toContain('It lives in #math');
  });

  it('refuses a channel another community holds, and says when it is already there', () => {
    school();
    expect(say('lena', 'move to #science', { channel: 'math' })).toContain('#science already belongs to Science.');
    expect(say('lena', 'move to #math', { channel: 'math' })).toContain('Math already lives in #math.');
    expect(community('Math').channel).toBe('math');
    expect(audits('community.moved')).toHaveLength(0);
  });

  it('takes `here` for the channel it is typed in, and refuses it in a direct message', () => {
    school();
    expect(say('lena', 'in Math move to here', { channel: 'staffroom' })).toContain('Math now lives in #staffroom');
    expect(say('lena', 'in Math move to here', { channel: null })).toContain(t('en', 'lifecycle.move.notInChannel'));
  });

  it('reads a Slack channel link, and refuses a bare #name where the platform has channel ids', () => {
    const slack = (text: string): string => {
      const inbound: Inbound = {
        workspace: { platform: 'slack', externalId: 'T1' },
        user: { externalId: 'U1', displayName: 'Carla', platformLocale: null },
        place: { channel: 'C1', channelName: 'math' },
        text,
      };
      return app.bot
        .handle(inbound)
        .deliveries.map((d) => renderPlain(d.view))
        .join('\n');
    };
    slack('create Math');
    expect(slack('move to #maths')).toContain('cannot find #maths by its name');
    expect(slack('move to <#C2|maths>')).toContain('Math now lives in #maths');
    const ws = app.store.workspaces.find('slack', 'T1') as Workspace;
    expect(app.store.communities.findByName(ws.id, 'Math')?.channel).toBe('C2');
    expect(slack('move to maths')).toContain('“maths” is not a channel.');
  });

  it('refuses a member; a coordinator may move any community; it is audited', () => {
    school();
    expect(say('ana', 'move to #maths', { channel: 'math' })).toContain(t('en', 'error.notLead', { community: 'Math' }));
    expect(say('carla', 'in Math move to #maths', { channel: null })).toContain('Math now lives in #maths');
    expect(audits('community.moved')).toEqual([expect.objectContaining({ actorId: userId('carla'), detail: { hadChannel: true } })]);
  });

  it('sends channel reminders to the new channel', async () => {
    school();
    say('lena', 'schedule weekly tue 15:00', { channel: 'math' });
    say('lena', 'move to #maths', { channel: 'math' });
    const sent = recordSends(app);
    await app.advance(app.clock.now().getTime() + 8 * 86_400_000);
    const reminders = sent.filter((m) => m.to.startsWith('#'));
    expect(reminders.length).toBeGreaterThan(0);
    expect(new Set(reminders.map((m) => m.to))).toEqual(new Set(['#maths']));
  });
});

describe('handover', () => {
  it('makes the new lead lead and the old lead a member, and tells the new lead', () => {
    school();
    const handled = run(app, 'lena', 'handover @ana', { channel: 'math' });
    expect(answerText(handled)).toContain('@ana now leads Math.');
    expect(answerText(handled)).toContain('You stay in Math as a member.');
    expect(roleOf('Math', 'ana')).toBe('lead');
    expect(roleOf('Math', 'lena')).toBe('member');
    const dm = handled.deliveries.find((d) => d.to === 'user');
    expect(dm?.to === 'user' && dm.user.externalId).toBe('ana');
    expect(dm && renderPlain(dm.view)).toContain('@lena has handed Math over to you: you are now its lead.');
    // The old lead can no longer run it.
    expect(say('lena', 'rename Algebra', { channel: 'math' })).toContain(t('en', 'error.notLead', { community: 'Math' }));
  });

  it('refuses a member, and refuses handing over to oneself', () => {
    school();
    expect(say('ana', 'handover @ana', { channel: 'math' })).toContain(t('en', 'error.notLead', { community: 'Math' }));
    expect(say('lena', 'handover @lena', { channel: 'math' })).toContain('You already lead Math');
    expect(roleOf('Math', 'lena')).toBe('lead');
  });

  it('lets a coordinator hand over any community: its leads step down to members', () => {
    school();
    expect(say('carla', 'in Math handover @ben', { channel: null })).toContain('The previous lead stays on as a member.');
    expect(roleOf('Math', 'ben')).toBe('lead');
    expect(roleOf('Math', 'lena')).toBe('member');
    expect(roleOf('Math', 'carla')).toBe('member');
  });

  it('promotes a guest, adds someone new, and refuses a deactivated account', () => {
    school();
    say('lena', 'role @gus guest', { channel: 'math' });
    say('lena', 'handover @gus', { channel: 'math' });
    expect(roleOf('Math', 'gus')).toBe('lead');
    say('gus', 'handover @nora', { channel: 'math' });
    expect(roleOf('Math', 'nora')).toBe('lead');
    say('dan', 'help');
    app.store.users.setDeactivated(workspace().id, userId('dan'), app.clock.now().getTime());
    expect(say('nora', 'handover @dan', { channel: 'math' })).toContain('account has been deactivated');
    expect(roleOf('Math', 'dan')).toBeNull();
    expect(roleOf('Math', 'nora')).toBe('lead');
  });

  it('is audited with the person as its subject', () => {
    school();
    say('lena', 'handover @ana', { channel: 'math' });
    const rows = audits('community.handedOver');
    expect(rows.at(-1)).toMatchObject({
      actorId: userId('lena'),
      subjectId: userId('ana'),
      communityId: community('Math').id,
      detail: { from: 'member', leadsSteppedDown: 1, ownLead: true },
    });
  });
});

describe('archive and restore', () => {
  it('refuses a member and lets the lead archive their own community', () => {
    school();
    expect(say('ana', 'archive', { channel: 'math' })).toContain(t('en', 'error.notLead', { community: 'Math' }));
    expect(community('Math').archivedAt).toBeNull();
    const answer = say('lena', 'archive', { channel: 'math' });
    expect(answer).toContain('Math is archived.');
    expect(answer).toContain('/plc in Math restore');
    expect(community('Math').archivedAt).not.toBeNull();
  });

  it('frees the channel, tells it once, and lets a new community live there', () => {
    school();
    const handled = run(app, 'lena', 'archive', { channel: 'math' });
    const notice = handled.deliveries.find((d) => d.to === 'channel');
    expect(notice && renderPlain(notice.view)).toContain('Math has been archived');
    expect(community('Math').channel).toBeNull();
    expect(say('carla', 'create Numeracy', { channel: 'math' })).toContain('It lives in #math');
  });

  it('removes every queued job of the community', () => {
    school();
    say('lena', 'schedule weekly tue 15:00', { channel: 'math' });
    say('lena', 'pair schedule weekly mon 09:00', { channel: 'math' });
    say('lena', 'norms add We start on time', { channel: 'math' });
    expect(pendingJobsOf(community('Math'))).toBeGreaterThan(0);
    say('lena', 'archive', { channel: 'math' });
    expect(pendingJobsOf(community('Math'))).toBe(0);
    expect(audits('community.archived').at(-1)?.detail).toMatchObject({ hadChannel: true });
  });

  it('keeps the history readable with `in <name>` and refuses every change there', () => {
    school();
    say('ana', 'reflect team Exit tickets showed who needs help', { channel: 'math' });
    say('lena', 'share https://example.org/fractions Fractions wall', { channel: 'math' });
    say('lena', 'goal add team Every pupil explains one strategy', { channel: 'math' });
    say('lena', 'archive', { channel: 'math' });
    expect(say('ben', 'in Math reflections team', { channel: null })).toContain('Exit tickets showed who needs help');
    expect(say('ben', 'in Math resources', { channel: null })).toContain('Fractions wall');
    expect(say('ben', 'goals', { channel: null })).toContain('Every pupil explains one strategy');
    expect(say('ana', 'reflections', { channel: null })).toContain('Exit tickets showed who needs help');
    const refused = t('en', 'error.archivedReadOnly', { community: 'Math' });
    expect(say('ben', 'in Math agenda add Another item', { channel: null })).toContain(refused);
    expect(say('ben', 'in Math reflect team More', { channel: null })).toContain(refused);
    expect(say('lena', 'in Math schedule weekly tue 15:00', { channel: null })).toContain(refused);
    expect(say('lena', 'in Math archive', { channel: null })).toContain(refused);
    // Readers are who they were: someone who never belonged reads nothing.
    expect(say('zoe', 'in Math reflections team', { channel: null })).not.toContain('Exit tickets');
    expect(say('ben', 'communities', { channel: null })).toContain('Archived: Math.');
  });

  it('lets only a coordinator restore, and binds the channel again when it is free', () => {
    school();
    say('lena', 'archive', { channel: 'math' });
    expect(say('lena', 'in Math restore', { channel: null })).toContain(t('en', 'error.notCoordinator'));
    expect(community('Math').archivedAt).not.toBeNull();
    const answer = say('carla', 'restore', { channel: null });
    expect(answer).toContain('Math is back.');
    expect(answer).toContain('It lives in #math again.');
    expect(community('Math')).toMatchObject({ archivedAt: null, channel: 'math' });
    expect(say('ana', 'members', { channel: 'math' })).toContain('Math: 4 members');
    expect(audits('community.restored')).toEqual([
      expect.objectContaining({ actorId: userId('carla'), detail: { hadChannel: true, channelBound: true } }),
    ]);
  });

  it('restores without a channel when another community took it meanwhile, and says so', () => {
    school();
    say('lena', 'archive', { channel: 'math' });
    say('carla', 'create Numeracy', { channel: 'math' });
    const answer = say('carla', 'in Math restore', { channel: null });
    expect(answer).toContain('#math now belongs to another community');
    expect(community('Math').channel).toBeNull();
    expect(community('Numeracy').channel).toBe('math');
  });

  it('refuses to restore a community that is not archived, and asks which when several are', () => {
    school();
    expect(say('carla', 'in Math restore', { channel: null })).toContain('Math is not archived');
    expect(say('carla', 'restore', { channel: null })).toContain(t('en', 'error.noneArchived'));
    say('carla', 'archive', { channel: 'math' });
    say('carla', 'archive', { channel: 'science' });
    const pick = run(app, 'carla', 'restore', { channel: null });
    const buttons = pick.deliveries.flatMap((d) => d.view.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : [])));
    expect(buttons.map((b) => b.command)).toEqual(['in Math restore', 'in Science restore']);
  });
});

describe('the calendar feed of an archived community', () => {
  it('opens nothing while archived, and again once restored', async () => {
    await app.dispose();
    app = testApp({ env: { PUBLIC_URL: 'https://plc.example.org' } });
    school();
    say('lena', 'schedule weekly tue 15:00', { channel: 'math' });
    const token = /\/calendar\/([A-Za-z0-9_-]+)\.ics/.exec(say('ana', 'calendar', { channel: 'math' }))?.[1] as string;
    const feed = () => calendarFeed(app.store, token, app.clock.now().getTime());
    expect(feed()?.events.length).toBeGreaterThan(0);
    say('lena', 'archive', { channel: 'math' });
    expect(feed()).toBeNull();
    say('carla', 'in Math restore', { channel: null });
    expect(feed()?.events.length).toBeGreaterThan(0);
  });
});

describe('members', () => {
  it('keep their own reflections and goals, readable by them alone', () => {
    school();
    say('ana', 'reflect My own note on questioning', { channel: 'math' });
    say('ana', 'goal add me Ask more open questions', { channel: 'math' });
    expect(say('ana', 'leave', { channel: 'math' })).toContain('You have left Math.');
    expect(say('ana', 'reflections', { channel: null })).toContain('My own note on questioning');
    expect(say('ana', 'goals', { channel: null })).toContain('Ask more open questions');
    expect(say('ben', 'reflections team', { channel: 'math' })).not.toContain('My own note');
    expect(say('ben', 'goals', { channel: null })).not.toContain('Ask more open questions');
  });

  it('drops a person deactivated on their platform from the meeting duties they held, to the next in the rotation', () => {
    school();
    say('lena', 'schedule weekly tue 15:00', { channel: 'math' });
    const duties = (answer: string) => ({
      facilitator: /Facilitator: @(\w+)/.exec(answer)?.[1],
      noteTaker: /Note-taker: @(\w+)/.exec(answer)?.[1],
    });
    const before = duties(say('lena', 'next', { channel: 'math' }));
    const gone = before.facilitator as string;
    expect(gone).toBeDefined();
    app.events.handle({ kind: 'deactivated', workspace: { platform: 'console', externalId: 'school-a' }, person: { externalId: gone } });
    const after = duties(say('lena', 'next', { channel: 'math' }));
    expect(after.facilitator).toBeDefined();
    expect([after.facilitator, after.noteTaker]).not.toContain(gone);
    // Nor can the community be handed to them.
    expect(say('lena', `handover @${gone}`, { channel: 'math' })).toContain('account has been deactivated');
  });
});
