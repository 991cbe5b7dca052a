import type { Application } from '@microsoft/teams-ai';
import { type Activity, ActivityTypes, type TurnContext } from 'botbuilder';
import type { TeamsFiles } from './files.js';
import { BUTTON_VERB, FORM_VERB } from './render.js';
import { type ActionData, onCardAction, onMessage, type TurnDeps, welcome } from './turn.js';

/** Every route the Teams app answers, in one place; the order matters (teams-ai takes the first match). */
export function registerRoutes(teams: Application, deps: TurnDeps, files: TeamsFiles): void {
  // Buttons and forms: Action.Execute arrives as an invoke, Action.Submit as a message carrying `value`.
  teams.adaptiveCards.actionExecute<ActionData>([BUTTON_VERB, FORM_VERB], (ctx, _state, data) => onCardAction(ctx, data, deps));
  teams.adaptiveCards.actionSubmit<ActionData>([BUTTON_VERB, FORM_VERB], async (ctx, _state, data) => {
    await onCardAction(ctx, data, deps);
  });
  teams.fileConsentAccept((ctx, _state, response) => files.accepted(ctx, response));
  teams.fileConsentDecline((ctx, _state, response) => files.declined(ctx, response));

  teams.activity(ActivityTypes.InstallationUpdate, async (ctx) => {
    const action = (ctx.activity as Partial<Activity> & { action?: string }).action ?? '';
    if (action.startsWith('remove')) return removed(ctx, deps);
    await welcome(ctx);
  });
  // References and people were stored before routing; what is left is to notice the bot being removed.
  teams.conversationUpdate('membersRemoved', async (ctx) => {
    if (ctx.activity.membersRemoved?.some((m) => m.id === ctx.activity.recipient?.id)) removed(ctx, deps);
  });
  teams.conversationUpdate('membersAdded', async () => {});
  teams.activity(ActivityTypes.Message, (ctx) => onMessage(ctx, deps));
}

/** The bot was removed from a conversation: never send there again until it is added back. */
function removed(ctx: TurnContext, deps: TurnDeps): void {
  const id = ctx.activity.conversation?.id;
  if (!id) return;
  const base = id.split(';messageid=')[0] as string;
  // 410 marks "Teams told us", as opposed to a 403/404 the connector answered.
  deps.known.markGone(base, 410, deps.app.clock.now().getTime());
}
