import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../adapters/slack/render.js';
import { renderCard } from '../../adapters/teams/render.js';
import { withoutDisplayMarks } from '../../src/grammar/text.js';
import { isolateCode, isolateRuns, LRI, PDI } from '../../src/views/bidi.js';
import { view } from '../../src/views/build.js';
import { renderPlain } from '../../src/views/plain.js';

const iso = (s: string) => `${LRI}${s}${PDI}`;

describe('directional isolates in right-to-left views', () => {
  it('wrap each left-to-right run, leaving the spaces and punctuation around it to the Arabic', () => {
    expect(isolateRuns('اكتب plc help <command> للمزيد.')).toBe(`اكتب ${iso('plc help <command>')} للمزيد.`);
    expect(isolateRuns('أُضيف #12 إلى جدول الأعمال: Exit tickets')).toBe(`أُضيف ${iso('#12')} إلى جدول الأعمال: ${iso('Exit tickets')}`);
    expect(isolateRuns('من 2026-09-14 إلى 2026-09-18، https://x.org/a?b=1')).toBe(
      `من ${iso('2026-09-14')} إلى ${iso('2026-09-18')}، ${iso('https://x.org/a?b=1')}`,
    );
    // Already isolated text is left as it is.
    expect(isolateRuns(iso('plc help'))).toBe(iso('plc help'));
  });

  it('wrap a command span whole, an Arabic placeholder inside it included, on the console, Slack and Teams', () => {
    const v = view('ar', [{ type: 'context', text: ['الاستخدام: ', { command: 'agenda add <النص> | agenda remove #n' }] }]);
    expect(renderPlain(v)).toBe(`  الاستخدام: ${iso('/plc agenda add <النص> | agenda remove #n')}`);
    const slack = JSON.stringify(renderMessage(v).blocks);
    expect(slack).toContain(`\`${LRI}/plc agenda add &lt;النص&gt; | agenda remove #n${PDI}\``);
    const teams = JSON.stringify(renderCard(v).body);
    expect(teams).toContain(LRI);
    expect(teams).toContain(PDI);
  });

  it('leave left-to-right views as they are', () => {
    const v = view('en', [{ type: 'text', text: ['Type ', { command: 'help <command>' }, ' or #12'] }]);
    expect(isolateCode(v)).toBe(v);
    expect(renderPlain(v)).toBe('Type /plc help <command> or #12');
  });

  it('come off again on input, so what was copied parses as shown', () => {
    const v = view('ar', [{ type: 'text', text: ['اكتب ', { command: 'lang en' }] }]);
    const copied = renderPlain(v).slice('اكتب '.length);
    expect(copied).toBe(iso('/plc lang en'));
    expect(withoutDisplayMarks(copied)).toBe('/plc lang en');
  });
});
