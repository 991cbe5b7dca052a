import { answer, type Context, command, noArguments } from '../../grammar/command.js';
import { heading, list, text, view } from '../../views/build.js';
import type { Block } from '../../views/view.js';

/** The home view: a person's communities and what waits for them. Slack's App Home and Teams' `plc home` show it. */
export function homeBlocks(ctx: Context): Block[] {
  const { store, workspace, actor, i18n } = ctx;
  const mine = store.communities.ofUser(workspace.id, actor.id);
  const blocks: Block[] = [heading(i18n.t('home.title', { name: actor.displayName }))];
  blocks.push(
    mine.length
      ? list(mine.map((m) => i18n.t('home.community', { community: m.community.name, role: i18n.t(`role.${m.role}`) })))
      : text(i18n.tr('home.noCommunities', { command: { command: 'communities' } })),
  );
  for (const section of ctx.homeSections) blocks.push(...section(ctx));
  return blocks;
}

/** `home`: the home view as a message, for platforms without a home tab. */
export const homeCommand = command({
  words: ['home'],
  readOnly: true,
  help: 'home',
  access: 'anyone',
  community: 'none',
  ...noArguments,
  run: (ctx) => [answer(view(ctx.i18n.locale, homeBlocks(ctx)))],
});
