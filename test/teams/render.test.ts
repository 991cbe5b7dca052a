import { describe, expect, it } from 'vitest';
import { teamsT } from '../../adapters/teams/messages.js';
import { MAX_ROW_ACTIONS, PICKER_INPUT, renderActivity, renderCard } from '../../adapters/teams/render.js';
import { TEAMS_MESSAGE_LIMIT } from '../../adapters/teams/size.js';
import { heading, list, text, view } from '../../src/views/build.js';
import type { Block, Form } from '../../src/views/view.js';

// biome-ignore lint/suspicious/noExplicitAny: cards are read as the plain JSON Teams receives.
type Json = any;

const card = (...blocks: Block[]): Json => renderCard(view('en', blocks));
const texts = (c: Json): string[] => c.body.filter((e: Json) => e.type === 'TextBlock').map((e: Json) => e.text as string);
/** What a reader sees: the zero-width characters the renderer adds are invisible. */
const visible = (s: string) => s.replaceAll('\u200b', '');

const agendaForm: Form = {
  id: 'agenda-add',
  title: 'Add to the agenda',
  fields: [{ name: 'text', label: 'Item', kind: 'multiline', required: true }],
  submitLabel: 'Add',
  command: 'agenda add -- {text}',
};

describe('the Teams card renderer', () => {
  it('renders a view once: the same view again gives the same card, and an equal view a card equal to it', () => {
    const blocks = [heading('What I can do'), list(['plc create <name> — Start a community', 'plc join — Join this channel’s community'])];
    const v = view('en', blocks);
    const first = renderActivity(v);
    const again = renderActivity(v);
    expect(again.attachments[0]?.content).toBe(first.attachments[0]?.content);
    expect(renderCard(v)).toBe(first.attachments[0]?.content);
    // Each send gets its own activity around the card, which botbuilder then copies.
    expect(again).not.toBe(first);
    const equal = renderActivity(view('en', blocks));
    expect(equal.attachments[0]?.content).not.toBe(first.attachments[0]?.content);
    expect(equal).toEqual(first);
    // Kept cards are not to be written to.
    expect(Object.isFrozen(first.attachments[0]?.content)).toBe(true);
  });

  it('keeps every placeholder visible: no `<word` reaches Teams, which would read it as an HTML tag', () => {
    const lines = texts(card(list(['plc create <name> — Start a community', 'plc schedule <cadence> [duration <minutes>]'])));
    // An HTML tokenizer opens a tag only at `<` followed by a letter, `/`, `!` or `?`.
    for (const line of lines) expect(line).not.toMatch(/<[A-Za-z/!?]/);
    expect(lines.map(visible)).toEqual(['• plc create <name> — Start a community', '• plc schedule <cadence> \\[duration <minutes>\\]']);
  });

  it('keeps real mentions as <at> tags while a typed <at> stays text', () => {
    const c = card(text([{ mention: { user: 'u1', name: 'Ana' } }, ' wrote <at>Ben</at>']));
    expect(texts(c)[0]).toMatch(/^<at>Ana<\/at> wrote <\u200bat>Ben<\u200b\/at>$/);
  });

  it('puts no backslash before the text of a line: agenda numbers and list-like lines stay clean', () => {
    const lines = texts(card(list([['#4 ', 'Exit tickets'], '#5 Norms']), text('- not a list\n1. not numbered\n# not a heading')));
    for (const line of lines) expect(line).not.toMatch(/(^|\n)(• )?[ \t]*\\/);
    expect(lines[0]).toBe('• #4 Exit tickets');
    expect(lines[1]).toBe('• #5 Norms');
    // Each line start is guarded with an invisible character instead, so Teams shows it as typed.
    expect(lines[2]).toBe('\u200b- not a list\n\u200b1. not numbered\n\u200b# not a heading');
  });

  it('shows text a user typed literally: markdown characters are escaped', () => {
    expect(texts(card(text('*bold* _it_ [link](x)')))[0]).toBe('\\*bold\\* \\_it\\_ \\[link\\](x)');
    const typed = ['~gone~', '`code`', '<!here>', '@channel', '<@U1>', '<b>html</b>', '**strong**'];
    for (const s of typed) {
      const out = texts(card(list([['#4 ', s]])))[0] as string;
      // Every emphasis, code or link mark is escaped, and no `<` opens a tag.
      expect(out, s).not.toMatch(/(^|[^\\])[*_~`[]/);
      expect(out, s).not.toMatch(/<[A-Za-z/!?]/);
      expect(visible(out).replace(/\\(.)/g, '$1'), s).toBe(`• #4 ${s}`);
    }
  });

  it('makes headings and form titles larger than body text', () => {
    const c = card(heading('Agenda'), { type: 'form', form: agendaForm });
    const [head, formTitle] = c.body.filter((e: Json) => e.type === 'TextBlock');
    // Body text has no size (Default); a heading is two steps above it, a form's title one.
    expect(head).toMatchObject({ size: 'Large', weight: 'Bolder', style: 'heading' });
    expect(formTitle).toMatchObject({ size: 'Medium', weight: 'Bolder' });
    expect(card(text('body')).body[0].size).toBeUndefined();
  });

  it('gives a form’s submit button its label as tooltip, not the command template', () => {
    const c = card({ type: 'form', form: agendaForm });
    const submit = c.body.find((e: Json) => e.type === 'ActionSet').actions[0];
    expect(submit.tooltip).toBe('Add');
  });

  it('gives every required input a localized errorMessage, so an empty submit says what is missing', () => {
    for (const locale of ['en', 'de'] as const) {
      const c = renderCard(view(locale, [{ type: 'form', form: agendaForm }])) as Json;
      const input = c.body.find((e: Json) => e.type === 'Input.Text');
      expect(input).toMatchObject({ isRequired: true, errorMessage: teamsT(locale, 'teams.required', { field: 'Item' }) });
    }
  });

  it('offers more choices than fit in a Teams row as a picker whose submit runs the chosen command', () => {
    const buttons = Array.from({ length: 9 }, (_, i) => ({ label: `Community ${i + 1}`, command: `in "Community ${i + 1}" members` }));
    const c = card({ type: 'actions', buttons });
    for (const set of c.body.filter((e: Json) => e.type === 'ActionSet')) expect(set.actions.length).toBeLessThanOrEqual(MAX_ROW_ACTIONS);
    const choices = c.body.find((e: Json) => e.type === 'Input.ChoiceSet');
    expect(choices).toMatchObject({ id: PICKER_INPUT, isRequired: true, errorMessage: teamsT('en', 'teams.chooseMissing') });
    expect(choices.choices).toEqual(buttons.map((b) => ({ title: b.label, value: b.command })));
    // Six or fewer stay buttons, every one of them, in rows.
    const six = card({ type: 'actions', buttons: buttons.slice(0, 6) }).body;
    expect(six.every((e: Json) => e.type === 'ActionSet')).toBe(true);
    expect(six.flatMap((e: Json) => e.actions.map((a: Json) => a.title))).toEqual(buttons.slice(0, 6).map((b) => b.label));
  });

  it('puts buttons in rows that fit a phone, in their order, short ones side by side', () => {
    const labels = ['Questioning', 'Feedback', 'Differentiation', 'Our team goal', 'Something else…'];
    const c = card({ type: 'actions', buttons: labels.map((label) => ({ label, command: 'help' })) });
    const rows = c.body.map((e: Json) => e.actions.map((a: Json) => a.title));
    expect(rows.flat()).toEqual(labels);
    expect(rows.length).toBeGreaterThan(1);
    expect(
      card({
        type: 'actions',
        buttons: [
          { label: 'Yes', command: 'help' },
          { label: 'No', command: 'help' },
        ],
      }).body,
    ).toHaveLength(1);
  });

  it('keeps a long agenda inside the Teams message size limit, every item still listed', () => {
    const items = Array.from({ length: 10 }, (_, i) => `#${i + 1} ${'a long agenda item '.repeat(210)}`);
    const v = view('en', [heading('Next meeting'), list(items)]);
    const activity = renderActivity(v);
    expect(Buffer.byteLength(JSON.stringify(activity))).toBeLessThan(TEAMS_MESSAGE_LIMIT);
    const shown = texts(activity.attachments[0]?.content);
    for (let i = 1; i <= 10; i++) expect(shown.some((s) => s.startsWith(`• #${i} a long agenda item`))).toBe(true);
  });

  it('drops the last items of a list too long to fit and says how many', () => {
    const items = Array.from({ length: 400 }, (_, i) => `#${i + 1} ${'item '.repeat(20)}`);
    const activity = renderActivity(view('en', [list(items)]));
    expect(Buffer.byteLength(JSON.stringify(activity))).toBeLessThan(TEAMS_MESSAGE_LIMIT);
    const shown = texts(activity.attachments[0]?.content);
    const kept = shown.filter((s) => s.startsWith('• ')).length;
    expect(kept).toBeGreaterThan(10);
    expect(shown.at(-1)).toBe(teamsT('en', 'teams.more', { count: 400 - kept }));
    expect(activity.attachments[0]?.content.body.some((e: Json) => e.type === 'ActionSet')).toBe(false);
  });

  it('gives a list it has to shorten a More button that runs the list’s command from the page it was cut on', () => {
    const items = Array.from({ length: 400 }, (_, i) => `#${i + 1} ${'item '.repeat(20)}`);
    const activity = renderActivity(view('en', [{ type: 'list', items, more: 'in Math agenda' }]));
    expect(Buffer.byteLength(JSON.stringify(activity))).toBeLessThan(TEAMS_MESSAGE_LIMIT);
    const body = activity.attachments[0]?.content.body as Json[];
    const kept = body.filter((e) => e.type === 'TextBlock' && e.text.startsWith('• ')).length;
    const more = body.at(-1);
    expect(more.type).toBe('ActionSet');
    expect(more.actions).toEqual([
      expect.objectContaining({ title: 'More', data: { command: `in Math agenda page ${Math.floor(kept / 10) + 1}` } }),
    ]);
  });
});
