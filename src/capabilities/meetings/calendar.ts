import { randomBytes } from 'node:crypto';
import { z } from 'zod/v4';
import { answer, type Context, command } from '../../grammar/command.js';
import type { Community } from '../../store/communities.js';
import { context, text, view } from '../../views/build.js';
import { repos } from './store/index.js';

/** How long a community's shared link from before personal links keeps working after the channel is told. */
export const SHARED_LINK_GRACE_MS = 30 * 86_400_000;

/** A new secret for one person's calendar link: unguessable, URL-safe. */
function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/** The subscription address of a feed. */
export function calendarUrl(publicUrl: string | undefined, token: string): string {
  return `${(publicUrl ?? '').replace(/\/+$/, '')}/calendar/${token}.ics`;
}

/**
 * `calendar` and `calendar reset`: the asker's own link, which Outlook and Google Calendar subscribe to; reset
 * replaces it and stops the old one. Nobody's link but the asker's changes.
 */
export function calendarCommand(publicUrl: string | undefined) {
  return command({
    words: ['calendar'],
    help: 'calendar',
    // Guests too: they take part in meetings, and the link is theirs alone.
    access: 'member',
    community: 'required',
    schema: z.object({ reset: z.boolean() }),
    parse: (c) => ({ reset: c.accept('reset') !== null }),
    run: (ctx: Context, { reset }) => {
      const { store, i18n, actor } = ctx;
      const community = ctx.community as Community;
      const links = repos(store).calendarLinks;
      const link =
        (reset ? null : links.of(community.id, actor.id)) ??
        links.issue({ token: newToken(), workspaceId: community.workspaceId, communityId: community.id, userId: actor.id }, ctx.now);
      const url = calendarUrl(publicUrl, link.token);
      const blocks = [
        text(i18n.t(reset ? 'calendar.reset' : 'calendar.link', { community: community.name, url })),
        context(i18n.tr('calendar.private', { community: community.name, command: { command: 'calendar reset' } })),
      ];
      if (!publicUrl) blocks.push(context(i18n.t('calendar.noPublicUrl')));
      return [answer(view(i18n.locale, blocks))];
    },
  });
}
