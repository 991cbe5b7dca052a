import { z } from 'zod/v4';
import type { CoreEnv } from '../../capability.js';
import { answer, type Context, command } from '../../grammar/command.js';
import { requireText } from '../../grammar/text.js';
import type { Translator } from '../../i18n/translate.js';
import type { Community } from '../../store/communities.js';
import type { Store } from '../../store/store.js';
import { context, heading, text, view } from '../../views/build.js';
import type { Block } from '../../views/view.js';
import { normBlocks } from './norms.js';
import { library } from './store/index.js';

/** The longest mission: a paragraph. */
const MAX_MISSION = 1000;

/** The charter: the community's purpose, and its norms as the values it shares. */
function charterBlocks(store: Store, community: Community, i18n: Translator): Block[] {
  const charter = library(store).charter(community.id);
  const norms = library(store).norms(community.id);
  const blocks: Block[] = [heading(i18n.t('knowledge.charter.title', { community: community.name }))];
  blocks.push(
    charter ? text(charter.mission) : text(i18n.tr('knowledge.charter.noMission', { command: { command: 'charter mission <text>' } })),
  );
  if (norms.length) blocks.push(text(i18n.t('knowledge.charter.values')), ...normBlocks(norms, i18n));
  return blocks;
}

/** `charter`: the community's purpose and shared values. */
export const charterCommand = command({
  words: ['charter'],
  help: 'charter',
  readOnly: true,
  access: 'member',
  community: 'required',
  schema: z.object({}),
  parse: () => ({}),
  run: (ctx: Context) => [answer(view(ctx.i18n.locale, charterBlocks(ctx.store, ctx.community as Community, ctx.i18n)))],
});

/** `charter mission <text>`: a lead writes down what the community is for. */
export const charterMissionCommand = command({
  words: ['charter', 'mission'],
  help: 'charter',
  access: 'lead',
  community: 'required',
  schema: z.object({ text: z.string() }),
  parse: (c) => ({ text: requireText(c.rest(), MAX_MISSION) }),
  run: (ctx, args) => {
    const community = ctx.community as Community;
    library(ctx.store).setMission(community.id, args.text, ctx.actor.id, ctx.now);
    return [answer(view(ctx.i18n.locale, charterBlocks(ctx.store, community, ctx.i18n)))];
  },
});

/** The head of `help` in a community's channel: its mission, if it has one, and where the whole charter is. */
export function charterPreamble(community: Community, env: CoreEnv & { i18n: Translator }): Block[] {
  const charter = library(env.store).charter(community.id);
  if (!charter) return [];
  return [
    heading(env.i18n.t('knowledge.charter.title', { community: community.name })),
    text(charter.mission),
    context(env.i18n.tr('knowledge.charter.more', { command: { command: 'charter' } })),
  ];
}
