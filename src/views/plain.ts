import { isolateCode } from './bidi.js';
import type { Block, Button, Form, Text, View } from './view.js';
import { plainText } from './view.js';

/** Renders a view as plain text lines: the console's renderer and every adapter's fallback. */
export function renderPlain(v: View, prefix = '/plc'): string {
  return isolateCode(v)
    .blocks.flatMap((b) => blockLines(b, prefix))
    .join('\n');
}

function blockLines(block: Block, prefix: string): string[] {
  const t = (x: Text) => plainText(x, prefix);
  switch (block.type) {
    case 'heading':
      return [`== ${t(block.text)} ==`];
    case 'text':
      return t(block.text).split('\n');
    case 'context':
      return t(block.text)
        .split('\n')
        .map((line) => `  ${line}`);
    case 'fields':
      return block.fields.map((f) => `${f.label}: ${t(f.value)}`);
    case 'list':
      return block.items.flatMap((item) => {
        const [first = '', ...rest] = t(item).split('\n');
        return [`• ${first}`, ...rest.map((line) => `  ${line}`)];
      });
    case 'actions':
      return block.buttons.map((b) => buttonLine(b, prefix));
    case 'form':
      return formLines(block.form, prefix);
    case 'file':
      return [`📎 ${block.file.name}`];
    case 'image':
      return [`🖼 ${block.image.alt}`, ...(block.image.url ? [`  ${block.image.url}`] : [])];
    case 'divider':
      return ['---'];
  }
}

function buttonLine(b: Button, prefix: string): string {
  return `[${b.label}] ${prefix} ${b.command}`;
}

function formLines(form: Form, prefix: string): string[] {
  const lines = [`[${form.title}]`];
  for (const f of form.fields) {
    const options = f.options ? ` (${f.options.map((o) => o.value).join(' | ')})` : '';
    lines.push(`  ${f.label}${options}${f.error ? ` ! ${f.error}` : ''}`);
  }
  lines.push(`  ${form.submitLabel}: ${prefix} ${form.command}`);
  return lines;
}
