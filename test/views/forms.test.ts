import { describe, expect, it } from 'vitest';
import { formAgain, formDef } from '../../adapters/teams/forms.js';
import { fieldFor, templateFields } from '../../src/views/forms.js';
import type { Form } from '../../src/views/view.js';

const goal: Form = {
  id: 'goal-add',
  title: 'New goal',
  fields: [
    { name: 'due', label: 'Due', kind: 'text' },
    { name: 'text', label: 'Goal', kind: 'multiline', required: true },
  ],
  submitLabel: 'Add',
  command: 'goal add due {due} -- {text}',
};

describe('a refused form names its field', () => {
  it('reads the fields from the command template', () => {
    expect(templateFields(goal.command)).toEqual(['due', 'text']);
    expect(fieldFor(goal.command, 'due')).toBe('due');
    expect(fieldFor(goal.command, 'page')).toBeNull();
    expect(fieldFor(goal.command, null)).toBeNull();
  });

  it('shows the reason on the field the core named, else on the last, and keeps what was typed', () => {
    const data = { form: goal.id, command: goal.command, def: formDef(goal), 'field.due': 'tomorrow', 'field.text': 'Exit tickets' };
    const fieldsOf = (v: ReturnType<typeof formAgain>) => (v?.blocks[0]?.type === 'form' ? v.blocks[0].form.fields : []);
    const onDue = fieldsOf(formAgain(data, { message: 'Write the date as 2026-09-30.', field: 'due' }, { locale: 'en', dir: 'ltr' }));
    expect(onDue.map((f) => [f.name, f.initial, f.error])).toEqual([
      ['due', 'tomorrow', 'Write the date as 2026-09-30.'],
      ['text', 'Exit tickets', undefined],
    ]);
    const unnamed = fieldsOf(formAgain(data, { message: 'No.', field: null }, { locale: 'en', dir: 'ltr' }));
    expect(unnamed.map((f) => f.error)).toEqual([undefined, 'No.']);
  });
});
