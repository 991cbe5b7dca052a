import { type Activity, ActivityTypes, type TurnContext } from 'botbuilder';
import type { App } from '../../src/app.js';
import type { MentionedPerson, Refusal } from '../../src/bot.js';
import { allowedBy } from '../../src/config.js';
import { deliver } from '../../src/delivery.js';
import { matchLocale } from '../../src/i18n/locales.js';
import type { View } from '../../src/views/view.js';
import type { StoredReference, TeamsConversations } from './conversations.js';
import { formAgain } from './forms.js';
import { kindOf, personId, referenceId, teamOf, tenantOf } from './ids.js';
import { checkMentions, commandMentions } from './mentions.js';
import { teamsT as t } from './messages.js';
import { commandText, mentionedIn, toInbound } from './receive.js';
import { type AdaptiveCard, FIELD_PREFIX, renderActivity, renderCard } from './render.js';
import type { TeamsMessenger } from './send.js';

/** What a turn needs from the adapter around it. */
export interface TurnDeps {
  app: App;
  known: TeamsConversations;
  messenger: TeamsMessenger;
}

/** What a card action carries: the command, and for a form its id and the inputs. */
export interface ActionData {
  verb?: string;
  command?: string;
  form?: string;
  [input: string]: unknown;
}

/**
 * Before any route: drops an activity seen before (Teams redelivers when it thinks we were slow) and
 * remembers the conversation and the sender, so proactive messages can reach them later. The edge (edge.ts)
 * has refused an activity without a service URL, tenant, sender or conversation, or in another tenant's
 * conversation. Returns false for a duplicate.
 */
export function admit(ctx: TurnContext, deps: TurnDeps): boolean {
  const a = ctx.activity;
  const now = deps.app.clock.now().getTime();
  const tenant = tenantOf(a);
  // Each write below is one statement, and most requests write only the activity id: no transaction needed.
  {
    // With the tenant in the key, another tenant cannot mark this tenant's next activity as seen.
    if (a.id && !deps.known.firstSight(`${tenant ?? ''}\u0000${a.conversation?.id ?? ''}\u0000${a.id}`, now)) return false;
    if (!tenant || !a.conversation?.id || !a.serviceUrl) return true;
    const kind = kindOf(a);
    const ref: StoredReference = {
      serviceUrl: a.serviceUrl,
      channelId: a.channelId ?? 'msteams',
      conversation: {
        // The id the edge checks the owner of.
        id: referenceId(a),
        tenantId: tenant,
        conversationType: kind,
        isGroup: kind !== 'personal',
      },
      bot: { id: a.recipient?.id ?? '', name: a.recipient?.name },
    };
    deps.known.remember(kind, kind === 'personal' ? personId(a.from) : null, ref, now, kind === 'channel' ? teamOf(a) : null);
    const people = [a.from, ...(a.membersAdded ?? [])].filter((p) => p?.id && p.id !== a.recipient?.id);
    for (const p of people)
      deps.known.learnUser(
        () => deps.app.store.workspaces.find('teams', tenant)?.id ?? null,
        tenant,
        p?.id as string,
        p?.aadObjectId ?? null,
      );
    return true;
  }
}

/**
 * Whether TEAMS_ALLOWED_TENANTS admits the activity's tenant (unset: every tenant). Asked before `admit`, so
 * nothing about a tenant outside the list is stored: no conversation reference, no person, no activity id.
 */
export function tenantAllowed(ctx: TurnContext, deps: TurnDeps): boolean {
  return allowedBy(deps.app.config.TEAMS_ALLOWED_TENANTS, tenantOf(ctx.activity));
}

/**
 * Answers an activity from a tenant the bot is not set up for, where Teams shows an answer: a short message in
 * the person's language for a message or the app being added, the same as the answer to a card action (an
 * invoke needs one, or Teams shows the action as failed); anything else is only acknowledged.
 */
export async function refuseOutsider(ctx: TurnContext, deps: TurnDeps): Promise<void> {
  const a: Partial<Activity> = ctx.activity;
  deps.app.log.info({ tenant: tenantOf(a), activity: a.type }, 'teams activity from a tenant not in TEAMS_ALLOWED_TENANTS refused');
  const said = t(matchLocale(a.locale) ?? 'en', 'teams.notAllowed');
  if (a.type === ActivityTypes.Invoke) {
    const body = { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: said };
    await ctx.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } });
    return;
  }
  const added = a.type === ActivityTypes.InstallationUpdate && (a as { action?: string }).action === 'add';
  if (a.type === ActivityTypes.Message || added) await ctx.sendActivity({ type: 'message', text: said });
}

/** A typed message: runs the command and replies in the same conversation (in a channel, in the thread). */
export async function onMessage(ctx: TurnContext, deps: TurnDeps): Promise<void> {
  const tenant = tenantOf(ctx.activity) ?? '';
  const mentions = await checkMentions(ctx, mentionedIn(ctx.activity), deps);
  const idOf = (teamsId: string) => mentions.get(teamsId)?.externalId ?? deps.known.aadOf(tenant, teamsId) ?? teamsId;
  const { answers } = await run(ctx, commandText(ctx.activity, idOf), deps, [...mentions.values()]);
  for (const v of answers) await ctx.sendActivity(renderActivity(v));
}

/**
 * A card action (Action.Execute invoke, or an Action.Submit message): runs the button's command or the
 * filled-in form as the presser. A form's first answer replaces the form for the presser (so a validation
 * error appears on the card); a submit the core refuses shows the same form again instead, as typed, with the
 * refusal on its field. Returns the card to answer the invoke with.
 *
 * In a channel or group chat the answers are the presser's alone, never a reply everyone reads (an RSVP on a
 * reminder would otherwise post "you are on the list" once per press): the first answers the invoke, which
 * Teams shows only to the person who pressed (the card is replaced for them alone, TeamsFx calls this
 * ReplaceForInteractor; the others keep the card, and a live reminder is updated in place for everyone by its
 * refresh job), and any further answer goes to their personal chat. In a personal chat they are replies there.
 */
export async function onCardAction(ctx: TurnContext, data: ActionData, deps: TurnDeps): Promise<AdaptiveCard | string> {
  const locale = matchLocale(ctx.activity.locale) ?? 'en';
  const command = data.form ? fillForm(data) : typeof data.command === 'string' ? data.command : null;
  if (!command) return t(locale, 'teams.done');
  const { answers, refusal } = await run(ctx, command, deps, commandMentions(command));
  const invoke = ctx.activity.type === ActivityTypes.Invoke;
  const shared = kindOf(ctx.activity) !== 'personal';
  const toPresser = async (v: View) => {
    if (shared) await privately(ctx, deps, v);
    else await ctx.sendActivity(renderActivity(v));
  };
  // Replacing the form with the refusal would lose what the person typed; Slack keeps its modal open likewise.
  // The form shows the reason on its field, without the usage line of a command nobody typed.
  const again = refusal && data.form && answers[0] ? formAgain(data, refusal, answers[0]) : null;
  if (again) {
    if (invoke) return renderCard(again);
    // An Action.Submit cannot replace its card: the form comes back as a new one.
    await toPresser(again);
    return t(locale, 'teams.done');
  }
  const [first, ...rest] = answers;
  const replaceCard = invoke && first && (data.form || shared);
  for (const v of replaceCard ? rest : answers) await toPresser(v);
  return replaceCard ? renderCard(first) : t(locale, 'teams.done');
}

/** Sends a view to the presser's personal chat with the bot (opened if there is none yet). */
async function privately(ctx: TurnContext, deps: TurnDeps, v: View): Promise<void> {
  const tenant = tenantOf(ctx.activity);
  const person = personId(ctx.activity.from);
  if (!tenant || !person) return;
  try {
    await deps.messenger.send({ platform: 'teams', externalId: tenant }, { kind: 'user', user: person }, v);
  } catch (err) {
    deps.app.log.warn({ err }, 'teams answer to a card action could not reach the personal chat');
  }
}

/**
 * Runs one command through the core; sends what goes elsewhere and returns the answers for the asker, and
 * why the core refused the command, if it did.
 */
async function run(
  ctx: TurnContext,
  text: string,
  deps: TurnDeps,
  mentions: MentionedPerson[],
): Promise<{ answers: View[]; refusal: Refusal | null }> {
  const inbound = toInbound(ctx.activity, text, mentions);
  if (!inbound) return { answers: [], refusal: null };
  const handled = await deps.app.bot.handleSoon(inbound);
  const answers: View[] = [];
  await deliver(handled.deliveries, handled.workspace, deps.messenger, async (v) => void answers.push(v), deps.app.log, handled.now);
  return { answers, refusal: handled.refused ? (handled.refusal ?? { message: '', field: null }) : null };
}

/** Fills a form's command template with the inputs; values before the last are quoted, as the grammar reads them. */
export function fillForm(data: ActionData): string | null {
  if (typeof data.command !== 'string') return null;
  const template = data.command;
  const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
  const last = names[names.length - 1];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const raw = data[`${FIELD_PREFIX}${name}`];
    const value = (typeof raw === 'string' ? raw : '').replace(/<@/g, '<\u200b@');
    if (name === last) return value;
    const single = value.replace(/\s+/g, ' ').trim();
    return /\s/.test(single) ? `"${single.replace(/"/g, '')}"` : single;
  });
}
