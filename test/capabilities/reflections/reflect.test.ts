import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { repos } from '../../../src/capabilities/reflections/store/index.js';
import { t } from '../../../src/i18n/translate.js';
import type { Form } from '../../../src/views/view.js';
import { type TestApp, testApp } from '../../support/app.js';
import { answerText } from '../../support/bot.js';
import { recordSends, type Sent } from '../meetings/recorder.js';
import { mathTeam, runAs, sayAs } from './school.js';

let app: TestApp;
let sent: Sent[];
beforeEach(() => {
  app = testApp();
  sent = recordSends(app);
  mathTeam(app);
});
afterEach(async () => {
  await app.dispose();
});

const say = (user: string, text: string, channel: string | null = 'math') => sayAs(app, user, text, { channel });
const stored = () =>
  app.store.db.prepare('SELECT ref, visibility, text, created_at AS at, edited_at AS editedAt FROM reflections ORDER BY id').all() as {
    ref: number;
    visibility: string;
    text: string;
    at: number;
    editedAt: number | null;
  }[];
const formOf = (user: string, text: string, opts: Parameters<typeof runAs>[3] = {}): Form | null => {
  for (const d of runAs(app, user, text, opts).deliveries) for (const b of d.view.blocks) if (b.type === 'form') return b.form;
  return null;
};

describe('reflect', () => {
  it('saves at once, answers with the number and who can read it, private by default', () => {
    const answer = say('ana', 'reflect Exit tickets showed who needs fractions');
    expect(answer).toMatch(/^Saved as #\d+ in Math\./);
    expect(answer).toContain(t('en', 'reflect.readers.private'));
    expect(stored()).toMatchObject([{ visibility: 'private', text: 'Exit tickets showed who needs fractions' }]);
  });

  it('takes team and coordinator as options before the text, and -- to end them', () => {
    expect(say('ana', 'reflect team We tried peer review')).toContain(t('en', 'reflect.readers.team', { community: 'Math' }));
    expect(say('ana', 'reflect coordinator I need time to plan')).toContain(t('en', 'reflect.readers.coordinator', { community: 'Math' }));
    expect(say('ana', 'reflect -- team meetings drain me')).toContain(t('en', 'reflect.readers.private'));
    expect(say('ana', 'reflect private school visits helped')).toContain(t('en', 'reflect.readers.private'));
    expect(stored().map((r) => [r.visibility, r.text])).toEqual([
      ['team', 'We tried peer review'],
      ['coordinator', 'I need time to plan'],
      ['private', 'team meetings drain me'],
      ['private', 'private school visits helped'],
    ]);
  });

  it('keeps the text as plain text, mentions and markup included, for the renderers to escape', () => {
    runAs(app, 'ana', 'reflect team <!here> <!channel> <@U123|Boss> *bold* {"type":"Action.Submit"}');
    const view = runAs(app, 'ana', 'reflections').deliveries[0]?.view;
    const item = view?.blocks.find((b) => b.type === 'list');
    expect(item?.type === 'list' && item.items[0]).toEqual(
      expect.stringContaining('<!here> <!channel> <@U123|Boss> *bold* {"type":"Action.Submit"}'),
    );
    expect(stored()[0]?.text).toBe('<!here> <!channel> <@U123|Boss> *bold* {"type":"Action.Submit"}');
  });

  it('refuses a guest, and stores nothing', () => {
    expect(say('gus', 'reflect I am only visiting')).toContain('Guests of Math don’t take part in that');
    expect(stored()).toEqual([]);
  });

  it('refuses text over 4,000 characters with the limit, and stores nothing', () => {
    expect(say('ana', `reflect ${'a'.repeat(4001)}`)).toContain('That text has 4,001 characters; the limit is 4,000.');
    expect(say('ana', `reflect team ${'é'.repeat(4000)}`)).toContain('Saved as');
    expect(stored()).toHaveLength(1);
  });

  it('shows the author their own streak, and only them', () => {
    expect(say('ana', 'reflect One')).toContain('You have reflected 1 week in a row. Only you see this.');
    expect(say('ana', 'home', null)).toContain('You have reflected 1 week in a row.');
    expect(say('ben', 'home', null)).not.toContain('in a row');
    expect(say('carla', 'reflections team')).not.toContain('in a row');
  });
});

describe('the reflection form', () => {
  it('opens without text, with today’s question, a multiline answer and the visibility as a choice', () => {
    const form = formOf('ana', 'reflect');
    expect(form?.title).toBe(t('en', 'reflect.form.title', { community: 'Math' }));
    expect(form?.fields.map((f) => [f.name, f.kind, f.label])).toEqual([
      ['visibility', 'select', t('en', 'reflect.form.visibility')],
      ['text', 'multiline', t('en', 'question.prerequisites')],
    ]);
    expect(form?.fields[0]?.options?.map((o) => o.value)).toEqual(['private', 'team', 'coordinator']);
    expect(form?.fields[0]?.initial).toBe('private');
    expect(form?.command).toBe('reflect {visibility} -- {text}');
    expect(formOf('ana', 'reflect team')?.fields[0]?.initial).toBe('team');
    // Outside the community's channel the form names its community.
    expect(formOf('ana', 'reflect', { channel: null })?.command).toBe('in Math reflect {visibility} -- {text}');
    expect(stored()).toEqual([]);
  });

  it('saves what is submitted with the chosen visibility', () => {
    expect(say('ana', 'reflect team -- Line one\nLine two')).toContain(t('en', 'reflect.readers.team', { community: 'Math' }));
    expect(say('ana', 'reflect private -- team first')).toContain(t('en', 'reflect.readers.private'));
    expect(stored().map((r) => [r.visibility, r.text])).toEqual([
      ['team', 'Line one\nLine two'],
      ['private', 'team first'],
    ]);
  });

  it('refuses a blank submission as missing text rather than showing the form again', () => {
    const handled = runAs(app, 'ana', 'reflect coordinator -- ');
    expect(handled.refused).toBe(true);
    expect(answerText(handled)).toContain(t('en', 'error.textRequired'));
    expect(stored()).toEqual([]);
  });

  it('asks the question of the person’s open prompt, else the next of their bank', () => {
    repos(app.store).prompts.markAsked(
      app.store.users.findByExternal(1, 'ana')?.id as number,
      'seed:prerequisites',
      app.clock.now().getTime(),
    );
    expect(formOf('ana', 'reflect')?.fields[1]?.label).toBe(t('en', 'question.nextGoal'));
    expect(formOf('ben', 'reflect')?.fields[1]?.label).toBe(t('en', 'question.prerequisites'));
  });
});

describe('typed in a Teams channel, where everyone reads it', () => {
  const inChannel = { channel: 'math', seenByOthers: true };

  it('refuses a reflection before anything is stored, and sends the form to the person’s personal chat', () => {
    const handled = runAs(app, 'ana', 'reflect team We argued about grading', inChannel);
    expect(stored()).toEqual([]);
    const dm = handled.deliveries.find((d) => d.to === 'user');
    expect(dm?.to === 'user' && dm.user.externalId).toBe('ana');
    const form = dm?.view.blocks.find((b) => b.type === 'form');
    expect(form?.type === 'form' && form.form.command).toBe('in Math reflect {visibility} -- {text}');
    expect(form?.type === 'form' && form.form.fields.map((f) => f.initial)).toEqual(['team', 'We argued about grading']);
    expect(answerText(handled)).toBe(t('en', 'reflect.channel.refused'));
    expect(answerText(handled)).not.toContain('grading');
  });

  it('sends my lists and a reflection I ask for to my personal chat, never to the channel', () => {
    const ref = /#(\d+)/.exec(say('ana', 'reflect team Only for the team'))?.[1];
    for (const command of ['reflections', 'reflections team', `reflection #${ref}`]) {
      const who = command === 'reflections team' ? 'ben' : 'ana';
      const handled = runAs(app, who, command, inChannel);
      expect(answerText(handled)).toBe(t('en', 'reflections.channel.sent'));
      const dm = handled.deliveries.find((d) => d.to === 'user');
      expect(dm?.to === 'user' && dm.user.externalId).toBe(who);
    }
    expect(sayAs(app, 'ana', 'home', inChannel)).not.toContain('in a row');
    expect(sayAs(app, 'ana', 'home', { channel: null })).toContain('in a row');
  });

  it('sends the form there for a bare reflect, too', () => {
    const handled = runAs(app, 'ana', 'reflect', inChannel);
    expect(handled.deliveries.map((d) => d.to)).toEqual(['user', 'asker']);
  });

  it('refuses an edit there before anything changes, with the edit form in the personal chat', () => {
    const ref = /#(\d+)/.exec(say('ana', 'reflect Before'))?.[1];
    const handled = runAs(app, 'ana', `reflection edit #${ref} After`, inChannel);
    expect(stored()[0]?.text).toBe('Before');
    const dm = handled.deliveries.find((d) => d.to === 'user');
    const form = dm?.view.blocks.find((b) => b.type === 'form');
    expect(form?.type === 'form' && form.form.command).toBe(`reflection edit #${ref} -- {text}`);
    // Somebody else's number is refused as unknown, there as anywhere.
    expect(sayAs(app, 'ben', `reflection edit #${ref} After`, inChannel)).toBe(`You have no reflection #${ref}.`);
  });
});

describe('reading, editing and deleting', () => {
  it('lists my own newest first, ten at a time, with a More button that repeats the command', () => {
    for (let i = 1; i <= 23; i++) {
      app.clock.set(app.clock.now().getTime() + 60_000);
      say('ana', `reflect Reflection number ${i}`);
    }
    const first = runAs(app, 'ana', 'reflections', { channel: null }).deliveries[0]?.view;
    const text1 = answerText(runAs(app, 'ana', 'reflections', { channel: null }));
    expect(text1).toContain('Your reflections (23)');
    expect(text1.indexOf('Reflection number 23')).toBeLessThan(text1.indexOf('Reflection number 14'));
    expect(text1).not.toContain('Reflection number 13\n');
    expect(text1).toContain('1–10 of 23');
    const more = first?.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : []));
    expect(more?.map((b) => b.command)).toEqual(['reflections page 2']);
    const third = answerText(runAs(app, 'ana', 'reflections page 3', { channel: null }));
    expect(third).toContain('21–23 of 23');
    expect(third).toContain('Reflection number 1\n');
    expect(answerText(runAs(app, 'ana', 'reflections page 9', { channel: null }))).toContain('21–23 of 23');
  });

  it('pages the team list the same way', () => {
    for (let i = 1; i <= 12; i++) say('ben', `reflect team Shared ${i}`);
    const view = runAs(app, 'ana', 'reflections team', { channel: null }).deliveries[0]?.view;
    expect(view?.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : [])).map((b) => b.command)).toEqual([
      'in Math reflections team page 2',
    ]);
    expect(say('ana', 'reflections team page 2')).toContain('11–12 of 12');
  });

  it('says what to do when there is nothing yet', () => {
    expect(say('ana', 'reflections')).toContain('You have not written a reflection yet.');
  });

  it('edits my own, keeping its date and marking it edited', () => {
    const ref = /#(\d+)/.exec(say('ana', 'reflect team First draft'))?.[1];
    const writtenAt = stored()[0]?.at;
    app.clock.set(app.clock.now().getTime() + 86_400_000);
    expect(say('ana', `reflection edit #${ref} Second thoughts`)).toContain(`#${ref} is changed`);
    expect(stored()[0]).toMatchObject({ text: 'Second thoughts', at: writtenAt, visibility: 'team' });
    expect(stored()[0]?.editedAt).toBe(app.clock.now().getTime());
    const listed = say('ben', 'reflections team');
    expect(listed).toContain('Tuesday, September 1, 2026 · team · edited');
    expect(listed).toContain('Second thoughts');
  });

  it('opens the edit form with the text as it stands when no new text is given', () => {
    const ref = /#(\d+)/.exec(say('ana', 'reflect Draft'))?.[1];
    const form = formOf('ana', `reflection edit #${ref}`);
    expect(form?.fields[0]?.initial).toBe('Draft');
    expect(form?.command).toBe(`reflection edit #${ref} -- {text}`);
  });

  it('deletes my own for good', () => {
    const ref = /#(\d+)/.exec(say('ana', 'reflect Gone soon'))?.[1];
    expect(say('ana', `reflection delete #${ref}`)).toBe(`#${ref} is deleted.`);
    expect(stored()).toEqual([]);
    expect(say('ana', `reflection delete #${ref}`)).toBe(`You have no reflection #${ref}.`);
  });

  it('refuses an unknown number, somebody else’s, a bad one and too long a text, changing nothing', () => {
    const ref = /#(\d+)/.exec(say('ana', 'reflect Mine'))?.[1];
    expect(say('ana', 'reflection edit #999 New')).toBe('You have no reflection #999.');
    expect(say('ben', `reflection edit #${ref} New`)).toBe(`You have no reflection #${ref}.`);
    expect(say('carla', `reflection delete #${ref}`)).toBe(`You have no reflection #${ref}.`);
    expect(say('ana', 'reflection edit 12 New')).toContain('“12” is not an item number.');
    expect(say('ana', `reflection edit #${ref} ${'x'.repeat(4001)}`)).toContain('the limit is 4,000');
    expect(stored().map((r) => r.text)).toEqual(['Mine']);
  });

  it('answers in the person’s language', () => {
    say('ana', 'lang de', null);
    expect(say('ana', 'reflect team Gute Woche')).toContain('Die Mitglieder und die Leitung von Math können sie lesen, Gäste nicht.');
    say('ben', 'lang ar', null);
    expect(say('ben', 'reflection delete #77')).toContain('ليس لديك تأمل برقم');
    expect(sent).toEqual([]);
  });
});
