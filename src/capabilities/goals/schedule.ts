import { DateTime } from 'luxon';
import { z } from 'zod/v4';
import { recordAudit } from '../../audit.js';
import { UserError } from '../../errors.js';
import { type Cadence, formatCadence, readCadence } from '../../grammar/cadence.js';
import { answer, command } from '../../grammar/command.js';
import { ruleFor } from '../../grammar/recurrence.js';
import type { Community } from '../../store/communities.js';
import { text, view } from '../../views/build.js';
import { formatDate } from '../../views/dates.js';
import { describeCadence } from '../meetings/index.js';
import { planSchedule } from './asks.js';
import { repos } from './store/index.js';

/** `checkins [school] <cadence>` and `checkins [school] off`: when owners of open goals are asked to check in. */
export const checkinsCommand = command({
  words: ['checkins'],
  help: 'checkins',
  access: 'lead',
  community: 'required',
  schema: z.object({ school: z.boolean(), cadence: z.custom<Cadence>().nullable() }),
  parse: (c) => {
    const school = c.accept('school') !== null;
    return { school, cadence: c.accept('off') ? null : readCadence(c) };
  },
  run: (ctx, { school, cadence }) => {
    const { store, i18n, workspace, actor } = ctx;
    const community = ctx.community as Community;
    if (school && !actor.isCoordinator) throw new UserError('error.schoolGoalsCoordinators');
    const communityId = school ? null : community.id;
    const { goals } = repos(store);
    const audit = (action: string, detail: Record<string, string>) =>
      recordAudit(store, ctx.now, { workspaceId: workspace.id, actorId: actor.id, communityId, action, detail });
    const scope = school ? 'school' : 'community';
    if (cadence === null) {
      const had = goals.schedule(workspace.id, communityId);
      if (had) store.jobs.unqueueTopic(`goals.plan:${had.scope}`, ctx.now);
      goals.clearSchedule(workspace.id, communityId);
      if (had) audit('schedule.checkins.off', { scope });
      const key = had ? 'checkins.off' : 'checkins.alreadyOff';
      return [answer(view(i18n.locale, [text(i18n.t(key, { scope, community: community.name }))]))];
    }
    // The rule is read in UTC as a floating local time: each person's ask falls at that time in their own zone.
    const from = cadence.from ?? (DateTime.fromMillis(ctx.now, { zone: 'UTC' }).minus({ days: 1 }).toISODate() as string);
    const schedule = goals.saveSchedule(
      { workspaceId: workspace.id, communityId, cadence, rrule: ruleFor(cadence, 'UTC', from), setAt: ctx.now },
      actor.id,
    );
    const first = planSchedule(store, schedule, ctx.now);
    audit('schedule.checkins.set', { scope, cadence: formatCadence(cadence) });
    const lines = [text(i18n.t('checkins.done', { scope, community: community.name, cadence: describeCadence(cadence, i18n) }))];
    if (first) lines.push(text(i18n.t('checkins.first', { date: formatDate(first, i18n.locale) })));
    return [answer(view(i18n.locale, lines))];
  },
});
