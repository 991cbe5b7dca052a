import { z } from 'zod/v4';
import type { Refusal } from '../../src/bot.js';
import { fieldFor } from '../../src/views/forms.js';
import type { Form, FormField, View } from '../../src/views/view.js';

/** The key of a form's own definition in its submit action's data, beside `form` and `command`. */
export const FORM_DEF_KEY = 'def';
/** Form inputs are named with this prefix, so they never collide with the action's own data keys. */
export const FIELD_PREFIX = 'field.';

/**
 * What a submitted card needs to show its form again: Teams sends the action's data back with the inputs,
 * and the adapter keeps no state per card. Initial values and errors are left out: they belong to one showing.
 */
export interface FormDef {
  title: string;
  submit: string;
  fields: Omit<FormField, 'initial' | 'error'>[];
}

/** The compact definition carried in the submit action's data. */
export function formDef(form: Form): FormDef {
  return {
    title: form.title,
    submit: form.submitLabel,
    fields: form.fields.map(({ initial: _initial, error: _error, ...field }) => field),
  };
}

// The data comes back from the client, so anyone can send anything: every size is capped, and a definition
// that does not fit is ignored (the submit then behaves as it did before forms could be shown again).
const label = z.string().max(300);
const submittedForm = z.object({
  form: z.string().min(1).max(100),
  command: z.string().min(1).max(2000),
  [FORM_DEF_KEY]: z.object({
    title: label,
    submit: z.string().max(100),
    fields: z
      .array(
        z.object({
          name: z.string().regex(/^\w{1,40}$/),
          label,
          kind: z.enum(['text', 'multiline', 'select']),
          options: z
            .array(z.object({ value: z.string().max(300), label }))
            .max(100)
            .optional(),
          required: z.boolean().optional(),
          maxLength: z.number().int().min(1).max(100_000).optional(),
        }),
      )
      .min(1)
      .max(20),
  }),
});

/** Longest typed value shown again: past the core's 4,000-character limit, but bounded whatever is sent. */
const MAX_SHOWN_VALUE = 10_000;
/** Longest refusal shown on the card, as on Slack. */
const MAX_ERROR = 2000;

/**
 * The submitted form again, as a view for the card: the typed values kept and the refusal on the field it is
 * about (else the last field, the one with the free text). Null when the action's data carries no valid
 * definition; its only use is this re-showing, never to run anything.
 */
export function formAgain(data: Record<string, unknown>, refusal: Refusal, around: Pick<View, 'locale' | 'dir'>): View | null {
  const parsed = submittedForm.safeParse(data);
  if (!parsed.success) return null;
  const { form: id, command, [FORM_DEF_KEY]: def } = parsed.data;
  const named = fieldFor(command, refusal.field);
  const at = named ?? def.fields[def.fields.length - 1]?.name;
  const fields: FormField[] = def.fields.map((f) => {
    const typed = data[`${FIELD_PREFIX}${f.name}`];
    const field: FormField = { ...f };
    if (typeof typed === 'string' && typed !== '') field.initial = typed.slice(0, MAX_SHOWN_VALUE);
    if (f.name === at) field.error = refusal.message.slice(0, MAX_ERROR);
    return field;
  });
  const form: Form = { id, title: def.title, fields, submitLabel: def.submit, command };
  return { locale: around.locale, dir: around.dir, summary: def.title, blocks: [{ type: 'form', form }] };
}
