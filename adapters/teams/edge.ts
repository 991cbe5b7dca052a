import { TeamsAdapter } from '@microsoft/teams-ai';
import type { Activity, CloudAdapter, InvokeResponse, TurnContext } from 'botbuilder';
import type { Logger } from '../../src/log.js';
import { personId, referenceId, tenantOf } from './ids.js';

/** What botbuilder's CloudAdapter hands its turn: the Authorization header, or the result of checking it. */
type Authorization = Parameters<CloudAdapter['processActivityDirect']>[0];

/** Why an activity is turned away before any route sees it, as the HTTP answer. */
export interface Refusal {
  status: 400 | 403;
  reason: string;
}

/** What the edge checks an activity against. */
export interface EdgeRules {
  /** The tenant that owns a conversation the bot knows, if any. */
  ownerOf(conversationId: string): string | null;
}

/**
 * Whether an activity may be handled, decided before anything is stored or run. Every reply and proactive
 * message goes to the activity's service URL; without one, botbuilder would send to api.botframework.com.
 * The core's workspace is the tenant and its person the sender, so both must be there. A conversation
 * belongs to the tenant first heard in it, and another tenant's activity there is refused: it would replace
 * the tenant's reference, service URL included, and the tenant's reminders would go where it said.
 */
export function screen(activity: Partial<Activity>, rules: EdgeRules): Refusal | null {
  if (!isText(activity.serviceUrl)) return { status: 400, reason: 'the activity has no serviceUrl' };
  const tenant = tenantOf(activity);
  if (!isText(tenant)) return { status: 400, reason: 'the activity has no tenant id' };
  if (!isText(personId(activity.from))) return { status: 400, reason: 'the activity has no sender (from.id or from.aadObjectId)' };
  if (!isText(activity.conversation?.id)) return { status: 400, reason: 'the activity has no conversation id' };
  const owner = rules.ownerOf(referenceId(activity));
  if (owner !== null && owner !== tenant) return { status: 403, reason: 'the conversation belongs to another tenant' };
  return null;
}

const isText = (v: unknown): v is string => typeof v === 'string' && v !== '';

/**
 * teams-ai's TeamsAdapter with the bot's edge at the one point where both the activity and its verified token
 * are known: after botbuilder authenticates the request, before a turn starts. A refused activity is answered
 * with its status and never reaches a route, so nothing is stored and no command runs.
 */
export class TeamsEdgeAdapter extends TeamsAdapter {
  constructor(
    settings: ConstructorParameters<typeof TeamsAdapter>[0],
    credentials: ConstructorParameters<typeof TeamsAdapter>[1],
    private readonly rules: EdgeRules,
    private readonly log: Logger,
  ) {
    super(settings, credentials);
  }

  protected override async processActivity(
    authorization: Authorization,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    const authenticated =
      typeof authorization === 'string'
        ? await this.botFrameworkAuthentication.authenticateRequest(activity, authorization)
        : authorization;
    const refusal = screen(activity, this.rules);
    if (refusal) return this.#refuse(activity, refusal);
    return super.processActivity(authenticated, activity, logic);
  }

  #refuse(activity: Partial<Activity>, refusal: Refusal): InvokeResponse {
    this.log.warn({ adapter: 'teams', status: refusal.status, reason: refusal.reason, activity: activity.type }, 'teams activity refused');
    return { status: refusal.status, body: refusal.reason };
  }
}
