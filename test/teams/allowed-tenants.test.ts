import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teamsT } from '../../adapters/teams/messages.js';
import { t } from '../../src/i18n/translate.js';
import { rowCounts } from '../support/rows.js';
import { activityText, cardAction, installation, membersAdded, message, posted, type TeamsHarness, teamsHarness } from './harness.js';

const OURS = '3f9c2d1e-8b7a-4c6d-9e0f-1a2b3c4d5e6f';
const THEIRS = 'a0b1c2d3-e4f5-4a6b-8c7d-9e0f1a2b3c4d';

describe('TEAMS_ALLOWED_TENANTS', () => {
  let h: TeamsHarness;
  const outsider = { name: 'mallory', tenant: THEIRS };
  beforeAll(async () => {
    h = await teamsHarness({ TEAMS_ALLOWED_TENANTS: OURS.toUpperCase() });
  });
  afterAll(async () => {
    await h.close();
  });

  it('answers a message from another tenant with a short refusal in the sender’s language, and stores nothing', async () => {
    const before = rowCounts(h.app.store.db);
    const res = await h.post(message(h.connector.url, outsider, { personal: true }, 'plc create Takeover', { locale: 'nl-NL' }));
    expect(res.status).toBe(200);
    const replies = posted(h.connector.take());
    expect(replies.map((r) => activityText(r.body))).toEqual([teamsT('nl', 'teams.notAllowed')]);
    expect(rowCounts(h.app.store.db)).toEqual(before);
    expect(h.app.store.workspaces.find('teams', THEIRS)).toBeNull();
  });

  it('answers a card action from another tenant with the refusal and runs nothing', async () => {
    const before = rowCounts(h.app.store.db);
    const press = cardAction(h.connector.url, outsider, { channel: 'math' }, 'card-1', 'plc', { command: 'create Takeover' });
    const res = await h.post(press);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ statusCode: 200, value: teamsT('en', 'teams.notAllowed') });
    expect(posted(h.connector.take())).toEqual([]);
    expect(rowCounts(h.app.store.db)).toEqual(before);
  });

  it('keeps no reference to a conversation of another tenant the app is added to', async () => {
    const before = rowCounts(h.app.store.db);
    await h.post(installation(h.connector.url, outsider, { personal: true }, 'add'));
    expect(posted(h.connector.take()).map((r) => activityText(r.body))).toEqual([teamsT('en', 'teams.notAllowed')]);
    await h.post(membersAdded(h.connector.url, outsider, { channel: `team-${THEIRS}` }, ['mallory', 'trent'], true));
    expect(posted(h.connector.take())).toEqual([]);
    expect(rowCounts(h.app.store.db)).toEqual(before);
  });

  it('serves the listed tenant, whatever the case of its id', async () => {
    await h.post(message(h.connector.url, { name: 'carla', tenant: OURS }, { personal: true }, 'plc help'));
    expect(
      posted(h.connector.take())
        .map((r) => activityText(r.body))
        .join('\n'),
    ).toContain(t('en', 'help.title'));
    expect(h.app.store.workspaces.find('teams', OURS)).not.toBeNull();
  });
});
