// biome-ignore lint/suspicious/noExplicitAny: payloads are read as the plain JSON Slack receives.
type Json = any;

/** Where Block Kit blocks are shown; the block limit differs. */
export type Surface = 'message' | 'modal' | 'home';

/**
 * Block Kit's documented limits (docs.slack.dev, "Block Kit" reference: blocks, block elements, composition
 * objects, views). Slack refuses a payload past any of them with `invalid_blocks`, or cuts the text.
 */
export const LIMITS = {
  blocks: { message: 50, modal: 100, home: 100 },
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  id: 255,
  modalTitle: 24,
  modalButton: 24,
  contextElements: 10,
  actionsElements: 25,
  optionText: 75,
  selectOptions: 100,
  inputLabel: 2000,
  imageUrl: 3000,
  imageAlt: 2000,
} as const;

const length = (s: unknown): number => (typeof s === 'string' ? Array.from(s).length : 0);

/** What is wrong with a list of blocks shown on `surface`; each problem names the block it is in. */
export function blocksProblems(blocks: Json[], surface: Surface): string[] {
  const problems: string[] = [];
  const say = (i: number, what: string) => problems.push(`block ${i} (${blocks[i]?.type}): ${what}`);
  if (blocks.length > LIMITS.blocks[surface]) problems.push(`${blocks.length} blocks, over the ${LIMITS.blocks[surface]} of a ${surface}`);
  const blockIds = new Set<string>();
  const actionIds = new Set<string>();
  const checkId = (i: number, kind: string, id: unknown, seen: Set<string>) => {
    if (id === undefined) return;
    if (length(id) > LIMITS.id) say(i, `${kind} of ${length(id)} characters, over ${LIMITS.id}`);
    if (seen.has(id as string)) say(i, `${kind} ${id} used twice`);
    seen.add(id as string);
  };
  const checkElement = (i: number, el: Json) => {
    checkId(i, 'action_id', el?.action_id, actionIds);
    if (el?.type === 'button') {
      if (length(el.text?.text) > LIMITS.buttonText)
        say(i, `button text of ${length(el.text?.text)} characters, over ${LIMITS.buttonText}`);
      if (length(el.value) > LIMITS.buttonValue) say(i, `button value of ${length(el.value)} characters, over ${LIMITS.buttonValue}`);
    }
    const options: Json[] = el?.options ?? [];
    if (el?.type === 'static_select' && options.length > LIMITS.selectOptions)
      say(i, `${options.length} options, over ${LIMITS.selectOptions}`);
    for (const o of options)
      if (length(o?.text?.text) > LIMITS.optionText) say(i, `option text of ${length(o.text.text)} characters, over ${LIMITS.optionText}`);
  };
  blocks.forEach((b, i) => {
    checkId(i, 'block_id', b?.block_id, blockIds);
    switch (b?.type) {
      case 'section':
        if (length(b.text?.text) > LIMITS.sectionText) say(i, `text of ${length(b.text.text)} characters, over ${LIMITS.sectionText}`);
        if ((b.fields ?? []).length > LIMITS.sectionFields) say(i, `${b.fields.length} fields, over ${LIMITS.sectionFields}`);
        for (const f of b.fields ?? [])
          if (length(f?.text) > LIMITS.fieldText) say(i, `field of ${length(f.text)} characters, over ${LIMITS.fieldText}`);
        if (b.accessory) checkElement(i, b.accessory);
        break;
      case 'header':
        if (length(b.text?.text) > LIMITS.headerText) say(i, `header of ${length(b.text.text)} characters, over ${LIMITS.headerText}`);
        break;
      case 'context':
        if ((b.elements ?? []).length > LIMITS.contextElements) say(i, `${b.elements.length} elements, over ${LIMITS.contextElements}`);
        for (const el of b.elements ?? [])
          if (length(el?.text) > LIMITS.sectionText) say(i, `context text of ${length(el.text)} characters, over ${LIMITS.sectionText}`);
        break;
      case 'actions':
        if ((b.elements ?? []).length > LIMITS.actionsElements) say(i, `${b.elements.length} elements, over ${LIMITS.actionsElements}`);
        for (const el of b.elements ?? []) checkElement(i, el);
        break;
      case 'image':
        if (!length(b.image_url)) say(i, 'image without image_url');
        if (length(b.image_url) > LIMITS.imageUrl) say(i, `image_url of ${length(b.image_url)} characters, over ${LIMITS.imageUrl}`);
        if (!length(b.alt_text?.trim?.())) say(i, 'image without alt_text');
        if (length(b.alt_text) > LIMITS.imageAlt) say(i, `alt_text of ${length(b.alt_text)} characters, over ${LIMITS.imageAlt}`);
        break;
      case 'input':
        if (length(b.label?.text) > LIMITS.inputLabel) say(i, `label of ${length(b.label.text)} characters, over ${LIMITS.inputLabel}`);
        if (b.element) checkElement(i, b.element);
        break;
      default:
        break;
    }
  });
  return problems;
}

/** What is wrong with a modal or home view: its blocks, and a modal's title and buttons. */
export function viewProblems(view: Json): string[] {
  const surface: Surface = view?.type === 'home' ? 'home' : 'modal';
  const problems = blocksProblems(view?.blocks ?? [], surface);
  if (surface === 'modal') {
    for (const key of ['title', 'submit', 'close'] as const) {
      const max = key === 'title' ? LIMITS.modalTitle : LIMITS.modalButton;
      if (length(view?.[key]?.text) > max)
        problems.push(`modal ${key} “${view[key].text}” of ${length(view[key].text)} characters, over ${max}`);
    }
  }
  return problems;
}

/** Methods whose body is a message with blocks. */
const MESSAGE_METHODS = new Set(['ack', 'respond', 'chat.postMessage', 'chat.postEphemeral', 'chat.update', 'chat.scheduleMessage']);
/** Methods whose body carries a view (a modal, or the App Home). */
const VIEW_METHODS = new Set(['views.open', 'views.update', 'views.push', 'views.publish']);

/** What is wrong with one call the bot made to Slack (or one ack it answered with); nothing for calls without blocks. */
export function slackCallProblems(method: string, body: Json): string[] {
  if (MESSAGE_METHODS.has(method)) return Array.isArray(body?.blocks) ? blocksProblems(body.blocks, 'message') : [];
  if (VIEW_METHODS.has(method)) return viewProblems(body?.view);
  return [];
}
