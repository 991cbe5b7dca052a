import { DateTime } from 'luxon';
import { renderPlain } from '../../src/views/plain.js';
import type { View } from '../../src/views/view.js';

/** One transcript block: `[time] recipient:`, the view indented two spaces, and a blank line. */
export function transcriptBlock(at: number, zone: string, recipient: string, v: View): string {
  const time = DateTime.fromMillis(at, { zone }).toFormat("yyyy-MM-dd'T'HH:mm:ssZZ");
  const body = renderPlain(v, '/plc')
    .split('\n')
    .map((line) => (line ? `  ${line}` : ''))
    .join('\n');
  return `[${time}] ${recipient}:\n${body}\n\n`;
}
