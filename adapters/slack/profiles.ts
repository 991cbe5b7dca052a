import type { webApi } from '@slack/bolt';
import { isKnownZone } from '../../src/local-date.js';
import { slackErrorOf } from './errors.js';
import type { SlackProfile } from './receive.js';

type WebClient = webApi.WebClient;

interface Entry {
  at: number;
  profile: Promise<SlackProfile | null>;
  /** The answer once it has arrived, so a request can use it without waiting. */
  settled?: { value: SlackProfile | null };
}

/**
 * People's locale, time zone and name from `users.info` (`include_locale`), cached so a busy channel
 * costs one lookup per person per hour. Concurrent lookups of one person share one call.
 */
export class ProfileCache {
  readonly #entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs = 3_600_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The person's profile, from the cache or Slack; null when Slack cannot say or has no such user (the stored profile is kept). */
  get(client: WebClient, teamId: string, userId: string): Promise<SlackProfile | null> {
    const key = `${teamId}:${userId}`;
    const hit = this.#entries.get(key);
    if (hit && this.now() - hit.at < this.ttlMs) return hit.profile;
    const entry: Entry = { at: this.now(), profile: Promise.resolve(null) };
    entry.profile = fetchProfile(client, userId).then(
      (value) => {
        entry.settled = { value };
        return value;
      },
      () => {
        // A failed lookup is not remembered: the next command asks again.
        this.#entries.delete(key);
        return null;
      },
    );
    this.#entries.set(key, entry);
    if (this.#entries.size > 50_000) this.#entries.delete(this.#entries.keys().next().value as string);
    return entry.profile;
  }

  /** The cached profile if it is fresh and has arrived (null: Slack had none); undefined when it must be fetched. */
  peek(teamId: string, userId: string): SlackProfile | null | undefined {
    const hit = this.#entries.get(`${teamId}:${userId}`);
    return hit?.settled && this.now() - hit.at < this.ttlMs ? hit.settled.value : undefined;
  }

  /**
   * Whether Slack knows a person: their profile, `unknown` when Slack says there is no such user (remembered
   * like a profile), `unreachable` when Slack could not be asked (not remembered).
   */
  async lookup(client: WebClient, teamId: string, userId: string): Promise<SlackProfile | 'unknown' | 'unreachable'> {
    const profile = await this.get(client, teamId, userId);
    if (profile) return profile;
    // A settled null is Slack's own answer; a failed lookup leaves nothing to peek at.
    return this.peek(teamId, userId) === null ? 'unknown' : 'unreachable';
  }

  /** Forgets a person (their profile changed). */
  forget(teamId: string, userId: string): void {
    this.#entries.delete(`${teamId}:${userId}`);
  }
}

/** Slack's answers that mean there is no such person for this token: an id that was never a user here. */
const NO_SUCH_USER = new Set(['user_not_found', 'user_not_visible']);

async function fetchProfile(client: WebClient, userId: string): Promise<SlackProfile | null> {
  let res: Awaited<ReturnType<WebClient['users']['info']>>;
  try {
    res = await client.users.info({ user: userId, include_locale: true });
  } catch (e) {
    if (NO_SUCH_USER.has(slackErrorOf(e) ?? '')) return null;
    throw e;
  }
  const u = res.user;
  if (!u) return null;
  return {
    displayName: u.profile?.display_name || u.real_name || u.name || null,
    locale: u.locale ?? null,
    // A zone this machine's ICU does not know is as good as none: every local date is read in a known one.
    tz: u.tz && isKnownZone(u.tz) ? u.tz : null,
  };
}
