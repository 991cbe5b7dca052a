import { z } from 'zod/v4';
import type { SearchDocument } from '../../capability.js';
import { UserError } from '../../errors.js';
import { requireOwnerOrLead } from '../../grammar/access.js';
import { answer, command, type Delivery } from '../../grammar/command.js';
import { requireText } from '../../grammar/text.js';
import { isRef, parseRef } from '../../grammar/values.js';
import { translator } from '../../i18n/translate.js';
import { searchIndex } from '../../search/index.js';
import type { Community } from '../../store/communities.js';
import { heading, text, view } from '../../views/build.js';
import { meetingByRef } from './attend.js';
import { repos } from './store/index.js';
import type { Meeting } from './store/meetings.js';
import { formatWhen, refLabel } from './views.js';

/** The search source of a meeting's notes. */
export const NOTES_SOURCE = 'meeting-notes';

/** What the community search keeps of a meeting's notes: everyone in the community reads them in the channel. */
export const notesDocument = (m: Meeting): SearchDocument => ({
  ref: m.ref,
  source: NOTES_SOURCE,
  text: m.notes ?? '',
  at: m.startsAt,
  readers: { kind: 'community' },
});

/** `notes [#meeting] <text>`: the note-taker (or a lead) posts a meeting's notes; they are kept with it. */
export const notesCommand = command({
  words: ['notes'],
  help: 'notes',
  access: 'member',
  community: 'required',
  schema: z.object({ ref: z.number().int().positive().nullable(), text: z.string() }),
  parse: (c) => {
    const first = c.peek();
    const ref = first && !first.quoted && isRef(first.value) ? parseRef((c.next() as { value: string }).value) : null;
    return { ref, text: requireText(c.rest()) };
  },
  run: (ctx, args): Delivery[] => {
    const { store, i18n, actor } = ctx;
    const community = ctx.community as Community;
    const meeting = args.ref !== null ? meetingByRef(ctx, community, args.ref) : repos(store).meetings.lastStarted(community.id, ctx.now);
    if (!meeting) throw new UserError('error.noPastMeeting', { community: community.name });
    requireOwnerOrLead(ctx, meeting.noteTakerId, 'error.notNoteTaker', { ref: refLabel(meeting.ref) });
    const tz = repos(store).meetings.schedule(community.id)?.tz ?? community.tz;
    if (meeting.startsAt > ctx.now)
      throw new UserError('error.meetingNotStarted', {
        ref: refLabel(meeting.ref),
        when: formatWhen(meeting.startsAt, tz, i18n.locale, ctx.now),
      });
    repos(store).meetings.setNotes(meeting.id, args.text, actor.id, ctx.now);
    searchIndex(store).put(community, notesDocument({ ...meeting, notes: args.text }));
    // The channel reads the notes in the community's language, whoever wrote them.
    const channelI18n = translator(community.locale);
    const title = channelI18n.t('notes.title', {
      ref: refLabel(meeting.ref),
      when: formatWhen(meeting.startsAt, tz, channelI18n.locale, ctx.now),
      name: actor.displayName,
    });
    return [
      { to: 'channel', community, view: view(community.locale, [heading(title), text(args.text)]) },
      answer(view(i18n.locale, [text(i18n.t('notes.saved', { ref: refLabel(meeting.ref) }))])),
    ];
  },
});
