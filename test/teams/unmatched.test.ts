import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardAction, message, posted, type TeamsHarness, teamsHarness } from './harness.js';

describe('Teams activities no route takes, and activities the bot cannot read', () => {
  let h: TeamsHarness;
  beforeAll(async () => {
    h = await teamsHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  // How fast is for bench/teams.ts; here, what is answered (botbuilder's own answer to an invoke it has no
  // handler for is a 501).
  const post = (activity: object) => h.post(activity);

  it('answers an invoke the bot never declared with 200, not botbuilder’s 501', async () => {
    const base = message(h.connector.url, { name: 'ana' }, { personal: true }, 'plc help');
    for (const name of ['task/fetch', 'composeExtension/query', 'unknown/name']) {
      const res = await post({ ...base, id: `inv-${name}`, type: 'invoke', name, value: {} });
      expect(res.status, name).toBe(200);
    }
  });

  it('refuses a card action it cannot read with 400, and runs nothing', async () => {
    h.connector.take();
    const unknownVerb = cardAction(h.connector.url, { name: 'ana' }, { personal: true }, '1', 'not-ours', { command: 'help' });
    const noAction = { ...unknownVerb, id: 'no-action', value: { action: null } };
    for (const activity of [unknownVerb, noAction]) {
      const res = await post(activity);
      expect(res.status).toBe(400);
    }
    expect(posted(h.connector.take())).toEqual([]);
  });

  it('refuses an activity without its conversation, sender or type, or with one of another type, with 400', async () => {
    const base = message(h.connector.url, { name: 'ana' }, { personal: true }, 'plc help');
    const broken = [
      { ...base, id: 'b1', conversation: undefined },
      { ...base, id: 'b2', conversation: { id: 5 } },
      { ...base, id: 'b3', from: null },
      { ...base, id: 'b4', type: 5 },
      { ...base, id: 'b5', text: { x: 1 } },
      { ...base, id: 'b6', entities: [{ type: 'clientInfo', timezone: 5 }] },
      { ...base, id: 'b7', value: null, text: undefined },
      { ...base, id: 'x'.repeat(5000) },
    ];
    for (const activity of broken) {
      const res = await post(activity);
      expect(res.status, JSON.stringify(activity).slice(0, 200)).toBe(400);
    }
    expect(posted(h.connector.take())).toEqual([]);
  });
});
