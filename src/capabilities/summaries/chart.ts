import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { Translator } from '../../i18n/translate.js';

/** Debian's `fonts-noto-core` (the README asks servers for it): Latin and Arabic labels, regular and bold. */
const NOTO = '/usr/share/fonts/truetype/noto';
const FONT_FILES = ['NotoSans-Regular.ttf', 'NotoSans-Bold.ttf', 'NotoSansArabic-Regular.ttf', 'NotoSansArabic-Bold.ttf'].map((f) =>
  join(NOTO, f),
);
const FONT_FAMILY = 'Noto Sans, Noto Sans Arabic, sans-serif';
/** The picture's width in pixels: sharp in Slack and Teams, small enough to load quickly. */
const WIDTH_PX = 900;

/** One community's weekly shares, oldest week first; null where a week has no figure (no meeting that week). */
export interface ChartSeries {
  community: string;
  attendance: (number | null)[];
  reflected: (number | null)[];
}

export interface ChartInput {
  /** Each week's label, oldest first (the date its week starts on, as the reader writes it). */
  weeks: string[];
  series: ChartSeries[];
}

/** One point of the chart: a community's share in one week, for one of the two panels. */
interface Point {
  week: string;
  order: number;
  community: string;
  measure: string;
  value: number;
}

/** The chart's points: each community's two shares, week by week, leaving out weeks with no figure. */
function pointsOf(input: ChartInput, i18n: Translator): Point[] {
  const attendance = i18n.t('chart.attendance');
  const reflected = i18n.t('chart.reflected');
  return input.series.flatMap((s) =>
    input.weeks.flatMap((week, order) => {
      const points: Point[] = [];
      const a = s.attendance[order];
      const r = s.reflected[order];
      if (a !== null && a !== undefined) points.push({ week, order, community: s.community, measure: attendance, value: a });
      if (r !== null && r !== undefined) points.push({ week, order, community: s.community, measure: reflected, value: r });
      return points;
    }),
  );
}

/**
 * The Vega-Lite description of the chart in the reader's language, its points left to the named data set `points`:
 * two panels (attendance, reflection), one line per community, weeks in order, mirrored for Arabic.
 */
export function chartSpec(i18n: Translator): TopLevelSpec {
  const rtl = i18n.locale === 'ar';
  const attendance = i18n.t('chart.attendance');
  const reflected = i18n.t('chart.reflected');
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: i18n.t('chart.title'), anchor: rtl ? 'end' : 'start', font: FONT_FAMILY },
    data: { name: 'points' },
    facet: {
      row: {
        field: 'measure',
        type: 'nominal',
        title: null,
        sort: [attendance, reflected],
        header: { labelAngle: 0, labelAlign: rtl ? 'right' : 'left', labelOrient: 'top', labelFont: FONT_FAMILY, labelFontSize: 13 },
      },
    },
    spec: {
      width: 640,
      height: 150,
      mark: { type: 'line', point: true, strokeWidth: 2 },
      encoding: {
        x: {
          field: 'week',
          type: 'ordinal',
          sort: { field: 'order', op: 'min' },
          title: i18n.t('chart.week'),
          scale: { reverse: rtl },
          axis: { labelAngle: 0, labelFont: FONT_FAMILY, titleFont: FONT_FAMILY },
        },
        y: {
          field: 'value',
          type: 'quantitative',
          title: i18n.t('chart.share'),
          scale: { domain: [0, 1] },
          axis: { format: '.0%', orient: rtl ? 'right' : 'left', labelFont: FONT_FAMILY, titleFont: FONT_FAMILY, tickCount: 5 },
        },
        color: {
          field: 'community',
          type: 'nominal',
          title: i18n.t('chart.community'),
          legend: { orient: rtl ? 'left' : 'right', labelFont: FONT_FAMILY, titleFont: FONT_FAMILY, labelLimit: 180 },
        },
      },
    },
    config: { font: FONT_FAMILY, background: 'white' },
  } as TopLevelSpec;
}

/** Compiling and parsing the description is most of a chart's cost, and it depends only on the language: kept. */
const runtimes = new Map<string, ReturnType<typeof vega.parse>>();
function runtimeFor(i18n: Translator): ReturnType<typeof vega.parse> {
  let runtime = runtimes.get(i18n.locale);
  if (!runtime) {
    runtime = vega.parse(compile(chartSpec(i18n)).spec);
    runtimes.set(i18n.locale, runtime);
  }
  return runtime;
}

/** The fields of a vega View the headless renderer reads (vega's own `toSVG` reads the same, asynchronously). */
interface ViewGeometry {
  _viewWidth: number;
  _viewHeight: number;
  _origin: [number, number];
}

/** What vega's headless SVG string renderer offers (its types do not export it). */
interface HeadlessRenderer {
  initialize(el: null, width: number, height: number, origin: [number, number]): HeadlessRenderer;
  background(color: unknown): HeadlessRenderer;
  render(scene: unknown): void;
  svg(): string;
}

/**
 * The chart as SVG, rendered synchronously by vega's headless SVG renderer (data is inline, so nothing loads):
 * a command handler runs inside its transaction and may not wait. This is what `view.toSVG()` does, minus the await.
 */
export function chartSvg(input: ChartInput, i18n: Translator): string {
  const view = new vega.View(runtimeFor(i18n), { renderer: 'none' });
  view.data('points', pointsOf(input, i18n));
  view.run();
  const g = view as unknown as ViewGeometry;
  const padding = view.padding() as { left: number; right: number; top: number; bottom: number };
  const renderer = new (vega as unknown as { SVGStringRenderer: new (loader: unknown) => HeadlessRenderer }).SVGStringRenderer(
    view.loader(),
  );
  renderer
    .initialize(null, g._viewWidth + padding.left + padding.right, g._viewHeight + padding.top + padding.bottom, [
      padding.left + g._origin[0],
      padding.top + g._origin[1],
    ])
    .background(view.background());
  renderer.render((view.scenegraph() as unknown as { root: unknown }).root);
  const svg = renderer.svg();
  view.finalize();
  return svg;
}

const available = FONT_FILES.filter((f) => existsSync(f));
const latin = available.filter((f) => !f.includes('Arabic'));

/**
 * The SVG as a PNG, with the Noto fonts loaded explicitly (resvg sees no system fonts unless told); the Arabic
 * ones only when there is Arabic to draw, since every font is read and parsed for each picture.
 */
export function svgToPng(svg: string): Buffer {
  const fontFiles = /[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]/.test(svg) ? available : latin;
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: WIDTH_PX },
    background: 'white',
    font: { fontFiles, loadSystemFonts: fontFiles.length === 0, defaultFontFamily: 'Noto Sans' },
  });
  return resvg.render().asPng();
}

/** The chart as a PNG, with its SVG (tests search it for private words). */
export function renderChart(input: ChartInput, i18n: Translator): { svg: string; png: Buffer } {
  const svg = chartSvg(input, i18n);
  return { svg, png: svgToPng(svg) };
}
