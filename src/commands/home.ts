import { heading, list, text, view } from '../views/build.js';
import type { Block } from '../views/view.js';
import { answer, type Context, command, noArguments } from './command.js';

/** A part of the home view that a capability contributes (next meeting, open observations, check-ins). */
export type HomeSection = (ctx: Context) => Block[];

const sections: HomeSection[] = [];

/** Adds a section to everyone's home view; capabilities call this when they are registered. */
export function addHomeSection(section: HomeSection): void {
  sections.push(section);
}

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
  for (const section of sections) blocks.push(...section(ctx));
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
