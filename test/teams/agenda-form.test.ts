import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
  return { input, action: set.actions[0] };
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
    return math ? h.app.store.agenda.open(math.id).map((i) => i.text) : ['(no Math community)'];
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
});
