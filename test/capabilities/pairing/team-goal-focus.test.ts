import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { t } from '../../../src/i18n/translate.js';
import { prepared } from '../../../src/store/db.js';
import { renderPlain } from '../../../src/views/plain.js';
import { type TestApp, testApp } from '../../support/app.js';
import { answerText, run } from '../../support/bot.js';
import { dms, mathTeam, say, visitsNow } from './school.js';

let app: TestApp;
beforeEach(() => {
  app = testApp();
  mathTeam(app, ['ana', 'ben', 'dora']);
});
afterEach(async () => app.dispose());

const visitorOf = (name: string) =>
  visitsNow(app)
    .find((v) => v.endsWith(`→${name}`))
    ?.split('→')[0] as string;

describe('the focus “our team goal”', () => {
  it('names the community’s current open team goal on the button, in the answer, to the visitor and in pair status', () => {
    say(app, 'carla', 'goal add team Exit tickets in every lesson');
    const round = run(app, 'carla', 'pair now', { channel: 'math' });
    const dm = dms(round.deliveries).ana as string;
    expect(dm).toContain(t('en', 'pairing.focus.teamGoalNamed', { goal: 'Exit tickets in every lesson' }));
    const h = run(app, 'ana', 'observe focus team-goal', { channel: 'math' });
    const named = 'Our team goal: Exit tickets in every lesson';
    expect(answerText(h)).toContain(t('en', 'pairing.focus.set', { focus: named }));
    const visitor = visitorOf('ana');
    expect(dms(h.deliveries)[visitor]).toContain(named);
    expect(say(app, visitor, 'pair status')).toContain(`Focus of your visit: ${named}`);
    // A newer team goal becomes the current one; a closed one is no longer named.
    say(app, 'carla', 'goal add team Shared rubric for lab reports');
    expect(say(app, visitor, 'pair status')).toContain('Focus of your visit: Our team goal: Shared rubric for lab reports');
    const refs = prepared(app.store.db, "SELECT ref FROM goals WHERE level = 'team'").all() as { ref: number }[];
    for (const { ref } of refs) say(app, 'carla', `goal close #${ref} achieved`);
    expect(say(app, visitor, 'pair status')).toContain('Focus of your visit: Our team goal\n');
  });

  it('stays “Our team goal” when the community has none, in the person’s language', () => {
    const round = run(app, 'carla', 'pair now', { channel: 'math' });
    const buttons = JSON.stringify(round.deliveries.map((d) => d.view));
    expect(buttons).toContain('"label":"Our team goal"');
    expect(buttons).not.toContain('Our team goal:');
    run(app, 'ana', 'lang de', { channel: null });
    say(app, 'carla', 'goal add team Lesezeit verdoppeln');
    const answer = run(app, 'ana', 'observe focus team-goal', { channel: 'math' }).deliveries.map((d) => renderPlain(d.view));
    expect(answer.join('\n')).toContain('Unser Teamziel: Lesezeit verdoppeln');
  });

  it('shortens a long goal on the button only', () => {
    const long = `Every student explains their reasoning aloud in ${'every single lesson '.repeat(4)}`.trim();
    say(app, 'carla', `goal add team ${long}`);
    const round = run(app, 'carla', 'pair now', { channel: 'math' });
    const labels = round.deliveries.flatMap((d) =>
      d.view.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons.map((x) => x.label) : [])),
    );
    const label = labels.find((l) => l.startsWith('Our team goal:')) as string;
    expect(label.endsWith('…')).toBe(true);
    expect(label.length).toBeLessThanOrEqual(75);
    run(app, 'ana', 'observe focus team-goal', { channel: 'math' });
    expect(say(app, visitorOf('ana'), 'pair status')).toContain(long);
  });
});
