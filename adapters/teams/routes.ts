import type { Application } from '@microsoft/teams-ai';
import { ActivityTypes } from 'botbuilder';
import { onInstallationUpdate, onMembersRemoved } from './events.js';
import type { TeamsFiles } from './files.js';
import { BUTTON_VERB, FORM_VERB } from './render.js';
import { onSaveMessage, SAVE_COMMAND } from './save.js';
import { type ActionData, onCardAction, onMessage, type TurnDeps } from './turn.js';

/** Every route the Teams app answers, in one place; the order matters (teams-ai takes the first match). */
export function registerRoutes(teams: Application, deps: TurnDeps, files: TeamsFiles): void {
  // Buttons and forms: Action.Execute arrives as an invoke, Action.Submit as a message carrying `value`.
  teams.adaptiveCards.actionExecute<ActionData>([BUTTON_VERB, FORM_VERB], (ctx, _state, data) => onCardAction(ctx, data, deps));
  teams.adaptiveCards.actionSubmit<ActionData>([BUTTON_VERB, FORM_VERB], async (ctx, _state, data) => {
    await onCardAction(ctx, data, deps);
  });
  // "Save to PLC library" on a message: Teams asks for the action's dialog (fetchTask), or submits it directly.
  teams.messageExtensions.fetchTask(SAVE_COMMAND, (ctx) => onSaveMessage(ctx, deps));
  teams.messageExtensions.submitAction(SAVE_COMMAND, (ctx) => onSaveMessage(ctx, deps));
  teams.fileConsentAccept((ctx, _state, response) => files.accepted(ctx, response));
  teams.fileConsentDecline((ctx, _state, response) => files.declined(ctx, response));

  // Platform events for the core: the app installed or removed, people leaving a team or chat. References and
  // people were stored before routing.
  teams.activity(ActivityTypes.InstallationUpdate, (ctx) => onInstallationUpdate(ctx, deps));
  teams.conversationUpdate('membersRemoved', (ctx) => onMembersRemoved(ctx, deps));
  teams.conversationUpdate('membersAdded', async () => {});
  teams.activity(ActivityTypes.Message, (ctx) => onMessage(ctx, deps));
  // Last: an invoke no route above took gets its answer at once. botbuilder would answer 501, which Teams
  // shows the person as a failure: a card action we cannot read is refused (400), any other invoke has nothing to do.
  teams.activity(ActivityTypes.Invoke, async (ctx) => {
    const status = ctx.activity.name === 'adaptiveCard/action' ? 400 : 200;
    await ctx.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status } });
  });
}
