import { z } from 'zod/v4';

/**
 * The shape Bolt needs a request body to have before any listener runs. Bolt reads a body's kind, team,
 * user and channel on its own (`processEvent`), and a field of another type there (`user: null`,
 * `actions: true`, `event: "x"`) throws inside Bolt: a 500, or an error no listener sees. A signed body is
 * Slack's, and Slack never sends those; checking the few fields Bolt reads turns them into a 400 instead.
 */

const object = z.looseObject({});
const text = z.string();

/** What Bolt reads of a block action, an options request, a shortcut or a modal's submission. */
const interaction = z.looseObject({
  user: z.looseObject({ id: text, team_id: text.nullish() }),
  // Null for an org-wide install, as Slack sends it.
  team: z.looseObject({ id: text.nullish(), enterprise_id: text.nullish() }).nullish(),
  enterprise: z.looseObject({ id: text }).nullish(),
  channel: z.looseObject({ id: text.optional() }).optional(),
  // Listeners match on these ids, as text.
  actions: z.array(z.looseObject({ action_id: text.optional(), block_id: text.optional() })).optional(),
  view: object.optional(),
  response_urls: z.array(z.looseObject({ response_url: text })).optional(),
  function_data: object.optional(),
});

/** What Bolt reads of an Events API delivery: the event's kind, its user, channel and item, and the authorizations. */
const eventEnvelope = z.looseObject({
  event: z.looseObject({
    type: text,
    user: z.union([text, z.looseObject({ id: text.optional() })]).optional(),
    channel: z.union([text, object]).optional(),
    item: object.optional(),
    subteam: object.optional(),
  }),
  // Bolt takes the team (and so the context's teamId) from the first authorization, else from team_id.
  authorizations: z.array(z.looseObject({ team_id: text.nullish(), enterprise_id: text.nullish() })).optional(),
  team_id: text.optional(),
  function_data: object.optional(),
});

const command = z.looseObject({ command: text, team_id: text.optional(), user_id: text.optional(), channel_id: text.optional() });

/** The body kinds Bolt reads as interactions (its Action, Options, Shortcut and ViewAction types). */
const INTERACTIONS = new Set([
  'block_actions',
  'block_suggestion',
  'interactive_message',
  'dialog_submission',
  'dialog_suggestion',
  'workflow_step_edit',
  'shortcut',
  'message_action',
  'view_submission',
  'view_closed',
]);

/**
 * Why Bolt could not read a request body, or null when it can. Bodies of no kind Bolt knows pass: Bolt calls
 * no listener for them, and the receiver refuses them itself.
 */
export function unreadableBody(body: unknown): string | null {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return null;
  const b = body as Record<string, unknown>;
  const schema =
    b.event !== undefined
      ? eventEnvelope
      : b.command !== undefined
        ? command
        : b.actions !== undefined || b.name !== undefined || INTERACTIONS.has(b.type as string)
          ? interaction
          : null;
  const parsed = schema?.safeParse(body);
  if (!parsed || parsed.success) {
    // A modal's submission is read from its view, which must be there.
    if ((b.type === 'view_submission' || b.type === 'view_closed') && !object.safeParse(b.view).success)
      return 'a view payload without its view';
    return null;
  }
  const issue = parsed.error.issues[0];
  return `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'unreadable'}`;
}

/** What Bolt answers itself, with no listener: Slack's URL and certificate checks, and its rate-limit notice. */
const RECEIVER_KINDS = new Set(['url_verification', 'app_rate_limited']);

/**
 * Whether Bolt can tell what kind of request a body is (an event, a command, an interaction) or answers it
 * itself. A body of no kind reaches no listener, so nothing would ack it and Bolt would answer 404 three seconds
 * later: the guard refuses it at once instead.
 */
export function hasKind(body: unknown): boolean {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return false;
  const b = body as Record<string, unknown>;
  return (
    b.event !== undefined ||
    b.command !== undefined ||
    b.actions !== undefined ||
    b.name !== undefined ||
    b.ssl_check !== undefined ||
    INTERACTIONS.has(b.type as string) ||
    RECEIVER_KINDS.has(b.type as string)
  );
}
