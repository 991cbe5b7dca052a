import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { repos } from '../../src/capabilities/meetings/store/index.js';
import { t } from '../../src/i18n/translate.js';
import { activityText, cardAction, cardText, message, posted, type TeamsHarness, teamsHarness } from './harness.js';

// biome-ignore lint/suspicious/noExplicitAny: cards are read as the plain JSON Teams receives.
type Json = any;

const MATH = { channel: 'math' };

/** The card's submit as Teams sends it: the action's own data with each input's value added beside it. */
function submitted(action: Json, inputs: Record<string, string>): Json {
  return { ...action.data, ...inputs };
}

/** The one Action.Execute of a form card, and the id of its input. */
function formParts(card: Json): { action: Json; input: Json } {
  const input = card.body.find((e: Json) => e.type === 'Input.Text');
  const set = card.body.find((e: Json) => e.type === 'ActionSet');
  return { input, action: set?.actions[0] };
}

describe('Teams: the agenda form, from the mention to the stored item', () => {
  let h: TeamsHarness;
  beforeEach(async () => {
    h = await teamsHarness();
    await h.post(message(h.connector.url, { name: 'carla' }, MATH, 'create Math'));
    await h.post(message(h.connector.url, { name: 'ana' }, MATH, 'join'));
    h.connector.take();
  });
  afterEach(async () => {
    await h.close();
  });

  /** The open agenda items of Math, as stored. */
  const agendaTexts = (): string[] => {
    const ws = h.app.store.workspaces.find('teams', 'tenant-a');
    const math = ws ? h.app.store.communities.findByName(ws.id, 'Math') : null;
    return math
      ? repos(h.app.store)
          .agenda.open(math.id)
          .map((i) => i.text)
      : ['(no Math community)'];
  };

  it('asks with a card form, shows the missing text on the card, then stores the item and says so on the card', async () => {
    const ask = message(h.connector.url, { name: 'ana' }, MATH, 'plc agenda add');
    expect((await h.post(ask)).status).toBe(200);
    const [reply] = posted(h.connector.take());
    // In a channel the answer goes into the thread of the message that asked.
    expect(reply).toMatchObject({ kind: 'reply', replyToId: ask.id, conversation: `19:math@thread.tacv2;messageid=${ask.id}` });
    const card = reply?.body.attachments[0].content;
    const { input, action } = formParts(card);
    expect(input).toMatchObject({ type: 'Input.Text', isMultiline: true, isRequired: true, label: t('en', 'agenda.form.text') });
    expect(action).toMatchObject({ type: 'Action.Execute', title: t('en', 'agenda.form.submit'), data: { form: 'agenda-add' } });

    // Teams sends the press from the thread the card is in, replying to the card, with the input's value in the data.
    const submit = async (text: string) => {
      const data = submitted(action, { [input.id]: text });
      const press = cardAction(
        h.connector.url,
        { name: 'ana' },
        { channel: 'math', thread: ask.id },
        reply?.id as string,
        action.verb,
        data,
      );
      return JSON.parse((await h.post(press)).body);
    };

    const first = await submit('');
    expect(first.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardText(first.value)).toContain(t('en', 'error.textRequired'));
    expect(formParts(first.value).input.id).toBe(input.id);
    expect(posted(h.connector.take())).toHaveLength(0);
    expect(agendaTexts()).toEqual([]);

    const second = await submit('Exit tickets & *grading*');
    expect(second.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardText(second.value)).toContain('Exit tickets & *grading*');
    expect(cardText(second.value)).not.toContain(t('en', 'agenda.form.text'));
    expect(posted(h.connector.take())).toHaveLength(0);
    expect(agendaTexts()).toEqual(['Exit tickets & *grading*']);

    await h.post(message(h.connector.url, { name: 'carla' }, MATH, 'plc agenda'));
    const agenda = posted(h.connector.take())
      .map((a) => activityText(a.body))
      .join('\n');
    expect(agenda).toContain('Exit tickets & *grading*');
  });

  /** Asks for the form in Math's channel; `press` sends a submit from the card's thread with the given data. */
  const openForm = async () => {
    const ask = message(h.connector.url, { name: 'ana' }, MATH, 'plc agenda add');
    await h.post(ask);
    const [reply] = posted(h.connector.take());
    const { input, action } = formParts(reply?.body.attachments[0].content);
    const press = async (data: Json) => {
      const where = { channel: 'math', thread: ask.id };
      const res = await h.post(cardAction(h.connector.url, { name: 'ana' }, where, reply?.id as string, action.verb, data));
      return { status: res.status, invoke: JSON.parse(res.body) };
    };
    return { ask, input, action, press };
  };

  const tooLong = () => t('en', 'error.textTooLong', { length: 4001, max: 4000 });

  it('shows a refused submit’s form again with the typed text kept and the refusal on the field, then accepts a good one', async () => {
    const { input, action, press } = await openForm();
    const long = `${'a'.repeat(4000)}b`;
    const refused = await press(submitted(action, { [input.id]: long }));
    expect(refused.status).toBe(200);
    expect(refused.invoke.type).toBe('application/vnd.microsoft.card.adaptive');
    const again = formParts(refused.invoke.value);
    expect(again.input).toMatchObject({
      id: input.id,
      type: 'Input.Text',
      isMultiline: true,
      value: long,
      errorMessage: expect.stringContaining(tooLong()),
    });
    expect(again.action).toMatchObject({ type: 'Action.Execute', verb: action.verb, data: action.data });
    expect(cardText(refused.invoke.value)).toContain(tooLong());
    expect(cardText(refused.invoke.value)).toContain(t('en', 'agenda.form.title'));
    expect(posted(h.connector.take())).toHaveLength(0);
    expect(agendaTexts()).toEqual([]);

    // The form shown again submits like the first one.
    const good = await press(submitted(again.action, { [again.input.id]: 'Shorter: exit tickets' }));
    expect(cardText(good.invoke.value)).toContain('Shorter: exit tickets');
    expect(formParts(good.invoke.value).input).toBeUndefined();
    expect(agendaTexts()).toEqual(['Shorter: exit tickets']);
  });

  it('shows a refused Action.Submit’s form again as a new card, since a message cannot replace its card', async () => {
    const { ask, input, action } = await openForm();
    const long = 'c'.repeat(4001);
    const base = message(h.connector.url, { name: 'ana' }, { channel: 'math', thread: ask.id }, '');
    const res = await h.post({ ...base, text: undefined, value: { ...submitted(action, { [input.id]: long }), verb: action.verb } });
    expect(res.status).toBe(200);
    const [card] = posted(h.connector.take());
    const again = formParts(card?.body.attachments[0].content);
    expect(again.input).toMatchObject({ id: input.id, value: long, errorMessage: expect.stringContaining(tooLong()) });
    expect(agendaTexts()).toEqual([]);
  });

  it('ignores a tampered form definition: no crash, the refusal shown as before, and only the typed command run', async () => {
    const { input, action, press } = await openForm();
    const long = 'd'.repeat(4001);
    const huge = 'x'.repeat(200_000);
    const field = { name: 'text', label: 'Text', kind: 'multiline' };
    const tampered: Json[] = [
      { title: huge, submit: 'Add', fields: [field] },
      { title: 'T', submit: 'Add', fields: Array.from({ length: 5000 }, () => field) },
      { title: 'T', submit: 'Add', fields: [{ ...field, name: '../x', kind: 'script' }] },
      { title: 'T', submit: 'Add', fields: [] },
      'not an object',
      null,
      [1, 2, 3],
    ];
    for (const def of tampered) {
      const res = await press({ ...submitted(action, { [input.id]: long }), def });
      expect(res.status).toBe(200);
      // Without a definition it can trust, the card shows the refusal, as it did before forms came back.
      expect(cardText(res.invoke.value)).toContain(tooLong());
      expect(formParts(res.invoke.value).input).toBeUndefined();
    }
    // A definition from a different form, or a huge form id, changes nothing about the command run.
    const other = { title: 'Evil', submit: 'Go', fields: [{ name: 'name', label: 'Name', kind: 'text' }] };
    const res = await press({ ...submitted(action, { [input.id]: long, 'field.name': 'Evil' }), def: other, form: huge });
    expect(cardText(res.invoke.value)).toContain(tooLong());
    const kept = await press({ ...submitted(action, { [input.id]: 'Kept as typed' }), def: other });
    expect(cardText(kept.invoke.value)).toContain('Kept as typed');
    expect(posted(h.connector.take())).toHaveLength(0);
    expect(agendaTexts()).toEqual(['Kept as typed']);
    const ws = h.app.store.workspaces.find('teams', 'tenant-a');
    expect(ws && h.app.store.communities.findByName(ws.id, 'Evil')).toBeNull();
  });
});
