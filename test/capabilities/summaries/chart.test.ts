import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { registerSummaryCharts } from '../../../adapters/http/charts.js';
import { HttpServer } from '../../../adapters/http/server.js';
import { renderMessage } from '../../../adapters/slack/render.js';
import { renderCard } from '../../../adapters/teams/render.js';
import { type ChartInput, chartSpec, chartSvg, svgToPng } from '../../../src/capabilities/summaries/chart.js';
import { summaryRepo } from '../../../src/capabilities/summaries/index.js';
import { translator } from '../../../src/i18n/translate.js';
import { view } from '../../../src/views/build.js';
import { renderPlain } from '../../../src/views/plain.js';
import type { Image } from '../../../src/views/view.js';
import { run } from '../../support/bot.js';
import { summaryApp } from './fakes.js';
import { type SummaryApp, seedSchool } from './school.js';

/** Reads a PNG's signature and IHDR chunk: its width and height. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

const input: ChartInput = {
  weeks: ['1 Sep', '8 Sep', '15 Sep'],
  communities: 6,
  attendance: [
    { value: 0.5, band: [0.4, 0.7] },
    { value: null, band: null },
    { value: 0.75, band: [0.6, 0.9] },
  ],
  reflected: [
    { value: 0.2, band: null },
    { value: 0.4, band: [0.3, 0.5] },
    { value: 0.6, band: [0.5, 0.8] },
  ],
};

let app: SummaryApp | null = null;
const servers: HttpServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  await app?.dispose();
  app = null;
});

describe('the chart', () => {
  it('is a PNG of a sensible size, drawn by vega-lite, vega and resvg', () => {
    const svg = chartSvg(input, translator('en'));
    expect(svg).toMatch(/^<svg[^>]+width="\d+"/);
    expect(svg).toContain('Attendance and reflection, week by week');
    const png = svgToPng(svg);
    const { width, height } = pngSize(png);
    expect(width).toBe(900);
    expect(height).toBeGreaterThan(250);
    expect(height).toBeLessThan(1200);
    expect(png.length).toBeGreaterThan(5_000);
    expect(png.length).toBeLessThan(1_000_000);
  });

  it('is mirrored for Arabic: weeks right to left, the axis on the right, labels in Arabic', () => {
    const spec = chartSpec(translator('ar')) as unknown as {
      spec: { encoding: { x: { scale: { reverse: boolean } } }; layer: { encoding: { y: { axis: { orient: string } } } }[] };
    };
    expect(spec.spec.encoding.x.scale.reverse).toBe(true);
    expect(spec.spec.layer.map((l) => l.encoding.y.axis.orient)).toEqual(['right', 'right']);
    const svg = chartSvg(input, translator('ar'));
    expect(svg).toContain('الحضور');
    expect(svg).toContain('النصف الأوسط');
    expect(pngSize(svgToPng(svg)).width).toBe(900);
  });

  it('draws the same picture from the same figures, whatever charts its language drew before', () => {
    // Dutch is drawn nowhere else in this file: its first chart is drawn on a new view.
    const nl = translator('nl');
    const first = chartSvg(input, nl);
    const other: ChartInput = {
      weeks: Array.from({ length: 12 }, (_, i) => `w${i + 1}`),
      communities: 40,
      attendance: Array.from({ length: 12 }, (_, i) => ({ value: i / 12, band: [i / 24, i / 12] as [number, number] })),
      reflected: Array.from({ length: 12 }, () => ({ value: null, band: null })),
    };
    const between = chartSvg(other, nl);
    expect(between).not.toEqual(first);
    expect(between).toContain('w12');
    expect(between).not.toContain('15 Sep');
    expect(chartSvg(input, nl)).toEqual(first);
  });

  it('with a PUBLIC_URL, status all links it; the link serves the PNG and stops working after 7 days', async () => {
    app = summaryApp({ env: { PUBLIC_URL: 'https://plc.example.org/' } });
    await seedSchool(app);
    const handled = run(app, 'Carla', 'status all', { channel: null });
    const image = handled.deliveries[0]?.view.blocks.find((b) => b.type === 'image') as { image: Image } | undefined;
    expect(image?.image.alt).toContain('week by week over 12 weeks from Jul 13 to Sep 28, for the one community with at least 3 members');
    const url = image?.image.url ?? '';
    expect(url).toMatch(/^https:\/\/plc\.example\.org\/charts\/[A-Za-z0-9_-]{32}\.png$/);
    const http = new HttpServer({ log: pino({ level: 'silent' }), healthy: () => true });
    registerSummaryCharts(http, app);
    servers.push(http);
    const port = await http.listen(0, '127.0.0.1');
    const local = url.replace('https://plc.example.org', `http://127.0.0.1:${port}`);
    const ok = await fetch(local);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('image/png');
    expect(pngSize(Buffer.from(await ok.arrayBuffer())).width).toBe(900);
    expect((await fetch(`http://127.0.0.1:${port}/charts/${'x'.repeat(32)}.png`)).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${port}/charts/../plc.sqlite`)).status).toBe(404);
    app.clock.set(app.clock.now().getTime() + 7 * 86_400_000 - 1);
    expect((await fetch(local)).status).toBe(200);
    app.clock.set(app.clock.now().getTime() + 1);
    expect((await fetch(local)).status).toBe(410);
    // The next chart stored prunes it; then the link is unknown.
    expect(summaryRepo(app.store).pruneCharts(app.clock.now().getTime())).toBe(1);
    expect((await fetch(local)).status).toBe(404);
  });

  it('without a PUBLIC_URL, the chart goes as a PNG file with the alt text beside it', async () => {
    app = summaryApp();
    await seedSchool(app);
    const blocks = run(app, 'Carla', 'status all', { channel: null }).deliveries[0]?.view.blocks ?? [];
    const image = blocks.find((b) => b.type === 'image');
    const file = blocks.find((b) => b.type === 'file');
    expect(image).toMatchObject({ image: { url: null } });
    expect(file).toMatchObject({ file: { name: 'summary-chart.png', mime: 'image/png', encoding: 'base64' } });
    const png = Buffer.from((file as { file: { content: string } }).file.content, 'base64');
    expect(pngSize(png).width).toBe(900);
    // The same numbers as the picture, in words, worked out by hand over the reader's weeks (UTC, from Monday
    // July 13): September 2 had 3 of 5 members, the 9th 2, the 16th was cancelled, the 23rd a holiday, the 30th
    // nobody; Math reflected on the 10th, the 20th (a Sunday) and the 25th. Art and Science, under three members,
    // are left out, and Math had no members before September 1.
    const text = renderPlain(view('en', blocks));
    const none = Array(7).fill('none').join(', ');
    expect(text).toContain('12 weeks from Jul 13 to Sep 28, 1 community with at least 3 members taken together');
    expect(text).toContain(`Attendance, all together: ${none}, 60%, 40%, none, none, 0%`);
    expect(text).toContain(`Members who reflected, all together: ${none}, 0%, 20%, 20%, 20%, 0%`);
    // One community is too few for a band of the middle half: it would be that community's own figures.
    expect(text).not.toContain('middle half of the communities:');
  });
});

describe('status all of a district', () => {
  it('shows ten communities a page, with a More button, the chart and the numbers within Slack’s fifty blocks', async () => {
    app = summaryApp({ env: { PUBLIC_URL: 'https://plc.example.org' } });
    await seedSchool(app);
    for (let i = 1; i <= 12; i++) run(app, 'Carla', `create Zone ${String(i).padStart(2, '0')}`, { channel: null });
    const v = run(app, 'Carla', 'status all', { channel: null }).deliveries[0]?.view;
    if (!v) throw new Error('no answer');
    const text = renderPlain(v);
    expect(text).toContain('All 15 communities');
    expect(text).toContain('1–10 of 15');
    expect(text).toContain('[More] /plc status all page 2');
    const slack = renderMessage(v);
    expect(slack.blocks.length).toBeLessThanOrEqual(50);
    expect(slack.blocks.some((b) => b.type === 'image')).toBe(true);
    expect(JSON.stringify(slack.blocks)).toContain('status all page 2');
    const card = renderCard(v);
    expect(JSON.stringify(card)).toContain('"type":"Image"');
    const page2 = renderPlain(run(app, 'Carla', 'status all page 2', { channel: null }).deliveries[0]?.view ?? v);
    expect(page2).toContain('11–15 of 15');
    expect(page2).toContain('== Zone 12');
  });
});
