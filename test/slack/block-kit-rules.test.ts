import { describe, expect, it } from 'vitest';
import { renderMessage, renderModal } from '../../adapters/slack/render.js';
import { view } from '../../src/views/build.js';
import { blocksProblems, LIMITS, slackCallProblems, viewProblems } from './block-kit-rules.js';

// biome-ignore lint/suspicious/noExplicitAny: payloads are built as the plain JSON Slack receives.
type Json = any;

const section = (text: string): Json => ({ type: 'section', text: { type: 'mrkdwn', text } });
const button = (text: string, id: string, value = 'help'): Json => ({
  type: 'button',
  action_id: id,
  text: { type: 'plain_text', text },
  value,
});
const modal = (over: Json = {}): Json => ({
  type: 'modal',
  title: { type: 'plain_text', text: 'Add to the agenda' },
  submit: { type: 'plain_text', text: 'Add' },
  close: { type: 'plain_text', text: 'Cancel' },
  blocks: [],
  ...over,
});

describe('the Block Kit checks', () => {
  it('pass what the renderer makes', () => {
    const v = view('en', [
      { type: 'heading', text: 'Agenda' },
      { type: 'list', items: ['#4 Exit tickets'] },
      { type: 'actions', buttons: [{ label: 'More', command: 'agenda page 2' }] },
    ]);
    expect(blocksProblems(renderMessage(v).blocks, 'message')).toEqual([]);
    const form = {
      id: 'f',
      title: 'Add',
      fields: [{ name: 'text', label: 'Item', kind: 'text' as const }],
      submitLabel: 'Add',
      command: 'x {text}',
    };
    expect(viewProblems(renderModal(form, 'en', '{}'))).toEqual([]);
  });

  it('refuse more than 50 blocks in a message, and more than 100 in a modal or a Home', () => {
    const blocks = (n: number) => Array.from({ length: n }, () => ({ type: 'divider' }));
    expect(blocksProblems(blocks(50), 'message')).toEqual([]);
    expect(blocksProblems(blocks(51), 'message')).toEqual(['51 blocks, over the 50 of a message']);
    expect(viewProblems(modal({ blocks: blocks(100) }))).toEqual([]);
    expect(viewProblems(modal({ blocks: blocks(101) }))).toHaveLength(1);
    expect(viewProblems({ type: 'home', blocks: blocks(101) })).toEqual(['101 blocks, over the 100 of a home']);
  });

  it('refuse section text over 3,000 characters, more than 10 fields, and a field over 2,000', () => {
    expect(blocksProblems([section('a'.repeat(3000))], 'message')).toEqual([]);
    expect(blocksProblems([section('a'.repeat(3001))], 'message')).toHaveLength(1);
    const fields = (n: number, len = 5) => ({
      type: 'section',
      fields: Array.from({ length: n }, () => ({ type: 'mrkdwn', text: 'a'.repeat(len) })),
    });
    expect(blocksProblems([fields(11)], 'message')).toHaveLength(1);
    expect(blocksProblems([fields(1, LIMITS.fieldText + 1)], 'message')).toHaveLength(1);
  });

  it('refuse a header over 150 characters', () => {
    expect(blocksProblems([{ type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } }], 'message')).toHaveLength(1);
  });

  it('refuse button text over 75 characters and a value over 2,000', () => {
    expect(blocksProblems([{ type: 'actions', elements: [button('b'.repeat(75), 'a')] }], 'message')).toEqual([]);
    expect(blocksProblems([{ type: 'actions', elements: [button('b'.repeat(76), 'a')] }], 'message')).toHaveLength(1);
    expect(blocksProblems([{ type: 'actions', elements: [button('b', 'a', 'v'.repeat(2001))] }], 'message')).toHaveLength(1);
  });

  it('refuse action and block ids over 255 characters or used twice in a message', () => {
    const long = 'i'.repeat(256);
    expect(blocksProblems([{ type: 'actions', block_id: long, elements: [button('b', 'a')] }], 'message')).toHaveLength(1);
    expect(blocksProblems([{ type: 'actions', elements: [button('b', long)] }], 'message')).toHaveLength(1);
    expect(blocksProblems([{ type: 'actions', elements: [button('b', 'same'), button('c', 'same')] }], 'message')).toEqual([
      'block 0 (actions): action_id same used twice',
    ]);
    expect(
      blocksProblems(
        [
          { ...section('x'), block_id: 'k' },
          { ...section('y'), block_id: 'k' },
        ],
        'message',
      ),
    ).toHaveLength(1);
  });

  it('refuse a modal title over 24 characters, and its buttons too', () => {
    expect(viewProblems(modal({ title: { type: 'plain_text', text: 'Punkt für die Tagesordnung' } }))).toHaveLength(1);
    expect(viewProblems(modal({ submit: { type: 'plain_text', text: 's'.repeat(25) } }))).toHaveLength(1);
  });

  it('pass the chart the renderer makes, and refuse an image without alt text, an image_url over 3,000 or alt_text over 2,000', () => {
    const chart = view('en', [{ type: 'image', image: { url: 'https://plc.example.org/charts/t.png', alt: 'Line chart of attendance' } }]);
    const blocks = renderMessage(chart).blocks;
    expect(blocks.some((b: Json) => b.type === 'image')).toBe(true);
    expect(blocksProblems(blocks, 'message')).toEqual([]);
    const image = (image_url: string, alt_text: string): Json => ({ type: 'image', image_url, alt_text });
    const url = 'https://plc.example.org/charts/';
    expect(blocksProblems([image(url + 'x'.repeat(LIMITS.imageUrl - url.length), 'a'.repeat(LIMITS.imageAlt))], 'message')).toEqual([]);
    expect(blocksProblems([image(url + 'x'.repeat(LIMITS.imageUrl), 'Chart')], 'message')).toEqual([
      `block 0 (image): image_url of ${url.length + LIMITS.imageUrl} characters, over 3000`,
    ]);
    expect(blocksProblems([image(url, 'a'.repeat(LIMITS.imageAlt + 1))], 'message')).toEqual([
      'block 0 (image): alt_text of 2001 characters, over 2000',
    ]);
    expect(blocksProblems([image(url, '')], 'message')).toEqual(['block 0 (image): image without alt_text']);
    expect(blocksProblems([{ type: 'image', alt_text: 'Chart' }], 'message')).toEqual(['block 0 (image): image without image_url']);
  });

  it('refuse a context of more than 10 elements and actions of more than 25', () => {
    const mrkdwn = { type: 'mrkdwn', text: 'x' };
    expect(blocksProblems([{ type: 'context', elements: Array(10).fill(mrkdwn) }], 'message')).toEqual([]);
    expect(blocksProblems([{ type: 'context', elements: Array(11).fill(mrkdwn) }], 'message')).toHaveLength(1);
    const elements = (n: number) => Array.from({ length: n }, (_, i) => button('b', `a${i}`));
    expect(blocksProblems([{ type: 'actions', elements: elements(25) }], 'message')).toEqual([]);
    expect(blocksProblems([{ type: 'actions', elements: elements(26) }], 'message')).toHaveLength(1);
  });

  it('refuse option text over 75 characters and a static select of more than 100 options', () => {
    const option = (text: string) => ({ text: { type: 'plain_text', text }, value: text.slice(0, 10) });
    const select = (options: Json[]) => ({
      type: 'input',
      block_id: 's',
      label: { type: 'plain_text', text: 'L' },
      element: { type: 'static_select', action_id: 's', options },
    });
    expect(blocksProblems([select([option('o'.repeat(75))])], 'modal')).toEqual([]);
    expect(blocksProblems([select([option('o'.repeat(76))])], 'modal')).toHaveLength(1);
    expect(blocksProblems([select(Array.from({ length: 101 }, (_, i) => option(`o${i}`)))], 'modal')).toHaveLength(1);
  });

  it('read each kind of call the bot makes: messages, ephemerals, updates, modals and Home views', () => {
    const tooMany = Array.from({ length: 51 }, () => ({ type: 'divider' }));
    for (const method of ['ack', 'respond', 'chat.postMessage', 'chat.postEphemeral', 'chat.update'])
      expect(slackCallProblems(method, { blocks: tooMany }), method).toHaveLength(1);
    expect(slackCallProblems('views.open', { view: modal({ title: { type: 'plain_text', text: 't'.repeat(25) } }) })).toHaveLength(1);
    expect(slackCallProblems('views.publish', { view: { type: 'home', blocks: Array(101).fill({ type: 'divider' }) } })).toHaveLength(1);
    expect(slackCallProblems('users.info', { user: 'U1' })).toEqual([]);
  });
});
