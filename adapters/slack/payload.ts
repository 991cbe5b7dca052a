/** Interactivity payloads: each is sent by a person, who must be named with their team. */
const INTERACTIONS = new Set([
  'block_actions',
  'block_suggestion',
  'view_submission',
  'view_closed',
  'shortcut',
  'message_action',
  'interactive_message',
  'dialog_submission',
  'dialog_suggestion',
  'dialog_cancellation',
]);

type Fields = Record<string, unknown>;

const isObject = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);
const named = (v: unknown): v is string => typeof v === 'string' && v !== '';

/**
 * Why a parsed body cannot be one Slack sends, or null when it can: an object that is a slash command or
 * has a `type`; a command or an interaction names its person and team (every command runs as someone, in
 * a workspace); an event carries its event; a view payload its view. Bolt reads these fields unchecked.
 */
export function payloadProblem(body: unknown): string | null {
  if (!isObject(body)) return 'the body is not an object';
  if ('command' in body) {
    if (typeof body.command !== 'string') return 'a slash command that names no command';
    return named(body.team_id) && named(body.user_id) ? null : 'a slash command without its team or user';
  }
  const { type } = body;
  if (!named(type)) return 'a body with no type';
  if (type === 'event_callback') return isObject(body.event) ? null : 'an event callback without its event';
  if (!INTERACTIONS.has(type)) return null;
  const { user, team } = body;
  if (!isObject(user) || !named(user.id)) return `${type} without its user`;
  // With an org-wide install Slack sends `team: null`; the person's own team is the workspace then.
  if (!named((isObject(team) ? team.id : undefined) ?? user.team_id)) return `${type} without its team`;
  if (type.startsWith('view_') && !isObject(body.view)) return `${type} without its view`;
  if (type === 'block_actions' && !Array.isArray(body.actions)) return 'block_actions without its actions';
  return null;
}
