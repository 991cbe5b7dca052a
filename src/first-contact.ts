import type { Delivery } from './grammar/command.js';
import type { Locale } from './i18n/locales.js';
import { t, tr } from './i18n/translate.js';
import type { Plan } from './scheduler/fan-out.js';
import { prepared } from './store/db.js';
import type { Store } from './store/store.js';
import { isAwayAt, type User } from './store/users.js';
import { divider, heading, list, text, view } from './views/build.js';
import type { Block, View } from './views/view.js';

/**
 * First contact. The first message the bot addresses to a person (the answer to their first command, or a DM: a
 * prompt, a pairing, a check-in ask, a digest) opens with a few lines about the bot, in that message's language:
 * what it does, that peer observation is never evaluative, who sees what, and `privacy` and `pause until`. It is a
 * preamble of that message, never a message of its own, so it cannot arrive without the message or after it; the
 * one exception is an answer others read (a command typed in a Teams channel), where the introduction goes to the
 * person's direct messages instead. Channel posts to everyone never carry it.
 *
 * It is decided where a message finds its person, in the core: the bot for a command's answers and the DMs it
 * causes, platform events for theirs, the scheduler at the moment a DM is sent (so a DM held by quiet hours
 * carries it only if it is still the first to go). A person deactivated or paused is written to by nobody, so is
 * not introduced. `users.introduced_at` records it, claimed with a guarded UPDATE inside the sender's write
 * transaction: once per person across double clicks, concurrent sends and processes. A scheduled message's key
 * is kept with it, so a retry of that same message carries the introduction again (it was never seen).
 */
export class FirstContact {
  constructor(private readonly store: Store) {}

  /**
   * Whether the message being sent to `person` is the one that introduces the bot, recording that it is: true once
   * per person, and again only for the scheduled message `key` that carried it (a retry). Inside a write transaction.
   */
  claim(person: Pick<User, 'id' | 'introducedAt'>, now: number, key: string | null): boolean {
    if (key === null && person.introducedAt != null) return false;
    const { db } = this.store;
    const row = prepared(db, 'SELECT introduced_at AS at, introduced_with AS key FROM users WHERE id = ?').get(person.id) as
      | { at: number | null; key: string | null }
      | undefined;
    // Gone (erased by forget-me meanwhile): nobody to introduce.
    if (!row) return false;
    if (row.at !== null) return key !== null && row.key === key;
    return (
      prepared(db, 'UPDATE users SET introduced_at = ?, introduced_with = ? WHERE id = ? AND introduced_at IS NULL').run(
        now,
        key,
        person.id,
      ).changes > 0
    );
  }

  /**
   * A command's or a platform event's messages with the introduction opening the first one addressed to each person
   * who has not had it. `asker` is who the `asker` answers go to (they hear it there, where they are looking), and
   * whether others read those answers (a Teams channel): then it goes to their direct messages instead.
   */
  introduce(deliveries: Delivery[], asker: { user: User; seenByOthers: boolean } | null, now: number): Delivery[] {
    const due = (asker && isStranger(asker.user)) || deliveries.some((d) => d.to === 'user' && isStranger(d.user));
    if (!due) return deliveries;
    return this.store.transaction(() => {
      const out = [...deliveries];
      const seen = new Set<number>();
      if (asker) {
        seen.add(asker.user.id);
        this.#introduceAsker(out, asker, now);
      }
      out.forEach((d, i) => {
        if (d.to !== 'user' || seen.has(d.user.id) || (isAwayAt(d.user, now) && !d.asked)) return;
        seen.add(d.user.id);
        if (this.claim(d.user, now, null)) out[i] = { ...d, view: withIntroduction(d.view) };
      });
      return out;
    });
  }

  #introduceAsker(out: Delivery[], asker: { user: User; seenByOthers: boolean }, now: number): void {
    const answer = out.findIndex((d) => d.to === 'asker');
    const direct = out.findIndex((d) => d.to === 'user' && d.user.id === asker.user.id && (d.asked || !isAwayAt(d.user, now)));
    if (answer < 0 && direct < 0) return;
    // Where others read the answer, the direct message the command sends them anyway carries it, else one of its own.
    const at = asker.seenByOthers || answer < 0 ? direct : answer;
    if (!this.claim(asker.user, now, null)) return;
    if (at >= 0) {
      const d = out[at] as Delivery;
      out[at] = { ...d, view: withIntroduction(d.view) };
      return;
    }
    const locale = (out[answer] as Delivery).view.locale;
    out.unshift({ to: 'user', user: asker.user, view: introduction(locale), asked: true });
  }

  /** A job's sends with the introduction opening each DM to a person who has not had it; `key` is the job's. */
  introduceSends(plan: Plan, key: string, now: number): Plan {
    if (!plan.sends.some((s) => s.person)) return plan;
    return {
      ...plan,
      sends: plan.sends.map((s) => (s.person && this.claim(s.person, now, key) ? { ...s, view: withIntroduction(s.view) } : s)),
    };
  }
}

/** The introduction's blocks in `locale`. */
export function introductionBlocks(locale: Locale): Block[] {
  return [
    heading(t(locale, 'intro.hello')),
    text(tr(locale, 'intro.what')),
    list([
      tr(locale, 'intro.observation'),
      tr(locale, 'intro.visibility'),
      tr(locale, 'intro.privacy', { command: { command: 'privacy' } }),
      // The usage as help shows it, its date placeholder in the person's language.
      tr(locale, 'intro.pause', { command: { command: t(locale, 'cmd.pause.usage') } }),
    ]),
  ];
}

/** The introduction as a message of its own: where the first answer is read by others. */
export function introduction(locale: Locale): View {
  return view(locale, introductionBlocks(locale));
}

/** `v` opened by the introduction in its own language, a divider between; its summary (the notification) stays its own. */
export function withIntroduction(v: View): View {
  return { ...v, blocks: [...introductionBlocks(v.locale), divider, ...v.blocks] };
}

/** Whether a person has not had the introduction yet. */
function isStranger(u: User): boolean {
  return u.introducedAt == null;
}
