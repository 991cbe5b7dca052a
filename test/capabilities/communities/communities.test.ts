import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { t } from '../../../src/i18n/translate.js';
import { type TestApp, testApp } from '../../support/app.js';
import { answerText, run } from '../../support/bot.js';

let app: TestApp;
beforeEach(() => {
  app = testApp();
});
afterEach(async () => {
  await app.dispose();
});

const say = (user: string, text: string, opts?: Parameters<typeof run>[3]) => answerText(run(app, user, text, opts));

/** A school with a coordinator (carla) and a community Math in #math led by her, with ana as a member. */
function school() {
  say('carla', 'help');
  say('carla', 'create Math', { channel: 'math' });
  say('ana', 'join', { channel: 'math' });
}

describe('the first person and coordinators', () => {
  it('makes the first person in a new workspace its coordinator, and only them', () => {
    const welcome = t('en', 'coordinator.welcome', { command: { command: 'create <name>' } });
    expect(say('carla', 'help')).toContain(welcome);
    expect(say('carla', 'help')).not.toContain(welcome);
    expect(say('ana', 'help')).not.toContain(welcome);
    expect(say('ana', 'create Science')).toContain(t('en', 'error.notCoordinator'));
  });

  it('lets a coordinator appoint and remove another, but never the last one', () => {
    school();
    expect(say('carla', 'coordinator add @ana')).toContain('@ana is now a coordinator of this workspace.');
    expect(say('carla', 'coordinator add @ana')).toContain('@ana is already a coordinator.');
    expect(say('ana', 'create Science', { channel: 'science' })).toContain('Community Science is ready');
    expect(say('ana', 'coordinator remove @carla')).toContain('@carla is no longer a coordinator.');
    expect(say('ana', 'coordinator remove @ana')).toContain(t('en', 'error.lastCoordinator'));
    expect(say('carla', 'coordinator add @carla')).toContain(t('en', 'error.notCoordinator'));
  });

  it('shows the usage line when a coordinator command is malformed', () => {
    school();
    const answer = say('carla', 'coordinator promote @ana');
    expect(answer).toContain('“promote” is not one of: add, remove.');
    expect(answer).toContain('Usage: /plc coordinator add|remove @person');
  });
});

describe('create', () => {
  it('binds the community to the channel it is created in and makes the creator its lead', () => {
    school();
    expect(say('carla', 'members', { channel: 'math' })).toMatch(/carla · lead/);
    const ws = app.store.workspaces.find('console', 'school-a');
    expect(app.store.communities.findByChannel(ws!.id, 'math')?.name).toBe('Math');
  });

  it('refuses a name already taken, whatever its case', () => {
    school();
    expect(say('carla', 'create MATH')).toContain('There is already a community called “MATH”.');
  });

  it('leaves a second community in an occupied channel without a channel', () => {
    school();
    const answer = say('carla', 'create "Grade 5 Science"', { channel: 'math' });
    expect(answer).toContain('Community Grade 5 Science is ready');
    expect(answer).toContain('in "Grade 5 Science"');
  });

  it('refuses an empty or over-long name without writing anything', () => {
    school();
    expect(say('carla', 'create')).toContain(t('en', 'error.textRequired'));
    expect(say('carla', `create ${'x'.repeat(81)}`)).toContain('limit is 80');
    expect(app.store.communities.list(1)).toHaveLength(1);
  });
});

describe('join, leave and members', () => {
  it('tells a member who joins twice that they are already in', () => {
    school();
    expect(say('ana', 'join', { channel: 'math' })).toContain('You are already a member of Math.');
  });

  it('joins by name from anywhere, quoted names included', () => {
    school();
    say('carla', 'create "Grade 5 Science"', { channel: 'science' });
    expect(say('ben', 'join "grade 5 science"', { channel: null })).toContain('Welcome to Grade 5 Science!');
    expect(say('ben', 'join Physics', { channel: null })).toContain('There is no community called “Physics”.');
  });

  it('asks which community, with a button each, when it cannot tell', () => {
    school();
    say('carla', 'create Science', { channel: 'science' });
    const h = run(app, 'ben', 'join', { channel: null });
    const asked = h.deliveries[0]!;
    expect(answerText(h)).toContain(t('en', 'community.pick'));
    const buttons = asked.view.blocks.find((b) => b.type === 'actions');
    expect(buttons && buttons.type === 'actions' && buttons.buttons.map((b) => b.command)).toEqual(['join Math', 'join Science']);
  });

  it('lets members leave, but not the last lead of a community with others in it', () => {
    school();
    expect(say('carla', 'leave', { channel: 'math' })).toContain('carla is the only lead of Math, and others are still in it');
    expect(say('ana', 'leave', { channel: 'math' })).toContain('You have left Math.');
    expect(say('ana', 'leave', { channel: 'math' })).toContain('You are not a member of Math.');
  });

  it('shows members to members and coordinators, not to outsiders or guests', () => {
    school();
    say('carla', 'role @gina guest', { channel: 'math' });
    expect(say('ana', 'members', { channel: 'math' })).toContain('Math: 3 members');
    expect(say('gina', 'members', { channel: 'math' })).toContain('Guests of Math don’t take part in that');
    expect(say('omar', 'members', { channel: 'math' })).toContain('You are not a member of Math.');
  });

  it('lists the communities with the asker’s role', () => {
    school();
    say('carla', 'create Science', { channel: 'science' });
    const answer = say('ana', 'communities');
    expect(answer).toContain('2 communities');
    expect(answer).toContain('Math · 2 members · you: member · in #math');
    expect(answer).toMatch(/Science · 1 member · in #science/);
  });
});

describe('roles and settings', () => {
  it('lets a lead give roles and refuses members', () => {
    school();
    expect(say('ana', 'role @ben curator', { channel: 'math' })).toContain('Only a lead of Math or a coordinator can do that.');
    expect(say('carla', 'role @ana curator', { channel: 'math' })).toContain('@ana is now curator in Math.');
    expect(say('carla', 'role @ana curator', { channel: 'math' })).toContain('@ana is already curator in Math.');
    expect(say('carla', 'role @ana boss', { channel: 'math' })).toContain('“boss” is not one of: lead, curator, coach, member, guest.');
  });

  it('applies one rule to the only lead leaving and stepping down: allowed alone, refused while others remain', () => {
    say('carla', 'create Art', { channel: 'art' });
    expect(say('carla', 'role @carla member', { channel: 'art' })).toContain('@carla is now member in Art.');
    say('carla', 'create Music', { channel: 'music' });
    expect(say('carla', 'leave', { channel: 'music' })).toContain('You have left Music.');
    say('carla', 'create Drama', { channel: 'drama' });
    say('ana', 'join', { channel: 'drama' });
    const refusals = [say('carla', 'leave', { channel: 'drama' }), say('carla', 'role @carla coach', { channel: 'drama' })];
    expect(refusals.map((r) => r.includes('a community keeps a lead while it has members'))).toEqual([true, true]);
  });

  it('never leaves a community without a lead', () => {
    school();
    expect(say('carla', 'role @carla member', { channel: 'math' })).toContain('carla is the only lead of Math, and others are still in it');
    say('carla', 'role @ana lead', { channel: 'math' });
    expect(say('carla', 'role @carla member', { channel: 'math' })).toContain('@carla is now member in Math.');
    expect(say('ana', 'settings tz Europe/Berlin', { channel: 'math' })).toContain('Math now uses the time zone Europe/Berlin');
  });

  it('sets the community’s time zone and default language, refusing nonsense', () => {
    school();
    expect(say('carla', 'settings tz Europe/Copenhagen', { channel: 'math' })).toContain('(it is 10:00 there now)');
    expect(say('carla', 'settings tz Narnia/Lamppost', { channel: 'math' })).toContain('“Narnia/Lamppost” is not a time zone');
    expect(say('ana', 'settings lang de', { channel: 'math' })).toContain('Only a lead of Math');
    say('carla', 'settings lang de', { channel: 'math' });
    // A member with no language of their own now hears the community's.
    expect(say('ana', 'members', { channel: 'math' })).toContain(t('de', 'members.title', { community: 'Math', count: 2 }));
  });

  it('names the community with `in`, wherever the command is typed', () => {
    school();
    say('carla', 'create "Grade 5 Science"', { channel: 'science' });
    expect(say('carla', 'in "Grade 5 Science" members', { channel: 'math' })).toContain('Grade 5 Science: 1 member');
    expect(say('carla', 'in Nowhere members', { channel: 'math' })).toContain('Communities here: Grade 5 Science, Math.');
  });
});

describe('mentions', () => {
  const ws = () => app.store.workspaces.find('console', 'school-a')?.id ?? 0;
  const named = (id: string) => app.store.users.findByExternal(ws(), id)?.displayName ?? null;
  const vouched = (externalId: string, displayName: string) => [{ externalId, profile: { externalId, displayName } }];

  it('refuses a mention the platform did not vouch for, and stores no one', () => {
    school();
    const answer = say('carla', 'role <@ghost|Ghost> lead', { channel: 'math', mentions: [] });
    expect(answer).toContain(t('en', 'error.unknownPerson', { name: 'Ghost' }));
    expect(named('ghost')).toBeNull();
    expect(say('carla', 'coordinator add <@ana|Boss>', { mentions: [] })).toContain(t('en', 'error.unknownPerson', { name: 'Boss' }));
    expect(app.store.users.findByExternal(ws(), 'ana')?.isCoordinator).toBe(false);
  });

  it('names a mentioned person from the platform’s profile, never from the mention’s label', () => {
    school();
    expect(say('carla', 'role <@ana|FIRED> coach', { channel: 'math', mentions: vouched('ana', 'Ana Berg') })).toContain(
      '@Ana Berg is now coach in Math.',
    );
    expect(named('ana')).toBe('Ana Berg');
  });

  it('takes a mention the platform could not check only for someone the bot has met, unrenamed', () => {
    school();
    const unchecked = (externalId: string) => [{ externalId, profile: null }];
    expect(say('carla', 'role <@ana|FIRED> coach', { channel: 'math', mentions: unchecked('ana') })).toContain('@ana is now coach');
    expect(named('ana')).toBe('ana');
    expect(say('carla', 'role <@dan|Dan> coach', { channel: 'math', mentions: unchecked('dan') })).toContain(
      t('en', 'error.personUnchecked', { name: 'Dan' }),
    );
    expect(named('dan')).toBeNull();
  });
});

describe('languages', () => {
  it('answers in the language chosen, else the platform’s, else English', () => {
    school();
    expect(say('ana', 'help', { locale: 'nl-BE' })).toContain(t('nl', 'help.title'));
    say('ana', 'lang ar');
    expect(say('ana', 'help', { locale: 'nl-BE' })).toContain(t('ar', 'help.title'));
    expect(say('ben', 'help', { locale: 'fr-FR' })).toContain(t('en', 'help.title'));
    expect(say('ben', 'lang fr')).toContain('“fr” is not a language I speak');
  });

  it('marks Arabic views right to left', () => {
    say('ana', 'lang ar');
    const view = run(app, 'ana', 'help').deliveries[0]!.view;
    expect(view).toMatchObject({ locale: 'ar', dir: 'rtl' });
  });
});

describe('help and mistakes', () => {
  it('lists every command with its usage, and explains one', () => {
    const help = say('carla', 'help');
    for (const usage of ['help [command]', 'create <name>', 'role @person', 'settings tz']) expect(help).toContain(usage);
    expect(say('carla', 'help role')).toContain('Leads and coordinators');
    expect(say('carla', 'help frobnicate')).toContain('I don’t know the command “frobnicate”.');
  });

  it('suggests the nearest command for a typo and says what to type for nothing at all', () => {
    expect(say('carla', 'memebrs')).toContain('Did you mean /plc members?');
    expect(say('carla', '')).toContain(t('en', 'error.empty', { command: { command: 'help' } }));
    expect(say('carla', 'members extra words')).toContain('I did not expect “extra” here.');
  });
});

describe('workspaces', () => {
  it('never shows one workspace’s communities or members to another', () => {
    school();
    say('zoe', 'help', { workspace: 'school-b' });
    say('zoe', 'create Math', { channel: 'math', workspace: 'school-b' });
    expect(say('zoe', 'members', { channel: 'math', workspace: 'school-b' })).toContain('Math: 1 member');
    expect(say('zoe', 'communities', { workspace: 'school-b' })).toContain('1 community');
    expect(say('ana', 'join', { channel: 'math', workspace: 'school-b' })).toContain('Welcome to Math!');
    expect(say('carla', 'members', { channel: 'math' })).toContain('Math: 2 members');
    // The same platform id in another workspace is another person, without the first one's powers.
    expect(say('carla', 'create Art', { workspace: 'school-b' })).toContain(t('en', 'error.notCoordinator'));
  });
});
