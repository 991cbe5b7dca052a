import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackT } from '../../adapters/slack/messages.js';
import { rowCounts } from '../support/rows.js';
import {
  askerText,
  blocksText,
  buttonPress,
  deliverSigned,
  eventBody,
  interactivityBody,
  postSigned,
  type SlackHarness,
  slashCommandBody,
  startSlackHarness,
  TEAM,
  typeCommand,
} from './support.js';

describe('SLACK_ALLOWED_TEAMS', () => {
  let h: SlackHarness;
  const refusal = slackT('en', 'slack.notAllowed');
  beforeAll(async () => {
    h = await startSlackHarness({ env: { SLACK_ALLOWED_TEAMS: `${TEAM},E0DISTRICT` } });
  });
  afterAll(async () => {
    await h.close();
  });

  it('answers a slash command from another workspace with a short refusal, and stores nothing about it', async () => {
    const before = rowCounts(h.app.store.db);
    const { status, calls } = await typeCommand(h, { team: 'TOTHER', user: 'UMALLORY', text: 'help' });
    expect(status).toBe(200);
    expect(calls.map((c) => c.method)).toEqual(['ack']);
    expect(calls[0]?.body.response_type).toBe('ephemeral');
    expect(blocksText(calls[0]?.body.blocks)).toContain(refusal);
    expect(rowCounts(h.app.store.db)).toEqual(before);
    expect(h.app.store.workspaces.find('slack', 'TOTHER')).toBeNull();
  });

  it('refuses a button pressed in another workspace through its response_url, and runs nothing', async () => {
    const before = rowCounts(h.app.store.db);
    const payload = buttonPress({
      team: 'TOTHER',
      user: 'UMALLORY',
      channel: 'CX',
      value: 'create Takeover',
      actionTs: '1788000400.000100',
      responseUrl: h.api.responseUrl('press'),
    });
    const { status, calls } = await deliverSigned(h, interactivityBody(payload), 'application/x-www-form-urlencoded');
    expect(status).toBe(200);
    expect(calls.map((c) => c.method)).toEqual(['respond']);
    expect(blocksText(calls[0]?.body.blocks)).toContain(refusal);
    expect(rowCounts(h.app.store.db)).toEqual(before);
  });

  it('acknowledges an event from another workspace and does nothing with it, not even remembering its id', async () => {
    const before = rowCounts(h.app.store.db);
    const joined = eventBody(
      { type: 'member_joined_channel', user: 'UMALLORY', channel: 'CX', channel_type: 'C', team: 'TOTHER' },
      { team: 'TOTHER' },
    );
    const { status, calls } = await deliverSigned(h, joined, 'application/json');
    expect(status).toBe(200);
    expect(calls).toEqual([]);
    expect(rowCounts(h.app.store.db)).toEqual(before);
  });

  it('serves a listed workspace, and any workspace of a listed Enterprise Grid org', async () => {
    expect(askerText((await typeCommand(h, { user: 'UCARLA', text: 'help' })).calls)).not.toContain(refusal);
    expect(h.app.store.workspaces.find('slack', TEAM)).not.toBeNull();
    const inGrid = `${slashCommandBody({ team: 'TGRID', user: 'UGRID', channel: 'CGENERAL', channelName: 'general', text: 'help', responseUrl: h.api.responseUrl('grid') })}&enterprise_id=E0DISTRICT`;
    const res = await postSigned(h.baseUrl, inGrid, 'application/x-www-form-urlencoded');
    await h.adapter.idle();
    expect(res.status).toBe(200);
    expect(res.body).not.toContain(refusal);
    expect(h.app.store.workspaces.find('slack', 'TGRID')).not.toBeNull();
  });
});
