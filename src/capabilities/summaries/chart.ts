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

/** One week of one measure: the share of all communities together, and the middle half of the communities' own. */
export interface ChartMeasure {
  /** Null where the week has no figure (no meeting expected anyone). */
  value: number | null;
  /** The first and third quartiles of the communities' shares; null with too few communities to keep it anonymous. */
  band: [number, number] | null;
}

/** What the chart draws: the district week by week. */
export interface ChartInput {
  /** Each week's label, oldest first (the local date its week starts on, as the reader writes it). */
  weeks: string[];
  /** How many communities the lines take together (those with at least three members). */
  communities: number;
  attendance: ChartMeasure[];
  reflected: ChartMeasure[];
}

/** One point of the chart: one week of one of the two panels. */
interface Point {
  week: string;
  order: number;
  measure: string;
  value: number | null;
  low: number | null;
  high: number | null;
}

/** The chart's points: both measures, week by week; the lines run across weeks without a figure (no meeting). */
function pointsOf(input: ChartInput, i18n: Translator): Point[] {
  const measures = [
    [i18n.t('chart.attendance'), input.attendance],
    [i18n.t('chart.reflected'), input.reflected],
  ] as const;
  return measures.flatMap(([measure, values]) =>
    input.weeks.map((week, order) => {
      const m = values[order];
      return { week, order, measure, value: m?.value ?? null, low: m?.band?.[0] ?? null, high: m?.band?.[1] ?? null };
    }),
  );
}

const LINE = '#1f6f8b';

/**
 * The Vega-Lite description of the chart in the reader's language, its points left to the named data set `points`:
 * two panels (attendance, reflection), each the district's line over a band for the middle half of the
 * communities, weeks in order, mirrored for Arabic.
 */
export function chartSpec(i18n: Translator): TopLevelSpec {
  const rtl = i18n.locale === 'ar';
  const attendance = i18n.t('chart.attendance');
  const reflected = i18n.t('chart.reflected');
  const y = {
    type: 'quantitative',
    title: i18n.t('chart.share'),
    scale: { domain: [0, 1] },
    axis: { format: '.0%', orient: rtl ? 'right' : 'left', labelFont: FONT_FAMILY, titleFont: FONT_FAMILY, tickCount: 5 },
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: i18n.t('chart.title'),
      subtitle: i18n.t('chart.subtitle'),
      anchor: rtl ? 'end' : 'start',
      font: FONT_FAMILY,
      subtitleFont: FONT_FAMILY,
    },
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
      width: 780,
      height: 150,
      encoding: {
        x: {
          field: 'week',
          type: 'ordinal',
          sort: { field: 'order', op: 'min' },
          title: i18n.t('chart.week'),
          scale: { reverse: rtl },
          axis: { labelAngle: -45, labelFont: FONT_FAMILY, titleFont: FONT_FAMILY, labelOverlap: true },
        },
      },
      layer: [
        {
          mark: { type: 'area', color: LINE, opacity: 0.2, invalid: 'filter' },
          encoding: { y: { field: 'low', ...y }, y2: { field: 'high' } },
        },
        {
          mark: { type: 'line', color: LINE, point: { color: LINE }, strokeWidth: 2, invalid: 'filter' },
          encoding: { y: { field: 'value', ...y } },
        },
      ],
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

/**
 * One view a language, its points replaced for each chart: a new view builds vega's whole dataflow again, which was
 * most of what a chart left for the collector (and so of the heap a process of charts grows to). Charts are drawn
 * synchronously, one at a time, so a view is never shared by two.
 */
const views = new Map<string, vega.View>();
function viewFor(i18n: Translator): vega.View {
  let view = views.get(i18n.locale);
  if (!view) {
    view = new vega.View(runtimeFor(i18n), { renderer: 'none' });
    views.set(i18n.locale, view);
  }
  return view;
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
  const view = viewFor(i18n);
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
  return renderer.svg();
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
