import { z } from 'zod/v4';
import { UserError } from '../../errors.js';
import { answer, type Context, command, noArguments } from '../../grammar/command.js';
import { mention, personFor, readMention } from '../../grammar/people.js';
import { isRef, parseRef } from '../../grammar/values.js';
import type { ParamValue } from '../../i18n/translate.js';
import type { Community } from '../../store/communities.js';
import { context, heading, list, text, view } from '../../views/build.js';
import type { Text } from '../../views/view.js';
import { pairing, type Visit } from './store/index.js';
import { refLabel, statusBlocks } from './views.js';

/** How long after its window a round still shows in `pair status`. */
const RECENT_MS = 30 * 86_400_000;

/** `pair status`: the round under way, my partners, the focus, the window and what I still have to do. */
export const pairStatusCommand = command({
  words: ['pair', 'status'],
  help: 'pair status',
  readOnly: true,
  access: 'participant',
  community: 'required',
  ...noArguments,
  run: (ctx) => {
    const community = ctx.community as Community;
    const repo = pairing(ctx.store);
    // A round whose window closed still shows for a while: its observers are asked about it and write feedback.
    const latest = repo.latestRound(community.id);
    const round = repo.currentRound(community.id, ctx.now) ?? (latest && latest.endsAt + RECENT_MS > ctx.now ? latest : null);
    if (!round) throw new UserError('pairing.error.noRound', { community: community.name });
    return [answer(view(ctx.i18n.locale, statusBlocks(ctx, community, round)))];
  },
});

/** The member a `pair avoid` names: someone else in the community. */
function otherMember(ctx: Context, community: Community) {
  return (raw: { externalId: string; name: string | null }) => {
    const user = personFor(ctx, raw);
    if (user.id === ctx.actor.id) throw new UserError('pairing.error.avoidSelf');
    if (!ctx.store.communities.roleOf(community.id, user.id))
      throw new UserError('pairing.error.avoidNotMember', { name: user.displayName, community: community.name });
    return user;
  };
}

/** `pair avoid [@user]` and `pair avoid remove @user`: my private list of people I am not paired with. */
export const pairAvoidCommand = command({
  words: ['pair', 'avoid'],
  help: 'pair avoid',
  access: 'participant',
  community: 'required',
  schema: z.object({
    action: z.enum(['list', 'add', 'remove']),
    who: z.object({ externalId: z.string(), name: z.string().nullable() }).nullable(),
  }),
  parse: (c) => {
    if (c.atEnd()) return { action: 'list', who: null };
    const remove = c.accept('remove') !== null;
    const who = readMention(c);
    return { action: remove ? 'remove' : 'add', who: { externalId: who.externalId, name: who.name ?? null } };
  },
  run: (ctx, args) => {
    const { store, i18n, actor } = ctx;
    const community = ctx.community as Community;
    const repo = pairing(store);
    if (args.action === 'list' || !args.who) {
      const names = repo
        .avoidList(community.id, actor.id)
        .map((id) => store.users.get(community.workspaceId, id))
        .filter((u) => u !== null)
        .map((u) => [mention(u)] as Text);
      return [
        answer(
          view(i18n.locale, [
            heading(i18n.t('pairing.avoid.title', { community: community.name })),
            names.length ? list(names) : text(i18n.t('pairing.avoid.none')),
            context(i18n.t('pairing.avoid.private')),
          ]),
        ),
      ];
    }
    const user = otherMember(ctx, community)(args.who);
    const name = mention(user) as ParamValue;
    if (args.action === 'remove') {
      const removed = repo.removeAvoid(community.id, actor.id, user.id);
      return [answer(view(i18n.locale, [text(i18n.tr(removed ? 'pairing.avoid.removed' : 'pairing.avoid.notListed', { name }))]))];
    }
    repo.addAvoid(community.id, actor.id, user.id, ctx.now);
    return [answer(view(i18n.locale, [text(i18n.tr('pairing.avoid.added', { name })), context(i18n.t('pairing.avoid.private'))]))];
  },
});

/** `pair why #round`: for leads, why each pair of a round was chosen; a constraint is named as one, never whose. */
export const pairWhyCommand = command({
  words: ['pair', 'why'],
  help: 'pair why',
  readOnly: true,
  access: 'lead',
  community: 'required',
  schema: z.object({ ref: z.number().int().positive().nullable() }),
  parse: (c) => {
    const tok = c.next();
    if (!tok) return { ref: null };
    if (!isRef(tok.value)) throw new UserError('error.missing');
    return { ref: parseRef(tok.value) };
  },
  run: (ctx, { ref }) => {
    const { store, i18n } = ctx;
    const community = ctx.community as Community;
    const repo = pairing(store);
    const round = ref === null ? repo.latestRound(community.id) : repo.roundByRef(ctx.workspace.id, ref);
    if (!round || round.communityId !== community.id)
      throw new UserError(ref === null ? 'pairing.error.noRound' : 'pairing.error.unknownRound', {
        ref: refLabel(ref ?? 0),
        community: community.name,
      });
    const who = (id: number | null): ParamValue => {
      const u = id === null ? null : store.users.get(community.workspaceId, id);
      return u ? (mention(u) as ParamValue) : i18n.t('pairing.why.former');
    };
    const groups = new Map<number, Visit[]>();
    for (const v of repo.visits(round.id)) groups.set(v.grp, [...(groups.get(v.grp) ?? []), v]);
    const lines: Text[] = [];
    for (const visits of groups.values()) {
      const ring = visits.length > 2;
      const shown = ring ? visits : visits.slice(0, 1);
      const pairs = shown.map((v) =>
        v.metBefore === 0
          ? i18n.t('pairing.why.new', { a: plainName(who(v.observerId)), b: plainName(who(v.observedId)) })
          : i18n.t('pairing.why.repeat', {
              a: plainName(who(v.observerId)),
              b: plainName(who(v.observedId)),
              count: v.metBefore,
              ref: v.lastMetRef === null ? '' : refLabel(v.lastMetRef),
            }),
      );
      lines.push([ring ? i18n.t('pairing.why.trio') : i18n.t('pairing.why.pair'), ' ', pairs.join('; ')].join(''));
    }
    const how =
      round.mode === 'rotation'
        ? i18n.t('pairing.why.rotation', { step: round.step ?? 0, length: round.length })
        : i18n.t('pairing.why.matching');
    const blocks = [
      heading(i18n.t('pairing.why.title', { community: community.name, ref: refLabel(round.ref) })),
      text(how),
      text(i18n.t('pairing.why.seed', { seed: String(round.seed) })),
      lines.length ? list(lines) : text(i18n.t('pairing.why.empty')),
    ];
    if (round.constrained) blocks.push(text(i18n.t('pairing.why.constrained')));
    if (round.leftOut > 0) blocks.push(text(i18n.t('pairing.why.leftOut', { count: round.leftOut })));
    return [answer(view(i18n.locale, blocks))];
  },
});

const plainName = (v: ParamValue): string => (typeof v === 'object' && v !== null && 'mention' in v ? `@${v.mention.name}` : String(v));
