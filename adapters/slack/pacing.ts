/** How fast the bot posts into one conversation: Slack allows about one message per second per channel. */
export interface PacingOptions {
  /** The sustained gap between posts to one channel. */
  intervalMs: number;
  /** How many posts may go out back to back before the gap applies (Slack tolerates short bursts). */
  burst: number;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** Told how long each post had to wait for its channel's pace (for the rate-limit metrics). */
  onWait?: (ms: number) => void;
}

export const defaultPacing: PacingOptions = {
  intervalMs: 1000,
  burst: 3,
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

interface Lane {
  tail: Promise<unknown>;
  tokens: number;
  at: number;
}

/**
 * A token bucket per channel with the posts queued in order: a burst of reminders to one channel is
 * spread out rather than rejected, so none is lost and their order is kept.
 */
export class ChannelPacer {
  readonly #lanes = new Map<string, Lane>();
  readonly #o: PacingOptions;

  constructor(options: Partial<PacingOptions> = {}) {
    this.#o = { ...defaultPacing, ...options };
  }

  /** Runs `post` when the channel's pace allows, after every post queued before it. */
  run<T>(channel: string, post: () => Promise<T>): Promise<T> {
    let lane = this.#lanes.get(channel);
    if (!lane) {
      lane = { tail: Promise.resolve(), tokens: this.#o.burst, at: this.#o.now() };
      this.#lanes.set(channel, lane);
    }
    const current = lane;
    const result = current.tail.then(async () => {
      await this.#take(current);
      return post();
    });
    current.tail = result.catch(() => {});
    return result;
  }

  async #take(lane: Lane): Promise<void> {
    const { intervalMs, burst, now, sleep } = this.#o;
    const refill = () => {
      const t = now();
      lane.tokens = Math.min(burst, lane.tokens + (t - lane.at) / intervalMs);
      lane.at = t;
    };
    refill();
    if (lane.tokens < 1) {
      const wait = (1 - lane.tokens) * intervalMs;
      this.#o.onWait?.(wait);
      await sleep(wait);
      refill();
      lane.tokens = Math.max(lane.tokens, 1);
    }
    lane.tokens -= 1;
  }
}
