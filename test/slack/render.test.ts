import { describe, expect, it } from 'vitest';
import { escapeMrkdwn, splitMrkdwn, toMrkdwn } from '../../adapters/slack/mrkdwn.js';
import { fromSlackText } from '../../adapters/slack/receive.js';
import { renderMessage } from '../../adapters/slack/render.js';
import { withoutDisplayMarks } from '../../src/grammar/text.js';
import type { View } from '../../src/views/view.js';

const viewOf = (blocks: View['blocks']): View => ({ locale: 'en', dir: 'ltr', summary: 'summary', blocks });

describe('rendering views as Block Kit', () => {
  it('escapes user text so it cannot ping the channel or forge a link, and mentions as real mentions', () => {
    expect(escapeMrkdwn('<!channel> & <https://evil.example|bank>')).toBe('&lt;!channel&gt; &amp; &lt;https://evil.example|bank&gt;');
    expect(toMrkdwn(['Thanks ', { mention: { user: 'UANA', name: 'ana' } }, ' <!here>'])).toBe('Thanks <@UANA> &lt;!here&gt;');
    expect(toMrkdwn([{ command: 'join Math' }])).toBe('`/plc join Math`');
  });

  it('splits text over 3,000 characters across sections without cutting an entity', () => {
    const long = `${'word '.repeat(700)}${'&'.repeat(400)}`;
    const { blocks } = renderMessage(viewOf([{ type: 'text', text: long }]));
    const texts = blocks.map((b) => (b as { text: { text: string } }).text.text);
    expect(texts.length).toBeGreaterThan(1);
    for (const t of texts) {
      expect(t.length).toBeLessThanOrEqual(3000);
      expect(t).not.toMatch(/&(?!amp;)/);
    }
    expect(texts.join(' ').replace(/\s+/g, ' ')).toBe(escapeMrkdwn(long).replace(/\s+/g, ' ').trim());
  });

  it('never splits inside a mention', () => {
    const s = `${'a'.repeat(2995)}<@UANA> and more`;
    const [first, second] = splitMrkdwn(s, 3000);
    expect(first).toBe('a'.repeat(2995));
    expect(second?.startsWith('<@UANA>')).toBe(true);
  });

  it('gives every button an action id unique within its block and its command as the value', () => {
    const { blocks } = renderMessage(
      viewOf([
        {
          type: 'actions',
          buttons: [
            { label: 'Math', command: 'in Math members' },
            { label: 'Art', command: 'in Art members' },
          ],
        },
        { type: 'actions', buttons: [{ label: 'Yes', command: 'rsvp yes #4', style: 'primary' }] },
      ]),
    );
    const elements = blocks.flatMap((b) => (b as { elements: { action_id: string; value: string }[] }).elements);
    expect(elements.map((e) => e.action_id)).toEqual(['plc:0:0', 'plc:0:1', 'plc:1:0']);
    expect(elements.map((e) => e.value)).toEqual(['in Math members', 'in Art members', 'rsvp yes #4']);
  });

  it('renders headings as plain-text headers and fields as labelled pairs', () => {
    const { blocks } = renderMessage(
      viewOf([
        { type: 'heading', text: 'Math: 2 members' },
        { type: 'fields', fields: [{ label: 'Who', value: 'Leads' }] },
      ]),
    );
    expect(blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Math: 2 members', emoji: true } });
    expect(blocks[1]).toEqual({ type: 'section', fields: [{ type: 'mrkdwn', text: '*Who*\nLeads' }] });
  });

  it('keeps a message within Block Kit’s 50 blocks, saying that the end was cut', () => {
    const { blocks } = renderMessage(viewOf(Array.from({ length: 60 }, () => ({ type: 'divider' as const }))));
    expect(blocks).toHaveLength(50);
    expect(JSON.stringify(blocks.at(-1))).toContain('too long for Slack');
  });
});

describe('reading what Slack sends', () => {
  it('keeps mentions and channels, unwraps links and turns broadcasts into plain words', () => {
    expect(fromSlackText('role <@U123|ana> coach')).toBe('role <@U123|ana> coach');
    expect(fromSlackText('move to <#C9|math>')).toBe('move to <#C9|math>');
    expect(fromSlackText('share <https://example.org/a?b=1&amp;c=2|example.org>')).toBe('share https://example.org/a?b=1&c=2');
    expect(fromSlackText('reflect <!channel> 3 &lt; 4 &amp;&amp; <!subteam^S1|@math-team>')).toBe('reflect @channel 3 < 4 && @math-team');
  });

  it('reads only Slack’s own control sequences as mentions and channels: what was typed as one stays text', () => {
    expect(fromSlackText('agenda add &lt;@U2|FIRED&gt; &amp; &lt;#C1|x&gt;')).toBe('agenda add <\u200b@U2|FIRED> & <\u200b#C1|x>');
    expect(fromSlackText('<https://x.example/&lt;@U1&gt;|link>')).toBe('https://x.example/<\u200b@U1>');
  });
});

describe('text a person wrote, on Slack', () => {
  // What Slack shows: the zero-width spaces are invisible.
  const shown = (s: string) => s.replaceAll('\u200b', '');
  const typed = ['*bold*', '_it_', '~gone~', '`code`', '<!here>', '@channel', '<@U1>', '[x](y)', '<b>html</b>', '> quoted'];

  it('shows every formatting mark as typed: no mark stands where Slack would open bold, italics, strike or code', () => {
    for (const s of typed) {
      const out = toMrkdwn(s);
      // Slack opens a format only at a mark with a word on one side and a boundary on the other.
      expect(out, s).not.toMatch(/(^|[\s>(])[*_~`][^\s\u200b]/);
      expect(out, s).not.toMatch(/<[!@#]/);
      expect(out, s).not.toMatch(/^&gt;/m);
      expect(shown(out).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'), s).toBe(s);
    }
  });

  it('renders them so in every text of a message, and keeps links whole', () => {
    const { blocks } = renderMessage(
      viewOf([{ type: 'list', items: ['#4 *Exit* tickets', ['see https://x.org/a_b_c ', { command: 'agenda' }]] }]),
    );
    const text = (blocks[0] as { text: { text: string } }).text.text;
    expect(text).toContain('\u200b*\u200bExit\u200b*\u200b');
    expect(text).toContain('https://x.org/a_b_c');
    expect(text).toContain('`/plc agenda`');
  });

  it('copies back as the same command: the marks it added are dropped before the command is read', () => {
    expect(withoutDisplayMarks(shown(toMrkdwn('agenda add *bold* _it_')))).toBe('agenda add *bold* _it_');
    expect(withoutDisplayMarks(toMrkdwn('agenda add *bold* _it_ ~x~ `y`'))).toBe('agenda add *bold* _it_ ~x~ `y`');
    // The mark that keeps a typed mention inert stays: it is no formatting.
    expect(withoutDisplayMarks('agenda add <\u200b@U2|FIRED>')).toBe('agenda add <\u200b@U2|FIRED>');
  });
});
