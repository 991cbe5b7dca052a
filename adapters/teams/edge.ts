import { TeamsAdapter } from '@microsoft/teams-ai';
import type { Activity, CloudAdapter, InvokeResponse, TurnContext } from 'botbuilder';
import type { Logger } from '../../src/log.js';
import { personId, referenceId, tenantOf } from './ids.js';

/** What botbuilder's CloudAdapter hands its turn: the Authorization header, or the result of checking it. */
type Authorization = Parameters<CloudAdapter['processActivityDirect']>[0];
type Authenticated = Exclude<Authorization, string>;
/** The verified claims of the request's token (none when authentication is off). */
export type Claims = Pick<Authenticated['claimsIdentity'], 'getClaimValue'>;

/** Why an activity is turned away before any route sees it, as the HTTP answer. */
export interface Refusal {
  status: 400 | 401 | 403;
  reason: string;
}

/** What the edge checks an activity against. */
export interface EdgeRules {
  /** Whether requests carry a verified Bot Framework token (MICROSOFT_APP_ID is set). */
  authenticated: boolean;
  /** The hosts a service URL may name when authenticated (TEAMS_SERVICE_URL_HOSTS). */
  serviceUrlHosts: readonly string[];
  /** The tenant that owns a conversation the bot knows, if any. */
  ownerOf(conversationId: string): string | null;
}

/** The token claim naming the Bot Connector the token was issued for (botframework-connector's ServiceUrlClaim). */
const SERVICE_URL_CLAIM = 'serviceurl';

/**
 * Whether an activity may be handled, decided before anything is stored or run.
 * - Replies and proactive messages go to the activity's service URL, with the bot's own token. Without one,
 *   botbuilder would send to api.botframework.com; with authentication on, it must be the URL named by the
 *   token Microsoft signed, on a Bot Connector host.
 * - The core's workspace is the tenant and its person the sender: both must be there.
 * - A conversation belongs to the tenant first heard in it. Another tenant's activity there would replace
 *   its reference, service URL included, and the tenant's reminders would go where it said: it is refused.
 */
export function screen(activity: Partial<Activity>, claims: Claims, rules: EdgeRules): Refusal | null {
  const serviceUrl = activity.serviceUrl;
  if (!isText(serviceUrl)) return { status: 400, reason: 'the activity has no serviceUrl' };
  const tenant = tenantOf(activity);
  if (!isText(tenant)) return { status: 400, reason: 'the activity has no tenant id' };
  if (!isText(personId(activity.from))) return { status: 400, reason: 'the activity has no sender (from.id or from.aadObjectId)' };
  if (!isText(activity.conversation?.id)) return { status: 400, reason: 'the activity has no conversation id' };
  if (rules.authenticated) {
    // botbuilder compares the claim only for channel tokens; an Emulator or skill token carries none.
    if (claims.getClaimValue(SERVICE_URL_CLAIM) !== serviceUrl)
      return { status: 401, reason: 'the serviceUrl is not the one the token was issued for' };
    if (!trustedServiceUrl(serviceUrl, rules.serviceUrlHosts))
      return { status: 403, reason: 'the serviceUrl is not on a Bot Framework service host' };
  }
  const owner = rules.ownerOf(referenceId(activity));
  if (owner !== null && owner !== tenant) return { status: 403, reason: 'the conversation belongs to another tenant' };
  return null;
}

const isText = (v: unknown): v is string => typeof v === 'string' && v !== '';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Whether a service URL names one of the hosts, exactly (anyone can register a name under trafficmanager.net),
 * over https on its default port; a listed loopback host may be plain http on any port, as a local double is.
 */
export function trustedServiceUrl(serviceUrl: string, hosts: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return false;
  }
  const host = url.hostname.toLowerCase();
  if (!hosts.includes(host) || url.username || url.password) return false;
  if (LOOPBACK.has(host)) return url.protocol === 'https:' || url.protocol === 'http:';
  return url.protocol === 'https:' && url.port === '';
}

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
    const authenticated = typeof authorization === 'string' ? await this.#authenticate(activity, authorization) : authorization;
    if (authenticated instanceof Error)
      return this.#refuse(activity, { status: 401, reason: 'the request is not authenticated' }, authenticated);
    const refusal = screen(activity, authenticated.claimsIdentity, this.rules);
    if (refusal) return this.#refuse(activity, refusal);
    return super.processActivity(authenticated, activity, logic);
  }

  /**
   * botbuilder's check of the token, its failure returned rather than thrown: botbuilder itself answers 500 to
   * some tokens it cannot verify (a bad signature, not valid yet), and each of them is a 401.
   */
  async #authenticate(activity: Activity, header: string): Promise<Authenticated | Error> {
    try {
      return await this.botFrameworkAuthentication.authenticateRequest(activity, header);
    } catch (err) {
      return err instanceof Error ? err : new Error(String(err));
    }
  }

  #refuse(activity: Partial<Activity>, refusal: Refusal, err?: Error): InvokeResponse {
    this.log.warn(
      { adapter: 'teams', status: refusal.status, reason: refusal.reason, activity: activity.type, error: err?.message },
      'teams activity refused',
    );
    return { status: refusal.status, body: refusal.reason };
  }
}
