import type { Block, Span, Text, View } from './view.js';

/** LEFT-TO-RIGHT ISOLATE and POP DIRECTIONAL ISOLATE (Unicode bidi algorithm, UAX #9). */
export const LRI = '\u2066';
export const PDI = '\u2069';

/**
 * A run of left-to-right ASCII text: commands (`/plc lang <en|de>`), dates, times, `#12`, URLs, names. It starts and
 * ends with a character that has a direction of its own or opens/closes a placeholder, so the neutral characters
 * around it (spaces, an Arabic comma, a full stop) stay outside and take the paragraph's direction.
 */
const LTR_RUN = /[A-Za-z0-9#/<[(][\x20-\x7e]*[A-Za-z0-9>\])]|[A-Za-z0-9]/g;

/**
 * Wraps every left-to-right ASCII run of `s` in an isolate. In a right-to-left paragraph the bidi algorithm
 * would otherwise reorder a run's brackets and bars against the Arabic around it (`plc help <command>` shows as
 * `>plc help <command`); inside an isolate the run is laid out left to right as one unit, in its place.
 */
export function isolateRuns(s: string): string {
  // Text isolated once already (a refusal the core wrote for a form) is left as it is.
  if (s.includes(LRI)) return s;
  return s.replace(LTR_RUN, (run) => `${LRI}${run}${PDI}`);
}

/** Inline text with its code isolated: plain parts run by run, a command span whole (its placeholders may be Arabic). */
export function isolateText(t: Text): Text {
  if (typeof t === 'string') return isolateRuns(t);
  return t.flatMap((span): Span[] => {
    if (typeof span === 'string') return [isolateRuns(span)];
    if ('command' in span) return [LRI, span, PDI];
    return [span];
  });
}

const isolateOptional = (s: string | undefined) => (s === undefined ? s : isolateRuns(s));

function isolateBlock(b: Block): Block {
  switch (b.type) {
    case 'heading':
    case 'text':
    case 'context':
      return { ...b, text: isolateText(b.text) };
    case 'fields':
      return { ...b, fields: b.fields.map((f) => ({ label: isolateRuns(f.label), value: isolateText(f.value) })) };
    case 'list':
      return { ...b, items: b.items.map(isolateText) };
    case 'form':
      // Labels and errors are shown as text; titles, button labels and choices are plain-text widgets on every
      // platform, laid out by the client on their own.
      return {
        ...b,
        form: { ...b.form, fields: b.form.fields.map((f) => ({ ...f, label: isolateRuns(f.label), error: isolateOptional(f.error) })) },
      };
    default:
      return b;
  }
}

/**
 * A view as it is shown: in a right-to-left view every code run is wrapped in directional isolates (U+2066 …
 * U+2069), so commands, dates and `#n` keep their order in Arabic. Every renderer (console, Slack, Teams) calls it
 * first. A left-to-right view is returned as it is: its code runs already go the paragraph's way, and the
 * invisible characters would only cost bytes and show as boxes where a client or terminal cannot draw them.
 * Input strips the isolates again (`withoutDisplayMarks`), so a command copied from a message runs as shown.
 */
export function isolateCode(v: View): View {
  if (v.dir !== 'rtl') return v;
  let done = isolated.get(v);
  if (!done) {
    done = { ...v, blocks: v.blocks.map(isolateBlock) };
    isolated.set(v, done);
  }
  return done;
}

// Views are immutable and some (help) are shared between answers: isolate each once.
const isolated = new WeakMap<View, View>();
