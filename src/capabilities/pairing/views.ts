import type { Context } from '../../grammar/command.js';
import { quoteName } from '../../grammar/communities.js';
import { mention } from '../../grammar/people.js';
import { MAX_TEXT } from '../../grammar/text.js';
import type { MessageKey, ParamValue, Translator } from '../../i18n/translate.js';
import type { Community } from '../../store/communities.js';
import type { Store } from '../../store/store.js';
import type { User } from '../../store/users.js';
import { context, heading, list, text, view } from '../../views/build.js';
import { formatWhen } from '../../views/dates.js';
import type { Block, Button, Form, Text, View } from '../../views/view.js';
import { currentTeamGoal } from '../goals/index.js';
import { pairing, type Round, type Visit } from './store/index.js';

/** The focuses the observed teacher picks from; anything else is their own words. */
export const FOCUS_CHOICES = ['questioning', 'student-talk', 'feedback', 'differentiation', 'team-goal'] as const;
export type FocusChoice = (typeof FOCUS_CHOICES)[number];
/** The choice that means "my own words", in the form's menu. */
export const OWN_FOCUS = 'own';

const FOCUS_KEYS: Record<FocusChoice | typeof OWN_FOCUS, MessageKey> = {
  questioning: 'pairing.focus.questioning',
  'student-talk': 'pairing.focus.studentTalk',
  feedback: 'pairing.focus.feedback',
  differentiation: 'pairing.focus.differentiation',
  'team-goal': 'pairing.focus.teamGoal',
  own: 'pairing.focus.own',
};

export const refLabel = (ref: number): string => `#${ref}`;

/** `in <community> ` before a command that a button in a direct message runs, so it finds its community. */
export const scoped = (community: Community): string => `in ${quoteName(community.name)} `;

/** How long a team goal's text may be on a button (Block Kit allows 75 characters in all). */
const GOAL_ON_BUTTON = 50;

/** "Our team goal", with the community's current open team goal when it has one. */
function teamGoalLabel(i18n: Translator, store: Store, community: Community, short: boolean): string {
  const goal = currentTeamGoal(store, community.id);
  if (goal === null) return i18n.t('pairing.focus.teamGoal');
  const chars = [...goal];
  const shown = short && chars.length > GOAL_ON_BUTTON ? `${chars.slice(0, GOAL_ON_BUTTON - 1).join('')}…` : goal;
  return i18n.t('pairing.focus.teamGoalNamed', { goal: shown });
}

/**
 * A visit's focus in words: the chosen one, the observed teacher's own words, or both. "Our team goal" names the
 * community's current open team goal, read when the focus is shown.
 */
export function focusText(
  i18n: Translator,
  visit: Pick<Visit, 'focusChoice' | 'focusText'>,
  where: { store: Store; community: Community },
): string | null {
  if (!visit.focusChoice) return null;
  const choice =
    visit.focusChoice === OWN_FOCUS
      ? null
      : visit.focusChoice === 'team-goal'
        ? teamGoalLabel(i18n, where.store, where.community, false)
        : i18n.t(FOCUS_KEYS[visit.focusChoice as FocusChoice] ?? 'pairing.focus.own');
  if (choice && visit.focusText) return `${choice}: ${visit.focusText}`;
  return choice ?? visit.focusText;
}

/** The window's end as people read it, in the community's zone. */
export function windowEnd(i18n: Translator, community: Community, round: Round, now: number): string {
  return formatWhen(round.endsAt, community.tz, i18n.locale, now);
}

function person(store: Store, community: Community, id: number | null, cache?: Map<number, User>): ParamValue {
  const user = id === null ? null : (cache?.get(id) ?? store.users.get(community.workspaceId, id));
  return user ? (mention(user) as ParamValue) : '—';
}

/** The focus buttons and the form, for the observed teacher; "our team goal" names the current one. */
export function focusButtons(i18n: Translator, community: Community, store: Store): Block {
  const buttons: Button[] = FOCUS_CHOICES.map((c) => ({
    label: c === 'team-goal' ? teamGoalLabel(i18n, store, community, true) : i18n.t(FOCUS_KEYS[c]),
    command: `${scoped(community)}observe focus ${c}`,
  }));
  buttons.push({ label: i18n.t('pairing.focus.ownButton'), command: `${scoped(community)}observe focus` });
  return { type: 'actions', buttons };
}

/** The focus form: a menu of the usual focuses, and a line for one's own words. */
export function focusForm(i18n: Translator, community: Community): Form {
  return {
    id: 'observe-focus',
    title: i18n.t('pairing.focus.form.title'),
    fields: [
      {
        name: 'choice',
        label: i18n.t('pairing.focus.formChoice'),
        kind: 'select',
        required: true,
        options: [...FOCUS_CHOICES, OWN_FOCUS].map((c) => ({ value: c, label: i18n.t(FOCUS_KEYS[c as FocusChoice]) })),
      },
      { name: 'text', label: i18n.t('pairing.focus.formText'), kind: 'text', required: false, maxLength: MAX_TEXT },
    ],
    submitLabel: i18n.t('pairing.focus.formSubmit'),
    command: `${scoped(community)}observe focus -- {choice} {text}`,
  };
}

/** The feedback form: one glow, one grow, and optional descriptive notes. */
export function feedbackForm(i18n: Translator, community: Community, round: Round): Form {
  return {
    id: 'observe-feedback',
    title: i18n.t('pairing.feedback.form.title'),
    fields: [
      { name: 'glow', label: i18n.t('pairing.feedback.formGlow'), kind: 'multiline', required: true, maxLength: MAX_TEXT },
      { name: 'grow', label: i18n.t('pairing.feedback.formGrow'), kind: 'multiline', required: true, maxLength: MAX_TEXT },
      { name: 'notes', label: i18n.t('pairing.feedback.formNotes'), kind: 'multiline', required: false, maxLength: MAX_TEXT },
    ],
    submitLabel: i18n.t('pairing.feedback.formSubmit'),
    command: `${scoped(community)}observe feedback ${refLabel(round.ref)} -- glow: {glow} grow: {grow} notes: {notes}`,
  };
}

export const formView = (i18n: Translator, form: Form, lead: Block[] = []): View =>
  view(i18n.locale, [...lead, { type: 'form', form }], form.title);

/** Whom a person visits and who visits them in a round, in words. */
function partnersLine(
  store: Store,
  i18n: Translator,
  community: Community,
  out: Visit | null,
  inn: Visit | null,
  cache?: Map<number, User>,
): Text {
  if (out && inn && out.observedId === inn.observerId)
    return i18n.tr('pairing.partners.pair', { partner: person(store, community, out.observedId, cache) });
  if (out && inn)
    return i18n.tr('pairing.partners.trio', {
      visit: person(store, community, out.observedId, cache),
      visitor: person(store, community, inn.observerId, cache),
    });
  if (out) return i18n.tr('pairing.partners.visitOnly', { visit: person(store, community, out.observedId, cache) });
  if (inn) return i18n.tr('pairing.partners.visitorOnly', { visitor: person(store, community, inn.observerId, cache) });
  return i18n.t('pairing.partners.none');
}

/** The direct message that tells a person their part in a new round (or a changed one). */
export function roundDm(
  store: Store,
  i18n: Translator,
  community: Community,
  round: Round,
  user: User,
  cache: Map<number, User>,
  now: number,
  changed = false,
): View {
  const repo = pairing(store);
  const out = repo.visitBy(round.id, user.id);
  const inn = repo.visitTo(round.id, user.id);
  const blocks: Block[] = [
    heading(i18n.t(changed ? 'pairing.dm.changedTitle' : 'pairing.dm.title', { community: community.name, ref: refLabel(round.ref) })),
    text(partnersLine(store, i18n, community, out, inn, cache)),
    text(i18n.t('pairing.dm.window', { until: windowEnd(i18n, community, round, now) })),
  ];
  if (inn) {
    blocks.push(text(i18n.tr('pairing.dm.chooseFocus', { visitor: person(store, community, inn.observerId, cache) })));
    blocks.push(focusButtons(i18n, community, store));
  }
  blocks.push(context(i18n.t('pairing.dm.practice')));
  return view(i18n.locale, blocks);
}

export function leftOutView(i18n: Translator, community: Community, round: Round): View {
  return view(i18n.locale, [text(i18n.t('pairing.dm.leftOut', { community: community.name, ref: refLabel(round.ref) }))]);
}

/** What a person still has to do in a round, as lines. */
export function todoLines(i18n: Translator, community: Community, round: Round, out: Visit | null, inn: Visit | null, now: number): Text[] {
  const todo: Text[] = [];
  const scope = scoped(community);
  if (inn && !inn.focusChoice) todo.push(i18n.tr('pairing.todo.focus', { command: { command: `${scope}observe focus` } }));
  if (out && out.happened !== 'yes' && out.happened !== 'no') {
    todo.push(
      round.endsAt > now && out.happened === null
        ? i18n.tr('pairing.todo.visit', {})
        : i18n.tr('pairing.todo.happened', { command: { command: `${scope}observe happened yes|not-yet|no` } }),
    );
  }
  if (out && out.happened === 'yes' && !out.feedbackAt)
    todo.push(i18n.tr('pairing.todo.feedback', { command: { command: `${scope}observe feedback` } }));
  return todo;
}

/** One person's part in a round: partners, focus both ways, window, feedback received, and what is left to do. */
export function statusBlocks(ctx: Context, community: Community, round: Round): Block[] {
  const { store, i18n, actor, now } = ctx;
  const repo = pairing(store);
  const out = repo.visitBy(round.id, actor.id);
  const inn = repo.visitTo(round.id, actor.id);
  const blocks: Block[] = [heading(i18n.t('pairing.status.title', { community: community.name, ref: refLabel(round.ref) }))];
  if (!out && !inn) {
    blocks.push(text(i18n.t('pairing.status.notIn')));
    return blocks;
  }
  blocks.push(text(partnersLine(store, i18n, community, out, inn)));
  const fields: { label: string; value: Text }[] = [
    { label: i18n.t('pairing.status.window'), value: windowEnd(i18n, community, round, now) },
  ];
  if (out)
    fields.push({
      label: i18n.t('pairing.status.theirFocus'),
      value: focusText(i18n, out, { store, community }) ?? i18n.t('pairing.status.noFocus'),
    });
  if (inn)
    fields.push({
      label: i18n.t('pairing.status.myFocus'),
      value: focusText(i18n, inn, { store, community }) ?? i18n.t('pairing.status.noFocus'),
    });
  if (out?.happened)
    fields.push({ label: i18n.t('pairing.status.happened'), value: i18n.t(`pairing.happened.${out.happened}` as MessageKey) });
  blocks.push({ type: 'fields', fields });
  if (inn?.feedbackAt) blocks.push(...feedbackBlocks(i18n, 'pairing.status.feedbackFor', person(store, community, inn.observerId), inn));
  if (out?.feedbackAt) blocks.push(...feedbackBlocks(i18n, 'pairing.status.feedbackBy', person(store, community, out.observedId), out));
  const todo = todoLines(i18n, community, round, out, inn, now);
  blocks.push(todo.length ? list(todo) : text(i18n.t('pairing.status.nothingToDo')));
  return blocks;
}

/** Feedback as its two readers see it. */
export function feedbackBlocks(i18n: Translator, titleKey: MessageKey, who: ParamValue, visit: Visit): Block[] {
  const fields: { label: string; value: Text }[] = [
    { label: i18n.t('pairing.feedback.glow'), value: visit.glow ?? '' },
    { label: i18n.t('pairing.feedback.grow'), value: visit.grow ?? '' },
  ];
  if (visit.notes) fields.push({ label: i18n.t('pairing.feedback.notes'), value: visit.notes });
  return [text(i18n.tr(titleKey, { name: who })), { type: 'fields', fields }];
}
