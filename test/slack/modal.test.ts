import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  askerText,
  deliverSigned,
  interactivityBody,
  type SlackHarness,
  startSlackHarness,
  typeCommand,
  viewSubmission,
} from './support.js';

describe('a form as a Slack modal', () => {
  let h: SlackHarness;
  let modal: Record<string, unknown>;
  beforeAll(async () => {
    h = await startSlackHarness();
    await typeCommand(h, { user: 'UCARLA', channel: 'CMATH', channelName: 'math', text: 'create Math' });
  });
  afterAll(async () => {
    await h.close();
  });

  it('opens a modal with the trigger of the command when an answer holds a form', async () => {
    const { calls } = await typeCommand(h, {
      user: 'UCARLA',
      channel: 'CMATH',
      channelName: 'math',
      text: 'agenda add',
      triggerId: 'trig-agenda',
    });
    const open = calls.find((c) => c.method === 'views.open');
    expect(open?.body.trigger_id).toBe('trig-agenda');
    modal = open?.body.view as Record<string, unknown>;
    expect(modal).toMatchObject({ type: 'modal', callback_id: 'plc_form' });
    expect(modal.blocks).toMatchObject([
      { type: 'input', block_id: 'text', element: { type: 'plain_text_input', action_id: 'text', multiline: true } },
    ]);
    expect(calls.some((c) => c.method === 'respond')).toBe(false);
  });

  it('shows a mistake on the field and keeps the modal open', async () => {
    const submit = viewSubmission({ user: 'UCARLA', modal, values: { text: 'x'.repeat(4100) } });
    const { status, body, calls } = await deliverSigned(h, interactivityBody(submit), 'application/x-www-form-urlencoded');
    expect(status).toBe(200);
    const answer = JSON.parse(body) as { response_action: string; errors: Record<string, string> };
    expect(answer.response_action).toBe('errors');
    expect(answer.errors.text).toContain('4,100');
    expect(calls.filter((c) => c.method.startsWith('chat.'))).toHaveLength(0);
  });

  it('runs the form’s command as the submitter and confirms in the channel, only to them', async () => {
    const submit = viewSubmission({ user: 'UCARLA', modal, values: { text: 'Exit tickets & <!channel> review' } });
    const { status, body, calls } = await deliverSigned(h, interactivityBody(submit), 'application/x-www-form-urlencoded');
    expect(status).toBe(200);
    expect(body).toBe('');
    const confirm = calls.find((c) => c.method === 'chat.postEphemeral');
    expect(confirm?.body).toMatchObject({ channel: 'CMATH', user: 'UCARLA' });
    expect(askerText(calls)).toContain('Exit tickets &amp; &lt;!channel&gt; review');
    const agenda = await typeCommand(h, { user: 'UCARLA', channel: 'CMATH', channelName: 'math', text: 'agenda' });
    expect(askerText(agenda.calls)).toContain('Exit tickets');
  });
});
