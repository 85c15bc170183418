/**
 * The Zalo channel's second chance for an event it has already answered 200 while the API could
 * not be reached: the API failed on it after the 1.5 s answer budget, or its replies could not be
 * sent and the API could not take them for its outbox either. Zalo will not send such an event
 * again, so the channel keeps it here and tries again in the background: 5 s, then twice as long
 * each time up to 5 minutes (or what the failure asked for, e.g. a minute for -32), and gives up
 * with an error in the log when the next try would come more than an hour after the first
 * failure.
 *
 * What a try does is the channel's business (`tryAgain`): post the event to the API again, or
 * hand the replies still to go to the API's outbox. Replies the API has taken live in its
 * database, not here (any bot instance delivers them, after a restart too); this queue holds only
 * what the API could not take yet, in memory: a stopping bot says in the log how many events were
 * still waiting, and those are lost. It holds at most `maxEvents` (1000) events: beyond that the
 * one waiting longest is dropped, with an error in the log, to make room (the newest replies are
 * the ones a person is still waiting for).
 */
import type { BotEvent } from '@gcm/domain';
import type { ZaloLogger } from './zalo-client';

/** An event answered 200 whose replies have not reached the person yet. */
export interface PendingEvent {
  event: BotEvent;
  /**
   * Set when the API's replies are known and this many of their messages went out: the rest are
   * to be handed to the API's outbox. Otherwise the event is posted to the API again.
   */
  sentParts?: number;
  /** The API already answered a re-post of it with nothing to send once (see ZaloChannel). */
  answeredEmpty?: boolean;
}

/** Why a try failed, and what the failure asked for. */
export interface Failure {
  reason: string;
  /** Wait at least this long before the next try (Zalo's -32: a minute). */
  retryAfterSeconds?: number;
}

/** What a try came to: done (delivered, or dropped for good and logged), or try again later. */
export type TryResult = { done: true } | ({ done: false; next: PendingEvent } & Failure);

export interface ZaloRedeliveryOptions {
  tryAgain: (pending: PendingEvent) => Promise<TryResult>;
  logger: ZaloLogger;
  /** The first wait, default 5 s; then doubled each time. */
  firstDelayMs?: number;
  /** The longest wait between two tries, default 5 minutes. */
  maxDelayMs?: number;
  /** Give up when the next try would come later than this after the first failure, default 1 h. */
  giveUpAfterMs?: number;
  /** The most events kept at once, default 1000; beyond it the oldest waiting one is dropped. */
  maxEvents?: number;
  now?: () => number;
}

interface Entry {
  pending: PendingEvent;
  /** When the first failure happened. */
  since: number;
  tries: number;
  /** The back-off wait for the next try. */
  delayMs: number;
}

export class ZaloRedelivery {
  private readonly firstDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly giveUpAfterMs: number;
  private readonly maxEvents: number;
  private readonly now: () => number;
  private readonly waiting = new Map<Entry, NodeJS.Timeout>();
  private readonly trying = new Set<Promise<void>>();
  private stopped = false;
  /** Events that came back to the queue while it was stopping. */
  private leftAtStop = 0;

  constructor(private readonly options: ZaloRedeliveryOptions) {
    this.firstDelayMs = options.firstDelayMs ?? 5_000;
    this.maxDelayMs = options.maxDelayMs ?? 300_000;
    this.giveUpAfterMs = options.giveUpAfterMs ?? 3_600_000;
    this.maxEvents = Math.max(1, options.maxEvents ?? 1000);
    this.now = options.now ?? Date.now;
  }

  /** Events waiting for their next try, or being tried now. */
  get size(): number {
    return this.waiting.size + this.trying.size;
  }

  /** Keeps an event whose first handling failed after the webhook was answered. */
  add(pending: PendingEvent, failure: Failure): void {
    if (!this.stopped && this.size >= this.maxEvents && !this.dropOldest(pending.event)) {
      this.options.logger.error(
        `Zalo: re-delivery queue full (${this.maxEvents} events, all being tried); event ${pending.event.updateId} for ${pending.event.chatId} dropped, its replies are lost: ${failure.reason}`,
      );
      return;
    }
    const entry = { pending, since: this.now(), tries: 0, delayMs: this.firstDelayMs };
    this.schedule(entry, failure);
  }

  /** Makes room for `incoming` by dropping the event waiting longest; false if none is waiting. */
  private dropOldest(incoming: BotEvent): boolean {
    let oldest: Entry | undefined;
    for (const entry of this.waiting.keys()) {
      if (!oldest || entry.since < oldest.since) oldest = entry;
    }
    if (!oldest) return false;
    clearTimeout(this.waiting.get(oldest));
    this.waiting.delete(oldest);
    const { event } = oldest.pending;
    this.options.logger.error(
      `Zalo: re-delivery queue full (${this.maxEvents} events); dropped event ${event.updateId} for ${event.chatId}, waiting since ${Math.round((this.now() - oldest.since) / 1000)} s, to keep event ${incoming.updateId}; its replies are lost`,
    );
    return true;
  }

  /** Stops trying; logs how many events were still waiting (they are lost). */
  async stop(): Promise<number> {
    this.stopped = true;
    for (const timer of this.waiting.values()) clearTimeout(timer);
    let left = this.waiting.size;
    this.waiting.clear();
    await Promise.allSettled([...this.trying]);
    left += this.leftAtStop;
    this.leftAtStop = 0;
    if (left > 0) {
      this.options.logger.error(
        `Zalo: stopping with ${left} answered event(s) still waiting to be delivered again; their replies are lost`,
      );
    }
    return left;
  }

  /** Starts again after stop() (the channel is started again). */
  resume(): void {
    this.stopped = false;
  }

  private schedule(entry: Entry, failure: Failure): void {
    const { event } = entry.pending;
    if (this.stopped) {
      this.leftAtStop += 1;
      return;
    }
    const asked = failure.retryAfterSeconds;
    const waitMs = asked !== undefined && asked > 0 ? asked * 1000 : entry.delayMs;
    const elapsed = this.now() - entry.since;
    if (elapsed + waitMs > this.giveUpAfterMs) {
      this.options.logger.error(
        `Zalo: event ${event.updateId} for ${event.chatId} given up after ${entry.tries + 1} tries in ${Math.round(elapsed / 1000)} s; its replies are lost: ${failure.reason}`,
      );
      return;
    }
    this.options.logger.warn(
      `Zalo: event ${event.updateId} not delivered (${failure.reason}); trying again in ${Math.round(waitMs / 1000)} s`,
    );
    const timer = setTimeout(() => {
      this.waiting.delete(entry);
      this.run(entry);
    }, waitMs);
    timer.unref();
    this.waiting.set(entry, timer);
  }

  private run(entry: Entry): void {
    const attempt = this.options
      .tryAgain(entry.pending)
      .catch((error: unknown): TryResult => ({
        done: false,
        next: entry.pending,
        reason: error instanceof Error ? error.message : String(error),
      }))
      .then((result) => {
        if (result.done) return;
        entry.pending = result.next;
        entry.tries += 1;
        entry.delayMs = Math.min(entry.delayMs * 2, this.maxDelayMs);
        this.schedule(entry, result);
      });
    this.trying.add(attempt);
    void attempt.finally(() => this.trying.delete(attempt));
  }
}
