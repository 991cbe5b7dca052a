import { createRequire } from 'node:module';
import { MAX_ROW_ACTIONS } from '../../adapters/teams/render.js';
import { TEAMS_MESSAGE_LIMIT } from '../../adapters/teams/size.js';

// The package's ES build imports its own files without extensions, which Node cannot resolve; its UMD bundle
// loads as CommonJS. Parsing and validating need no DOM (only rendering does), so no DOM package is installed.
const AC = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js');

// biome-ignore lint/suspicious/noExplicitAny: cards are read as the plain JSON Teams receives.
type Json = any;

/**
 * The parts of Microsoft's Teams light host config (AdaptiveCards repo, samples/HostConfig/microsoft-teams-light.json)
 * that decide what parses: interactivity on, and Teams' six actions.
 */
const teamsLight = new AC.HostConfig({
  supportsInteractivity: true,
  fontFamily: "'Segoe UI', system-ui, sans-serif",
  actions: { maxActions: MAX_ROW_ACTIONS, buttonSpacing: 8, showCard: { actionMode: 'Inline' }, actionsOrientation: 'Horizontal' },
});

/** Every element of a card, containers opened. */
function elements(card: Json): Json[] {
  const out: Json[] = [];
  const walk = (el: Json) => {
    out.push(el);
    for (const child of [...(el?.items ?? []), ...(el?.columns ?? [])]) walk(child);
  };
  for (const el of card?.body ?? []) walk(el);
  return out;
}

/**
 * What is wrong with a card for Teams: the renderer's parse and validation warnings against schema 1.5, and
 * the Teams rules the project keeps itself (six actions in a row, an errorMessage on every required input, alt
 * text on every image).
 */
export function cardProblems(card: Json): string[] {
  const problems: string[] = [];
  const parsed = new AC.AdaptiveCard();
  parsed.hostConfig = teamsLight;
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  parsed.parse(card, context);
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const event of parsed.validateProperties().validationEvents) problems.push(`validate: ${event.message}`);
  if (card.version !== '1.5') problems.push(`version ${card.version}`);
  for (const el of elements(card)) {
    if (el.type === 'ActionSet' && el.actions.length > MAX_ROW_ACTIONS) problems.push(`${el.actions.length} actions in a row`);
    if (typeof el.type === 'string' && el.type.startsWith('Input.') && el.isRequired && !el.errorMessage)
      problems.push(`required input ${el.id} without errorMessage`);
    // A screen reader reads the alt text, and a client that cannot load the image shows nothing else.
    if (el.type === 'Image' && !(typeof el.altText === 'string' && el.altText.trim())) problems.push(`image ${el.url} without altText`);
  }
  return problems;
}

/** What is wrong with an activity the bot sent to Teams: its cards' problems, and its size past the limit. */
export function activityProblems(activity: Json): string[] {
  const problems: string[] = [];
  const bytes = Buffer.byteLength(JSON.stringify(activity), 'utf8');
  if (bytes > TEAMS_MESSAGE_LIMIT) problems.push(`${bytes} bytes, past the ${TEAMS_MESSAGE_LIMIT}-byte Teams limit`);
  for (const a of activity?.attachments ?? [])
    if (a.contentType === 'application/vnd.microsoft.card.adaptive') problems.push(...cardProblems(a.content));
  return problems;
}
