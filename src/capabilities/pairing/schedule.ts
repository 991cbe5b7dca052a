import { DateTime } from 'luxon';
import { z } from 'zod/v4';
import { recordAudit } from '../../audit.js';
import { type Cadence, formatCadence, readCadence } from '../../grammar/cadence.js';
import { answer, command, type Delivery, noArguments } from '../../grammar/command.js';
import { ruleFor } from '../../grammar/recurrence.js';
import { formatTime } from '../../grammar/values.js';
import type { Translator } from '../../i18n/translate.js';
import { localDate } from '../../local-date.js';
import type { Community } from '../../store/communities.js';
import { text, view } from '../../views/build.js';
import { formatWhen } from '../../views/dates.js';
import { planNextRound, startRound } from './rounds.js';
import { pairing } from './store/index.js';
import { refLabel } from './views.js';

/** A cadence in words, in the reader's language: "every other Thursday at 14:00". */
function describeCadence(c: Cadence, i18n: Translator): string {
  const weekday = DateTime.fromObject({ weekYear: 2026, weekNumber: 10, weekday: c.weekday }).setLocale(i18n.locale).toFormat('cccc');
  const time = formatTime(c.time);
  if (c.freq === 'monthly')
    return i18n.t('pairing.cadence.monthly', { ordinal: c.ordinal === -1 ? 'last' : String(c.ordinal), weekday, time });
  return i18n.t(c.freq === 'weekly' ? 'pairing.cadence.weekly' : 'pairing.cadence.biweekly', { weekday, time });
}

/** `pair schedule <cadence>` and `pair schedule off`: when rounds start, in the community's time zone. */
export const pairScheduleCommand = command({
  words: ['pair', 'schedule'],
  help: 'pair schedule',
  access: 'lead',
  community: 'required',
  schema: z.union([z.object({ off: z.literal(true) }), z.object({ off: z.literal(false), cadence: z.custom<Cadence>() })]),
  parse: (c) => (c.accept('off') ? { off: true } : { off: false, cadence: readCadence(c) }),
  run: (ctx, args) => {
    const { store, i18n, actor, workspace } = ctx;
    const community = ctx.community as Community;
    const repo = pairing(store);
    if (args.off) {
      const had = repo.schedule(community.id)?.rrule;
      repo.saveSchedule(community.id, community.tz, null, null, ctx.now);
      planNextRound(store, community, ctx.now);
      if (had)
        recordAudit(store, ctx.now, {
          workspaceId: workspace.id,
          actorId: actor.id,
          communityId: community.id,
          action: 'pairing.schedule.off',
        });
      return [
        answer(
          view(i18n.locale, [text(i18n.t(had ? 'pairing.schedule.off' : 'pairing.schedule.alreadyOff', { community: community.name }))]),
        ),
      ];
    }
    const from = args.cadence.from ?? localDate(ctx.now, community.tz);
    const cadence = formatCadence(args.cadence);
    repo.saveSchedule(community.id, community.tz, ruleFor(args.cadence, community.tz, from), cadence, ctx.now);
    const next = planNextRound(store, community, ctx.now);
    recordAudit(store, ctx.now, {
      workspaceId: workspace.id,
      actorId: actor.id,
      communityId: community.id,
      action: 'pairing.schedule.set',
      detail: { cadence, tz: community.tz },
    });
    const blocks = [
      text(
        i18n.t('pairing.schedule.done', { community: community.name, cadence: describeCadence(args.cadence, i18n), zone: community.tz }),
      ),
    ];
    blocks.push(
      text(
        next === null
          ? i18n.t('pairing.schedule.none')
          : i18n.t('pairing.schedule.next', { when: formatWhen(next, community.tz, i18n.locale, ctx.now) }),
      ),
    );
    return [answer(view(i18n.locale, blocks))];
  },
});

/** `pair now`: a round starts at once (the one under way closes). */
export const pairNowCommand = command({
  words: ['pair', 'now'],
  help: 'pair now',
  access: 'lead',
  community: 'required',
  ...noArguments,
  run: (ctx): Delivery[] => {
    const { store, i18n, actor, workspace } = ctx;
    const community = ctx.community as Community;
    const { round, plan, deliveries } = startRound(store, community, ctx.now);
    recordAudit(store, ctx.now, {
      workspaceId: workspace.id,
      actorId: actor.id,
      communityId: community.id,
      action: 'pairing.round.started',
      detail: { round: round.ref },
    });
    const pairs = plan.groups.filter((g) => g.length === 2).length;
    const trios = plan.groups.length - pairs;
    const line = plan.groups.length
      ? i18n.t('pairing.now.done', { community: community.name, ref: refLabel(round.ref), pairs, trios, leftOut: plan.leftOut.length })
      : i18n.t('pairing.now.nobody', { community: community.name, ref: refLabel(round.ref) });
    return [answer(view(i18n.locale, [text(line)])), ...deliveries];
  },
});
