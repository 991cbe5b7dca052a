import { describe, expect, it } from 'vitest';
import { renderActivity, renderCard } from '../../adapters/teams/render.js';
import { TEAMS_MESSAGE_LIMIT } from '../../adapters/teams/size.js';
import { view } from '../../src/views/build.js';
import { activityProblems, cardProblems } from './card-rules.js';

// biome-ignore lint/suspicious/noExplicitAny: cards are built as the plain JSON Teams receives.
type Json = any;

const card = (body: Json[], over: Json = {}): Json => ({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body,
  ...over,
});
const execute = (title: string) => ({ type: 'Action.Execute', title, verb: 'plc', data: { command: 'help' } });

describe('the Teams card checks', () => {
  it('pass what the renderer makes', () => {
    const v = view('en', [
      { type: 'heading', text: 'Agenda' },
      { type: 'list', items: ['#4 Exit tickets'] },
      { type: 'actions', buttons: Array.from({ length: 9 }, (_, i) => ({ label: `C${i}`, command: `in C${i} members` })) },
      {
        type: 'form',
        form: {
          id: 'f',
          title: 'Add',
          fields: [{ name: 'text', label: 'Item', kind: 'text', required: true }],
          submitLabel: 'Add',
          command: 'x {text}',
        },
      },
    ]);
    expect(cardProblems(renderCard(v))).toEqual([]);
    expect(activityProblems(renderActivity(v))).toEqual([]);
  });

  it('refuse what Microsoft’s renderer does not parse against 1.5: an unknown element or a property of the wrong kind', () => {
    expect(cardProblems(card([{ type: 'TextBlock', text: 'ok' }]))).toEqual([]);
    expect(cardProblems(card([{ type: 'Carousel', pages: [] }])).join('\n')).toMatch(/parse|validate/);
    expect(cardProblems(card([{ type: 'TextBlock', text: 'x', size: 'Enormous' }])).join('\n')).toMatch(/parse|validate/);
  });

  it('refuse a card of another version than 1.5', () => {
    expect(cardProblems(card([{ type: 'TextBlock', text: 'x' }], { version: '1.2' }))).toContain('version 1.2');
  });

  it('refuse more than six actions in a row', () => {
    const row = (n: number) => card([{ type: 'ActionSet', actions: Array.from({ length: n }, (_, i) => execute(`b${i}`)) }]);
    expect(cardProblems(row(6)).filter((p) => p.includes('actions in a row'))).toEqual([]);
    expect(cardProblems(row(7))).toContain('7 actions in a row');
  });

  it('refuse a required input without an errorMessage', () => {
    const input = { type: 'Input.Text', id: 'field.text', label: 'Item', isRequired: true };
    expect(cardProblems(card([input]))).toContain('required input field.text without errorMessage');
    expect(cardProblems(card([{ ...input, errorMessage: 'Item is required.' }]))).toEqual([]);
  });

  it('pass the chart the renderer makes, and refuse an image without alt text', () => {
    const chart = view('en', [{ type: 'image', image: { url: 'https://plc.example.org/charts/t.png', alt: 'Line chart of attendance' } }]);
    const rendered = renderCard(chart);
    expect(rendered.body.some((el: Json) => el.type === 'Image' && el.altText === 'Line chart of attendance')).toBe(true);
    expect(cardProblems(rendered)).toEqual([]);
    const image = { type: 'Image', url: 'https://plc.example.org/charts/t.png' };
    expect(cardProblems(card([image]))).toContain('image https://plc.example.org/charts/t.png without altText');
    expect(cardProblems(card([{ ...image, altText: ' ' }]))).toContain('image https://plc.example.org/charts/t.png without altText');
    expect(cardProblems(card([{ ...image, altText: 'Attendance' }]))).toEqual([]);
  });

  it('refuse an activity past the Teams size limit', () => {
    const big = {
      type: 'message',
      attachments: [
        {
          contentType: 'application/vnd.microsoft.card.adaptive',
          content: card([{ type: 'TextBlock', text: 'x'.repeat(TEAMS_MESSAGE_LIMIT) }]),
        },
      ],
    };
    expect(activityProblems(big).join('\n')).toMatch(/past the \d+-byte Teams limit/);
  });
});
