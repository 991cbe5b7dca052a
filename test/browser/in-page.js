// Runs in Chromium beside Microsoft's adaptivecards bundle (the page's `AdaptiveCards`): renders one card into
// #card and measures what a person sees of it. Plain browser JavaScript, so the Node side's types stay DOM-free.

/** Characters nobody sees: zero-width spaces and joiners, the word joiner, directional isolates and marks. */
const INVISIBLE = /[\u200b-\u200f\u2060\u2066-\u2069\ufeff]/g;

/**
 * Teams draws each `<at>…</at>` of a card's mention entities as the person's name; adaptivecards knows nothing
 * of them, so the page does that part of the host's work before rendering.
 */
function withMentionsDrawn(card) {
  let json = JSON.stringify(card);
  for (const e of card.msteams?.entities ?? []) {
    if (e?.type !== 'mention' || typeof e.text !== 'string') continue;
    const inJson = (s) => JSON.stringify(s).slice(1, -1);
    json = json.split(inJson(e.text)).join(inJson(String(e.mentioned?.name ?? '')));
  }
  return JSON.parse(json);
}

/** Every element with text of its own that is cut off, or that sticks out of the card. */
function overflowsOf(el) {
  const box = el.getBoundingClientRect();
  const out = [];
  if (el.scrollWidth > el.clientWidth + 1) out.push(`card: scrolls sideways (${el.scrollWidth} > ${el.clientWidth})`);
  for (const node of el.querySelectorAll('*')) {
    const own = Array.from(node.childNodes)
      .filter((n) => n.nodeType === Node.TEXT_NODE)
      .map((n) => n.textContent)
      .join('')
      .trim();
    if (!own || node.closest('select') || !node.checkVisibility()) continue;
    const what = `${node.tagName.toLowerCase()}: ${own.replace(INVISIBLE, '').slice(0, 60)}`;
    if (node.clientWidth > 0 && node.scrollWidth > node.clientWidth + 1) out.push(`${what} (cut off)`);
    const r = node.getBoundingClientRect();
    if (r.width > 0 && (r.right > box.right + 1 || r.left < box.left - 1)) out.push(`${what} (outside the card)`);
  }
  return out;
}

/**
 * Code (a command, a placeholder, a date: a run of left-to-right text) is drawn correctly when, along each
 * line, its characters go left to right in their logical order. A run that ends by opening a bracket, a
 * mention or a number sign hands that character to the right-to-left word after it, where it belongs.
 */
function scrambledIn(el) {
  const out = [];
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const s = n.textContent;
    for (const m of s.matchAll(/[\x21-\x7e](?:[\x20-\x7e\u200b]*[\x21-\x7e])?/g)) {
      const run = m[0].replace(/[\s.,;:!?\\[<(#@]+$/, '');
      if (!/[A-Za-z0-9]{2}/.test(run)) continue;
      const at = [];
      for (let i = m.index; i < m.index + run.length; i++) {
        if (/[\s\u200b]/.test(s[i])) continue;
        const range = document.createRange();
        range.setStart(n, i);
        range.setEnd(n, i + 1);
        const r = range.getBoundingClientRect();
        at.push({ x: r.left + r.width / 2, top: Math.round(r.top) });
      }
      if (at.some((p, k) => k > 0 && Math.abs(p.top - at[k - 1].top) < 3 && p.x < at[k - 1].x)) out.push(run.replace(INVISIBLE, ''));
    }
  }
  return out;
}

/** The card's images, with their alt text and whether they are drawn inside it. */
function imagesOf(el) {
  const box = el.getBoundingClientRect();
  return Array.from(el.querySelectorAll('img')).map((img) => {
    const r = img.getBoundingClientRect();
    const alt = img.getAttribute('alt') ?? '';
    const problem = !alt.trim()
      ? `image ${img.src} has no alt text`
      : r.right > box.right + 1 || r.left < box.left - 1
        ? `image “${alt}” is outside the card`
        : null;
    return { alt, src: img.src, problem };
  });
}

/** Renders the card with the host config and answers what test/browser/card-page.ts calls `Rendered`. */
window.plcRender = (card, hostConfig) => {
  const ac = new AdaptiveCards.AdaptiveCard();
  ac.hostConfig = new AdaptiveCards.HostConfig(hostConfig);
  const context = new AdaptiveCards.SerializationContext();
  ac.parse(withMentionsDrawn(card), context);
  const parseEvents = [];
  for (let i = 0; i < context.eventCount; i++) parseEvents.push(String(context.getEventAt(i).message));
  const root = document.getElementById('card');
  root.replaceChildren(ac.render());
  const el = root.firstElementChild;
  return {
    text: el.innerText.replace(INVISIBLE, ''),
    width: el.getBoundingClientRect().width,
    direction: getComputedStyle(el).direction,
    overflows: overflowsOf(el),
    scrambled: scrambledIn(el),
    images: imagesOf(el),
    parseEvents,
  };
};

/** Whether a choice shown as a button or label is on the card, inside it and not cut off: why not, or null. */
window.plcChoiceShown = (choice) => {
  const card = document.querySelector('#card > *');
  const box = card.getBoundingClientRect();
  const all = card.querySelectorAll('button, [role=button], label, [role=radio], [role=checkbox], div, span');
  const hit = Array.from(all).find((e) => e.innerText.replace(INVISIBLE, '').trim() === choice && e.checkVisibility());
  if (!hit) return `“${choice}” is not on the card`;
  const r = hit.getBoundingClientRect();
  if (r.left < box.left - 1 || r.right > box.right + 1) return `“${choice}” is outside the card`;
  const cut = [hit, ...hit.querySelectorAll('*')].some((e) => e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1);
  return cut ? `“${choice}” is cut off` : null;
};
