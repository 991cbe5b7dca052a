import type { Locale } from '../i18n/locales.js';

/** A piece of inline text: plain text (always escaped by renderers), a user mention, or a command. */
export type Span = string | { mention: { user: string; name: string } } | { command: string };

/** Inline text: one string or a run of spans. */
export type Text = string | readonly Span[];

/** A button; pressing it runs `command` as the presser, exactly as if they had typed it. */
export interface Button {
  label: string;
  /** The equivalent command without the `/plc` prefix, e.g. `rsvp yes #12`. */
  command: string;
  style?: 'primary' | 'danger';
}

/** One input of a form. */
export interface FormField {
  name: string;
  label: string;
  kind: 'text' | 'multiline' | 'select';
  options?: { value: string; label: string }[];
  initial?: string;
  required?: boolean;
  maxLength?: number;
  /** A validation error to show on this field when the form is shown again. */
  error?: string;
}

/**
 * A form; submitting it runs `command` with each `{name}` replaced by that field's value.
 * Only the last placeholder may hold free text, so the command needs no quoting.
 */
export interface Form {
  id: string;
  title: string;
  fields: FormField[];
  submitLabel: string;
  command: string;
}

/**
 * A file for the person the view goes to (an export): Slack uploads it into the conversation, Teams offers it
 * with a file consent card in the personal chat, the console writes it to disk and prints the path. Views are
 * stored in scheduled jobs as JSON, so the content is text: UTF-8 as it is, or base64 for bytes.
 */
export interface FileAttachment {
  name: string;
  mime: string;
  content: string;
  encoding?: 'utf8' | 'base64';
}

/**
 * A picture (a chart) with the alt text that says what it shows; the same numbers are always in the view's text.
 * `url` is where the platform fetches it (an unguessable link that expires); without one the picture travels as
 * `file`, which the console writes to disk and chat adapters send as a file.
 */
export interface Image {
  alt: string;
  url: string | null;
  file?: FileAttachment;
}

/** The blocks a view is made of. */
export type Block =
  | { type: 'heading'; text: Text }
  | { type: 'text'; text: Text }
  | { type: 'context'; text: Text }
  | { type: 'fields'; fields: { label: string; value: Text }[] }
  | {
      type: 'list';
      items: Text[];
      /**
       * The listing command that shows this list page by page (`in Math agenda`): where a platform must shorten the
       * list to fit a message, a "More" button runs its `page 2`, else a line only says how many were left out.
       */
      more?: string;
    }
  | { type: 'actions'; buttons: Button[] }
  | { type: 'form'; form: Form }
  | { type: 'file'; file: FileAttachment }
  | { type: 'image'; image: Image }
  | { type: 'divider' };

/** A platform-neutral message: what the core says, for an adapter to render. */
export interface View {
  locale: Locale;
  dir: 'ltr' | 'rtl';
  /** A one-line plain summary for notifications and screen readers. */
  summary: string;
  blocks: Block[];
}

/** Flattens inline text into plain text, mentions as `@name` and commands as typed. */
export function plainText(text: Text, prefix = '/plc'): string {
  if (typeof text === 'string') return text;
  return text
    .map((span) => {
      if (typeof span === 'string') return span;
      if ('mention' in span) return `@${span.mention.name}`;
      return `${prefix} ${span.command}`;
    })
    .join('');
}
