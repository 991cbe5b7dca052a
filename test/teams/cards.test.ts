import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { teamsT } from '../../adapters/teams/messages.js';
import { FORM_VERB } from '../../adapters/teams/render.js';
import { t } from '../../src/i18n/translate.js';
import { activityText, cardAction, cardText, message, posted, type TeamsHarness, teamsHarness } from './harness.js';

describe('Teams card actions', () => {
  let h: TeamsHarness;
  beforeEach(async () => {
    h = await teamsHarness();
    await h.post(message(h.connector.url, { name: 'carla' }, { channel: 'math' }, 'create Math'));
    await h.post(message(h.connector.url, { name: 'carla' }, { channel: 'science' }, 'create Science'));
    h.connector.take();
  });
  afterEach(async () => {
    await h.close();
  });

  it('runs a pressed button’s command as the presser, once, and answers in the chat', async () => {
    // In the personal chat carla belongs to two communities, so the bot asks which one, with buttons.
    const ask = message(h.connector.url, { name: 'carla' }, { personal: true }, 'plc members');
    await h.post(ask);
    const [question] = posted(h.connector.take());
    const actions = question?.body.attachments[0].content.body.find((e: { type: string }) => e.type === 'ActionSet').actions;
    const science = actions.find((a: { title: string }) => a.title === 'Science');
    expect(science).toMatchObject({ type: 'Action.Execute', verb: 'plc', data: { command: 'in Science members' } });

    const press = cardAction(h.connector.url, { name: 'carla' }, { personal: true }, question?.id as string, 'plc', science.data);
    const res = await h.post(press);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: teamsT('en', 'teams.done'),
    });
    const answers = posted(h.connector.take());
    expect(answers.map((a) => activityText(a.body)).join('\n')).toContain('Science: 1 member');
    expect(answers.every((a) => a.conversation === 'a:dm-carla')).toBe(true);

    // Teams redelivers the same invoke: it is answered, not run again.
    expect((await h.post(press)).status).toBe(200);
    expect(posted(h.connector.take())).toHaveLength(0);
  });

  it('fills a form’s command from its inputs on submit and shows the answer on the card', async () => {
    const submit = cardAction(h.connector.url, { name: 'carla' }, { personal: true }, 'card-1', FORM_VERB, {
      verb: FORM_VERB,
      form: 'create-community',
      command: 'create {name}',
      'field.name': 'Grade 5 Math',
    });
    const res = await h.post(submit);
    const invoke = JSON.parse(res.body);
    expect(invoke.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardText(invoke.value)).toContain(t('en', 'create.done', { community: 'Grade 5 Math' }));
    const ws = h.app.store.workspaces.find('teams', 'tenant-a');
    expect(ws && h.app.store.communities.findByName(ws.id, 'Grade 5 Math')).not.toBeNull();
  });

  it('shows a refusal on the card when the submitted form is not accepted', async () => {
    const submit = cardAction(h.connector.url, { name: 'ana' }, { personal: true }, 'card-2', FORM_VERB, {
      verb: FORM_VERB,
      form: 'create-community',
      command: 'create {name}',
      'field.name': 'Art',
    });
    const invoke = JSON.parse((await h.post(submit)).body);
    expect(cardText(invoke.value)).toContain(t('en', 'error.notCoordinator'));
  });

  it('accepts the same press as an Action.Submit message carrying the command', async () => {
    const base = message(h.connector.url, { name: 'carla' }, { personal: true }, '');
    await h.post({ ...base, text: undefined, value: { verb: 'plc', command: 'in Math members' } });
    expect(
      posted(h.connector.take())
        .map((a) => activityText(a.body))
        .join('\n'),
    ).toContain('Math: 1 member');
  });
});
