import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlackErrorCode } from '../../adapters/slack/errors.js';
import { slackT } from '../../adapters/slack/messages.js';
import { rowCounts } from '../support/rows.js';
import { askerText, deliverSigned, ENCRYPTION_KEY, eventBody, type SlackHarness, startSlackHarness, typeCommand } from './support.js';

const OAUTH_ENV = {
  SLACK_CLIENT_ID: '1111.2222',
  SLACK_CLIENT_SECRET: 'client-secret',
  SLACK_STATE_SECRET: 'state-secret-for-tests',
  PUBLIC_URL: 'https://plc.example.org',
  TOKEN_ENCRYPTION_KEY: ENCRYPTION_KEY,
};

/**
 * Goes through Slack's OAuth flow as a browser would: the install page, then Slack's redirect back with a code.
 * Resolves with the status and page of the redirect's answer.
 */
async function install(h: SlackHarness, code: string, language?: string): Promise<{ status: number; page: string }> {
  const page = await fetch(`${h.baseUrl}/slack/install`);
  const html = await page.text();
  const state = /state=([^"&]+)/.exec(html)?.[1];
  const cookie = page.headers.get('set-cookie')?.split(';')[0];
  if (!state || !cookie) throw new Error('no OAuth state on the install page');
  const headers: Record<string, string> = { cookie, ...(language ? { 'accept-language': language } : {}) };
  const back = await fetch(`${h.baseUrl}/slack/oauth_redirect?code=${code}&state=${state}`, { headers, redirect: 'manual' });
  const answer = await back.text();
  await h.adapter.idle();
  return { status: back.status, page: answer };
}

describe('distribution through OAuth', () => {
  let h: SlackHarness;
  const rows = () => h.app.store.db.prepare('SELECT * FROM slack_installations ORDER BY team_id').all() as Record<string, unknown>[];

  beforeAll(async () => {
    h = await startSlackHarness({ env: OAUTH_ENV });
    h.api.installs.set('code-a', { teamId: 'TA', teamName: 'Oak School', userId: 'UPRINCIPAL', botToken: 'xoxb-oak-secret-token' });
    h.api.installs.set('code-b', { teamId: 'TB', teamName: 'Elm School', userId: 'UHEAD', botToken: 'xoxb-elm-secret-token' });
  });
  afterAll(async () => {
    await h.close();
  });

  it('installs into a workspace and makes the installer its coordinator', async () => {
    expect((await install(h, 'code-a')).status).toBe(200);
    const ws = h.app.store.workspaces.find('slack', 'TA');
    expect(ws?.name).toBe('Oak School');
    expect(h.app.store.users.findByExternal(ws?.id ?? 0, 'UPRINCIPAL')?.isCoordinator).toBe(true);
    const greeting = h.api.of('chat.postMessage').at(-1);
    expect(greeting?.body.channel).toBe('UPRINCIPAL');
    expect(greeting?.token).toBe('xoxb-oak-secret-token');
  });

  it('keeps tokens encrypted at rest: no token appears in the table or anywhere in the database files', async () => {
    expect(rows()).toHaveLength(1);
    expect(JSON.stringify(rows())).not.toContain('xoxb-');
    const dir = dirname(h.app.dbPath);
    for (const file of readdirSync(dir)) expect(readFileSync(join(dir, file)).includes('xoxb-oak-secret-token')).toBe(false);
  });

  it('keeps two workspaces apart: each answers with its own token and sees only its own communities', async () => {
    expect((await install(h, 'code-b')).status).toBe(200);
    const a = await typeCommand(h, { team: 'TA', user: 'UPRINCIPAL', channel: 'CMATH', channelName: 'math', text: 'create Math' });
    expect(askerText(a.calls)).toContain('Community Math is ready');
    expect(a.calls.filter((c) => c.method === 'users.info').every((c) => c.token === 'xoxb-oak-secret-token')).toBe(true);

    const b = await typeCommand(h, { team: 'TB', user: 'UHEAD', channel: 'CMATH', channelName: 'math', text: 'communities' });
    expect(askerText(b.calls)).toContain('No communities yet');
    expect(b.calls.filter((c) => c.method === 'users.info').every((c) => c.token === 'xoxb-elm-secret-token')).toBe(true);
    const join = await typeCommand(h, { team: 'TB', user: 'UTEACHER', channel: 'CGENERAL', text: 'join Math' });
    expect(askerText(join.calls)).toContain('There are no communities yet');
  });

  it('removes the tokens when the app is uninstalled or its tokens are revoked', async () => {
    const gone = await deliverSigned(h, eventBody({ type: 'app_uninstalled' }, { team: 'TA' }), 'application/json');
    expect(gone.status).toBe(200);
    expect(rows().map((r) => r.team_id)).toEqual(['TB']);
    const send = h.adapter.messenger.send(
      { platform: 'slack', externalId: 'TA' },
      { kind: 'channel', channel: 'CMATH' },
      {
        locale: 'en',
        dir: 'ltr',
        summary: 'x',
        blocks: [],
      },
    );
    await expect(send).rejects.toMatchObject({ code: SlackErrorCode.NotInstalled });

    await deliverSigned(h, eventBody({ type: 'tokens_revoked', tokens: { oauth: [], bot: ['UBOT'] } }, { team: 'TB' }), 'application/json');
    expect(rows()).toHaveLength(0);
  });
});

describe('distribution through OAuth to listed workspaces only', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness({ env: { ...OAUTH_ENV, SLACK_ALLOWED_TEAMS: 'TA' } });
    h.api.installs.set('code-a', { teamId: 'TA', teamName: 'Oak School', userId: 'UPRINCIPAL', botToken: 'xoxb-oak-secret-token' });
    h.api.installs.set('code-x', { teamId: 'TX', teamName: 'Elsewhere', userId: 'UINTRUDER', botToken: 'xoxb-elsewhere-token' });
  });
  afterAll(async () => {
    await h.close();
  });

  it('refuses an install from another workspace at the redirect: a 403 page, the new token revoked, nothing stored', async () => {
    const before = rowCounts(h.app.store.db);
    const refused = await install(h, 'code-x', 'de-DE,de;q=0.9,en;q=0.8');
    expect(refused.status).toBe(403);
    expect(refused.page).toContain(slackT('de', 'slack.installRefused'));
    expect(h.api.of('auth.revoke').map((c) => c.token)).toEqual(['xoxb-elsewhere-token']);
    expect(rowCounts(h.app.store.db)).toEqual(before);
    expect(h.app.store.workspaces.find('slack', 'TX')).toBeNull();
    expect(h.api.of('chat.postMessage')).toEqual([]);
  });

  it('installs into a listed workspace as before', async () => {
    expect((await install(h, 'code-a')).status).toBe(200);
    expect(h.app.store.users.findByExternal(h.app.store.workspaces.find('slack', 'TA')?.id ?? 0, 'UPRINCIPAL')?.isCoordinator).toBe(true);
  });
});
