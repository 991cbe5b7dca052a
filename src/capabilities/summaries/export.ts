import { stringify } from 'csv-stringify/sync';
import { z } from 'zod/v4';
import { recordAudit } from '../../audit.js';
import type { CoreEnv } from '../../capability.js';
import { UserError } from '../../errors.js';
import { answer, command, type Delivery } from '../../grammar/command.js';
import { parseChoice } from '../../grammar/values.js';
import { localDate } from '../../local-date.js';
import type { Community } from '../../store/communities.js';
import { text, view } from '../../views/build.js';
import { periodsBefore } from './domain/trend.js';
import { localWeeks } from './domain/weeks.js';
import { coordinatorExportOf, figuresOf } from './figures.js';
import { DEFAULT_DAYS } from './status.js';
import type { SummaryDeps } from './summary.js';

/**
 * Everything `export community` holds: the figures (30 days, and week by week: the community's own local weeks from
 * Monday, the last one up to now) and what coordinators may read.
 */
export function communityExport(deps: SummaryDeps, env: CoreEnv, community: Community): Record<string, unknown> {
  const period = periodsBefore(env.now, DEFAULT_DAYS, 1)[0] as { from: number; to: number };
  const weeks = localWeeks(env.now, community.tz, 'en', null).map((w) => ({
    week: localDate(w.from, community.tz),
    from: new Date(w.from).toISOString(),
    to: new Date(w.to).toISOString(),
    figures: figuresOf(deps.sources, community, w, env),
  }));
  return {
    community: community.name,
    zone: community.tz,
    exportedAt: new Date(env.now).toISOString(),
    figures: {
      from: new Date(period.from).toISOString(),
      to: new Date(period.to).toISOString(),
      ...figuresOf(deps.sources, community, period, env),
    },
    weeks,
    ...coordinatorExportOf(deps.sources, community, env),
  };
}

/** A value in one CSV cell: text as it is, anything else as JSON. */
function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string'
    ? value
    : typeof value === 'number' || typeof value === 'boolean'
      ? String(value)
      : JSON.stringify(value);
}

/**
 * The export as one CSV table in long form (section, entry, field, value), so sections of any shape fit one
 * file a spreadsheet opens; csv-stringify does the quoting.
 */
export function exportCsv(data: Record<string, unknown>): string {
  const rows: string[][] = [['section', 'entry', 'field', 'value']];
  const figures = data.figures as Record<string, unknown>;
  for (const [field, value] of Object.entries(figures)) rows.push(['figures', '', field, cell(value)]);
  (data.weeks as { from: string; figures: Record<string, number> }[]).forEach((w, i) => {
    for (const [field, value] of Object.entries(w.figures)) rows.push(['weeks', String(i + 1), field, cell(value)]);
    rows.push(['weeks', String(i + 1), 'from', w.from]);
  });
  for (const [section, entries] of Object.entries(data)) {
    if (!Array.isArray(entries) || section === 'weeks') continue;
    entries.forEach((entry, i) => {
      for (const [field, value] of Object.entries((entry ?? {}) as Record<string, unknown>))
        rows.push([section, String(i + 1), field, cell(value)]);
    });
  }
  // A BOM so that spreadsheet programs read the UTF-8 (umlauts, Arabic) as UTF-8.
  return `\ufeff${stringify(rows)}`;
}

/** A file name from a community's name: letters and digits of any script, the rest as dashes. */
function fileName(community: Community, format: 'csv' | 'json', now: number): string {
  const base = community.name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'community';
  return `${base}-${new Date(now).toISOString().slice(0, 10)}.${format}`;
}

/** `export community [csv|json]`: a coordinator gets one community's figures and what coordinators may read, as a file. */
export function exportCommunityCommand(deps: SummaryDeps) {
  return command({
    words: ['export', 'community'],
    help: 'exportCommunity',
    access: 'coordinator',
    community: 'required',
    schema: z.object({ format: z.enum(['csv', 'json']) }),
    parse: (c) => {
      const tok = c.next();
      return { format: tok ? parseChoice(tok.value, ['csv', 'json'] as const) : 'csv' };
    },
    run: (ctx, { format }): Delivery[] => {
      const { store, i18n, actor, workspace } = ctx;
      const community = ctx.community as Community;
      if (!actor.isCoordinator) throw new UserError('error.notCoordinator');
      const data = communityExport(deps, { store, now: ctx.now, log: ctx.log }, community);
      const content = format === 'json' ? `${JSON.stringify(data, null, 2)}\n` : exportCsv(data);
      const file = { name: fileName(community, format, ctx.now), mime: format === 'json' ? 'application/json' : 'text/csv', content };
      recordAudit(store, ctx.now, {
        workspaceId: workspace.id,
        actorId: actor.id,
        communityId: community.id,
        action: 'export.community',
        detail: { format },
      });
      const v = view(i18n.locale, [text(i18n.t('exportCommunity.done', { community: community.name })), { type: 'file', file }]);
      // The file goes to the coordinator's direct messages: shared reflections must never land in a channel.
      if (ctx.place.channel === null) return [answer(v)];
      return [{ to: 'user', user: actor, view: v }, answer(view(i18n.locale, [text(i18n.t('status.sentToDm'))]))];
    },
  });
}
