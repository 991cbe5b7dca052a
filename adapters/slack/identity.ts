import type { Logger } from '../../src/log.js';
import { fromWebApiError, isSlackAdapterError, SlackErrorCode } from './errors.js';

/** Who the bot is in its one workspace, as `auth.test` says. */
export interface BotIdentityResult {
  botUserId: string;
  botId: string | undefined;
  teamId: string | undefined;
}

/** What /healthz says about Slack: learned, still trying, Slack out of reach, or the token refused. */
export type IdentityStatus = 'ok' | 'connecting' | 'unreachable' | 'token rejected';

/** How long to wait between attempts: doubling from `minMs`, never past `maxMs`. */
export interface IdentityBackoff {
  minMs: number;
  maxMs: number;
}

export const IDENTITY_BACKOFF: IdentityBackoff = { minMs: 1_000, maxMs: 60_000 };

export interface BotIdentityOptions {
  /** One `auth.test` call, with no retries of its own: the backoff here does the retrying. */
  authTest: () => Promise<{ user_id?: string; bot_id?: string; team_id?: string }>;
  log: Logger;
  backoff?: IdentityBackoff;
}

/**
 * The bot's own identity in a single-workspace install, learned in the background rather than at start,
 * so the bot serves commands while Slack's Web API is out of reach. A refused token is logged at error
 * level the moment Slack says so and shows in /healthz; attempts go on (a token can be re-enabled), slowly.
 */
export class BotIdentity {
  #known: BotIdentityResult | null = null;
  #status: IdentityStatus = 'connecting';
  #attempt: Promise<BotIdentityResult | null> | null = null;
  #timer: NodeJS.Timeout | null = null;
  #delay: number;
  #stopped = false;
  readonly #backoff: IdentityBackoff;

  constructor(private readonly opts: BotIdentityOptions) {
    this.#backoff = opts.backoff ?? IDENTITY_BACKOFF;
    this.#delay = this.#backoff.minMs;
  }

  /** The identity if it is known; never waits. */
  get current(): BotIdentityResult | null {
    return this.#known;
  }

  get status(): IdentityStatus {
    return this.#status;
  }

  /**
   * The identity, asking Slack now if it is not known yet (joining an attempt under way); null when Slack
   * could not say, and then another attempt is already planned.
   */
  learn(): Promise<BotIdentityResult | null> {
    if (this.#known) return Promise.resolve(this.#known);
    if (this.#stopped) return Promise.resolve(null);
    if (!this.#attempt) {
      this.#attempt = this.#try().finally(() => {
        this.#attempt = null;
      });
    }
    return this.#attempt;
  }

  /** Stops retrying and waits for an attempt under way, so nothing outlives the adapter. */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    await this.#attempt;
  }

  async #try(): Promise<BotIdentityResult | null> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    try {
      const answer = await this.opts.authTest();
      if (!answer.user_id) throw new Error('auth.test named no bot user');
      this.#known = { botUserId: answer.user_id, botId: answer.bot_id, teamId: answer.team_id };
      this.#status = 'ok';
      this.opts.log.info({ botUserId: this.#known.botUserId, team: this.#known.teamId }, 'slack bot identity learned');
      return this.#known;
    } catch (e) {
      this.#failed(fromWebApiError(e, 'auth.test'));
      return null;
    }
  }

  #failed(err: Error): void {
    const rejected = isSlackAdapterError(err) && err.code === SlackErrorCode.Authentication;
    const status: IdentityStatus = rejected ? 'token rejected' : 'unreachable';
    // Said once per change, not on every retry, so a long outage does not flood the log.
    if (status !== this.#status) {
      if (rejected) this.opts.log.error({ err }, 'slack rejected SLACK_BOT_TOKEN: check the token, then restart');
      else this.opts.log.warn({ err }, 'slack web api unreachable; the bot serves requests and keeps trying');
    }
    this.#status = status;
    if (this.#stopped) return;
    // A refused token will not heal by itself soon: go straight to the slowest pace.
    const delay = rejected ? this.#backoff.maxMs : this.#delay;
    this.#delay = Math.min(this.#delay * 2, this.#backoff.maxMs);
    this.#timer = setTimeout(() => void this.learn(), delay);
    this.#timer.unref();
  }
}
