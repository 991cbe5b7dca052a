import { z } from 'zod/v4';
import { recordAudit } from '../../audit.js';
import { capabilities } from '../../capabilities.js';
import type { CoreEnv, Person, PrivacyKind } from '../../capability.js';
import { UserError } from '../../errors.js';
import { answer, type Context, command, type Delivery, noArguments } from '../../grammar/command.js';
import { quoteName } from '../../grammar/communities.js';
import type { Cursor } from '../../grammar/cursor.js';
import { mention } from '../../grammar/people.js';
import { isMention, parseMention } from '../../grammar/values.js';
import type { MessageKey, Translator } from '../../i18n/translate.js';
import type { User } from '../../store/users.js';
import { context, heading, list, text, view } from '../../views/build.js';
import type { Block, Text } from '../../views/view.js';
import { forgetPerson, type Holders, personFile, type Refusal, refusals } from './person.js';
import { truncateWalSoon } from './wal.js';

/** What the commands need beyond the context: every holder of personal data, and the retention in days. */
export interface PrivacyDeps {
  holders: Holders;
  retentionDays: number;
}

const envOf = (ctx: Context): CoreEnv => ({ store: ctx.store, now: ctx.now, log: ctx.log, i18n: ctx.i18n });

/** Every kind of data the capabilities say they keep, with the capability that keeps it. */
function kinds(): { part: string; kinds: readonly PrivacyKind[] | null }[] {
  return capabilities().map((c) => ({ part: c.name, kinds: c.privacy ? c.privacy.stores : null }));
}

const partName = (i18n: Translator, part: string) => i18n.t(`help.group.${part}` as MessageKey);

function keptLine(i18n: Translator, kind: PrivacyKind, days: number): string {
  if (kind.kept === 'whileUsed') return i18n.t('privacy.kept.whileUsed');
  return days > 0 ? i18n.t('privacy.kept.retention', { days }) : i18n.t('privacy.kept.noLimit');
}

/** What messages already posted, and backups, still hold: said wherever erasure is. */
const beyond = (i18n: Translator, days: number): Text => (days > 0 ? i18n.t('privacy.beyond', { days }) : i18n.t('privacy.beyondNoLimit'));

/** `privacy`: what the bot keeps about the asker, part by part, who reads it, how long, and what to do about it. */
export const privacyCommand = (deps: PrivacyDeps) =>
  command({
    words: ['privacy'],
    help: 'privacy',
    access: 'anyone',
    community: 'none',
    readOnly: true,
    ...noArguments,
    run: (ctx) => {
      const { i18n } = ctx;
      const blocks: Block[] = [heading(i18n.t('privacy.title')), text(i18n.tr('privacy.intro', { command: { command: 'forget me' } }))];
      for (const { part, kinds: stores } of kinds()) {
        if (stores?.length === 0) continue;
        blocks.push(heading(partName(i18n, part)));
        if (!stores) {
          blocks.push(text(i18n.tr('privacy.undescribed', { command: { command: 'export me' } })));
          continue;
        }
        blocks.push(
          list(
            stores.map((k) =>
              i18n.t('privacy.line', {
                what: i18n.t(k.what),
                readers: i18n.t(`privacy.readers.${k.readers}`),
                kept: keptLine(i18n, k, deps.retentionDays),
                forget: i18n.t(k.onForget === 'deleted' ? 'privacy.forget.deleted' : 'privacy.forget.anonymous'),
              }),
            ),
          ),
        );
      }
      blocks.push(
        text(i18n.t('privacy.platform')),
        text(i18n.t('privacy.audit')),
        text(i18n.tr('privacy.exportHow', { command: { command: 'export me' } })),
        text(i18n.tr('privacy.forgetHow', { command: { command: 'forget me' } })),
        context(beyond(i18n, deps.retentionDays)),
      );
      return [answer(view(i18n.locale, blocks))];
    },
  });

/** `me` or a mention: whom an export or erasure is about. */
type Whom = { me: true } | { me: false; externalId: string; name: string | null };

function readWhom(c: Cursor): Whom {
  const tok = c.next();
  if (!tok) throw new UserError('error.forgetWhom', { me: { command: 'export me' } });
  if (!tok.quoted && tok.value.toLowerCase() === 'me') return { me: true };
  if (!isMention(tok.value)) throw new UserError('error.forgetWhom', { me: { command: 'export me' } });
  const m = parseMention(tok.value);
  return { me: false, externalId: m.externalId, name: m.name };
}

const whomSchema = z.union([
  z.object({ me: z.literal(true) }),
  z.object({ me: z.literal(false), externalId: z.string(), name: z.string().nullable() }),
]);

/**
 * The person a coordinator names, only if the bot knows them: a mention of someone never met is answered "I
 * keep nothing", and never creates them. Naming oneself is the same as `me`.
 */
function named(ctx: Context, whom: Whom): User | null {
  if (whom.me) return ctx.actor;
  return ctx.store.users.findByExternal(ctx.workspace.id, whom.externalId);
}

function nothingAbout(ctx: Context, whom: Whom): Delivery[] {
  const name = whom.me ? ctx.actor.displayName : (whom.name ?? whom.externalId).slice(0, 80);
  return [answer(view(ctx.i18n.locale, [text(ctx.i18n.t('export.nothing', { name }))]))];
}

/** The file of everything held about `user`, for the asker's DM, and the audit row that it was made. */
function exportTo(ctx: Context, deps: PrivacyDeps, user: User): Delivery[] {
  const { i18n } = ctx;
  const person: Person = { workspace: ctx.workspace, user };
  const about = user.id !== ctx.actor.id;
  const data = personFile(person, envOf(ctx), deps.holders);
  recordAudit(ctx.store, ctx.now, {
    workspaceId: ctx.workspace.id,
    actorId: ctx.actor.id,
    subjectId: user.id,
    action: about ? 'export.person' : 'export.me',
  });
  const day = new Date(ctx.now).toISOString().slice(0, 10);
  const file = {
    name: `plc-export-${day}.json`,
    mime: 'application/json',
    content: `${JSON.stringify(data, null, 2)}\n`,
    encoding: 'utf8' as const,
  };
  const title = about ? i18n.t('export.fileTitleAbout', { name: user.displayName }) : i18n.t('export.fileTitle');
  const fileView = view(i18n.locale, [heading(title), text(i18n.t('export.fileNote')), { type: 'file', file }]);
  // The file goes to the asker's direct messages wherever they asked, even while they pause their messages.
  return [{ to: 'user', user: ctx.actor, view: fileView, asked: true }, answer(view(i18n.locale, [text(i18n.t('export.sent'))]))];
}

/** `export me`: everything the bot keeps about the asker, as one JSON file in their DM. */
export const exportMeCommand = (deps: PrivacyDeps) =>
  command({
    words: ['export', 'me'],
    help: 'export me',
    access: 'anyone',
    community: 'none',
    ...noArguments,
    run: (ctx) => exportTo(ctx, deps, ctx.actor),
  });

/** `export @person` (coordinators): the same file about someone else, for a request that came by email. */
export const exportPersonCommand = (deps: PrivacyDeps) =>
  command({
    words: ['export'],
    help: 'export me',
    access: 'coordinator',
    community: 'none',
    schema: whomSchema,
    parse: readWhom,
    run: (ctx, whom) => {
      const user = named(ctx, whom);
      return user ? exportTo(ctx, deps, user) : nothingAbout(ctx, whom);
    },
  });

/** Turns what stands in the way of an erasure into the refusal, with the command that hands over. */
function refuse(ctx: Context, user: User, found: Refusal[]): never {
  const self = user.id === ctx.actor.id;
  const first = found[0] as Refusal;
  if (first.kind === 'lastCoordinator')
    throw new UserError(self ? 'error.forgetLastCoordinator' : 'error.forgetLastCoordinatorAbout', {
      name: user.displayName,
      command: { command: 'coordinator add @person' },
    });
  throw new UserError(self ? 'error.forgetOnlyLead' : 'error.forgetOnlyLeadAbout', {
    name: user.displayName,
    community: first.community.name,
    command: { command: `in ${quoteName(first.community.name)} role @person lead` },
  });
}

/** The question before an erasure: what goes, what stays for the others, what is beyond reach, and the button. */
function question(ctx: Context, deps: PrivacyDeps, user: User, confirm: string): Delivery[] {
  const { i18n } = ctx;
  const self = user.id === ctx.actor.id;
  const all = kinds().flatMap((p) => p.kinds ?? []);
  const lines = (onForget: PrivacyKind['onForget']) => all.filter((k) => k.onForget === onForget).map((k) => i18n.t(k.what));
  const blocks: Block[] = [
    heading(self ? i18n.t('forget.title') : i18n.t('forget.titleAbout', { name: user.displayName })),
    text(i18n.t('forget.deleted')),
    list([...lines('deleted'), i18n.t('privacy.platform')]),
    text(i18n.t('forget.kept')),
    list(lines('anonymous')),
    text(i18n.t('forget.counts')),
    context(beyond(i18n, deps.retentionDays)),
    text(
      i18n.tr('forget.final', { command: { command: self ? 'export me' : confirm.replace(/ confirm$/, '').replace(/^forget/, 'export') } }),
    ),
    {
      type: 'actions',
      buttons: [
        {
          label: self ? i18n.t('forget.confirm') : i18n.t('forget.confirmAbout', { name: user.displayName }),
          command: confirm,
          style: 'danger',
        },
      ],
    },
  ];
  return [answer(view(i18n.locale, blocks))];
}

/** Erases `user` (after the checks), then truncates the write-ahead log once the transaction has committed. */
function erase(ctx: Context, deps: PrivacyDeps, user: User): Delivery[] {
  const { i18n } = ctx;
  const self = user.id === ctx.actor.id;
  const name = user.displayName;
  const sent = forgetPerson(
    { workspace: ctx.workspace, user },
    envOf(ctx),
    deps.holders,
    ctx.reactions,
    self ? { by: 'self' } : { by: 'coordinator', id: ctx.actor.id },
  );
  void truncateWalSoon(ctx.store.db, ctx.log);
  const done = self ? i18n.t('forget.done') : i18n.t('forget.doneAbout', { name });
  return [...sent, answer(view(i18n.locale, [text(done), context(beyond(i18n, deps.retentionDays))]))];
}

const confirmSchema = z.object({ confirm: z.boolean() });

/** `forget me` asks; `forget me confirm` (or its button) erases the asker from the whole workspace. */
export const forgetMeCommand = (deps: PrivacyDeps) =>
  command({
    words: ['forget', 'me'],
    help: 'forget me',
    access: 'anyone',
    community: 'none',
    schema: confirmSchema,
    parse: (c) => ({ confirm: c.accept('confirm') !== null }),
    run: (ctx, { confirm }) => {
      const found = refusals({ workspace: ctx.workspace, user: ctx.actor }, envOf(ctx));
      if (found.length) refuse(ctx, ctx.actor, found);
      return confirm ? erase(ctx, deps, ctx.actor) : question(ctx, deps, ctx.actor, 'forget me confirm');
    },
  });

/** `forget @person confirm` (coordinators): erasure for staff who have left; without `confirm` it asks. */
export const forgetPersonCommand = (deps: PrivacyDeps) =>
  command({
    words: ['forget'],
    help: 'forget me',
    access: 'coordinator',
    community: 'none',
    schema: z.object({ whom: whomSchema, confirm: z.boolean() }),
    parse: (c) => ({ whom: readWhom(c), confirm: c.accept('confirm') !== null }),
    run: (ctx, { whom, confirm }) => {
      const user = named(ctx, whom);
      if (!user) return nothingAbout(ctx, whom);
      const found = refusals({ workspace: ctx.workspace, user }, envOf(ctx));
      if (found.length) refuse(ctx, user, found);
      if (confirm) return erase(ctx, deps, user);
      const who = user.id === ctx.actor.id ? 'me' : mentionText(user);
      return question(ctx, deps, user, `forget ${who} confirm`);
    },
  });

/** A person as the command language writes a mention, for a button that repeats a command about them. */
function mentionText(user: User): string {
  const span = mention(user) as { mention: { user: string; name: string } };
  return `<@${span.mention.user}|${span.mention.name.replace(/[|>\s]/g, '')}>`;
}
