/**
 * Long polling with getUpdates, acknowledging an update only once it was handled: Telegram keeps
 * every update at or after the `offset` we pass, so an update whose handling failed (API down,
 * crash, restart) is fetched again.
 *
 * Each chat has a queue: its updates are handled in order, one at a time, and chats side by side.
 * The poll goes on while updates are being handled, so a chat that waits (a slow answer, a
 * Telegram 429) holds up neither the other chats nor new updates. The offset moves past an update
 * once it and every update before it are handled; the updates after one still being handled are
 * fetched again meanwhile and recognised.
 *
 * A failed update is tried again in its own chat, after Telegram's retry_after exactly when it
 * gave one, else after a back-off (`retryDelayMs`, doubling per failure of that update); the
 * chat's later updates wait behind it, the other chats do not. It is not tried for ever: one the
 * API refused for good is passed at once; one that keeps failing for another reason is dropped,
 * with an error in the log, after `giveUp.tries` tries or `giveUp.afterMs`. Failures of the API
 * as a whole (it cannot be reached), and failures while getUpdates itself fails (Telegram cannot
 * be reached), hold back every update alike: they count neither as tries nor as time. The clock
 * of a failing update runs only from one of its temporary failures to the next; an outage in
 * between stops it until its next temporary failure.
 */
import { isApiUnavailable } from '../../api/api-sink';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Telegram } from 'telegraf';
import type { Update } from 'telegraf/types';
import { DeliveryError } from '../channel';
import { TELEGRAM_ALLOWED_UPDATES, chatIdOf } from './map-telegram-update';
import { errorMessage, type Logger } from '../../common/logger';

export interface TelegramPollerOptions {
  /** Seconds one getUpdates call waits for an update (Telegram allows up to 50). */
  timeoutSeconds: number;
  /** Back-off after a failure: `min` doubling up to `max` milliseconds. */
  retryDelayMs: { min: number; max: number };
  /** When an update that keeps failing is dropped (default: 20 tries or 10 minutes). */
  giveUp?: { tries: number; afterMs: number };
  /**
   * What a failure means: `permanent`, the update will never be handled (pass it at once);
   * `outage`, nothing can be handled now (does not count against the update); otherwise
   * `temporary`. Default: every failure is temporary.
   */
  classify?: (error: unknown) => FailureKind;
  logger: Logger;
}

export type FailureKind = 'permanent' | 'temporary' | 'outage';

/** Handles one update; throws when it must be fetched and handled again. */
export type UpdateHandler = (update: Update) => Promise<void>;

/** A failed update still to be handled: how many tries failed, and for how long. */
interface FailingUpdate {
  tries: number;
  /** Time spent failing, outages left out (what `giveUp.afterMs` is compared with). */
  failingMs: number;
  /** The last temporary failure, while the clock runs; undefined once an outage stopped it. */
  lastAt: number | undefined;
}

const BATCH_LIMIT = 100;
const CONFIRM_TIMEOUT_MS = 2_000;
const GIVE_UP = { tries: 20, afterMs: 10 * 60_000 };
/**
 * While updates are being handled, getUpdates answers at once (they are still there): the next
 * poll then waits for one of them to be done, or this long, for new updates to come in.
 */
const BUSY_POLL_MS = 200;

export class TelegramPoller {
  /** The first update not yet handled (what the next getUpdates acknowledges up to). */
  private offset: number | undefined;
  /** The offset Telegram was last told. */
  private confirmedOffset: number | undefined;
  /** Updates fetched at or after the offset, in id order: true once handled. */
  private readonly fetched = new Map<number, boolean>();
  /** Each chat's updates still to be handled, in order; a chat is here while it is being served. */
  private readonly chats = new Map<string, Update[]>();
  private readonly serving = new Set<Promise<void>>();
  /** Updates that failed and are still to be handled (see FailingUpdate). */
  private readonly failing = new Map<number, FailingUpdate>();
  /** getUpdates is failing: Telegram cannot be reached, so neither can the chats. */
  private pollFailing = false;
  /** Wakes the poll loop when an update was handled. */
  private progress?: () => void;
  private readonly abort = new AbortController();
  private running: Promise<void> | undefined;

  constructor(
    private readonly telegram: Telegram,
    private readonly handle: UpdateHandler,
    private readonly options: TelegramPollerOptions,
  ) {}

  start(): void {
    if (this.running) throw new Error('TelegramPoller already started');
    this.running = this.run();
  }

  /** Ends the current long poll at once, lets updates being handled finish, acknowledges them. */
  async stop(): Promise<void> {
    this.abort.abort();
    this.progress?.();
    await this.running;
    await this.confirm();
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.abort.signal.aborted) {
      let updates: Update[];
      try {
        const offset = this.offset;
        updates = await this.telegram.callApi(
          'getUpdates',
          {
            offset,
            limit: BATCH_LIMIT,
            timeout: this.options.timeoutSeconds,
            allowed_updates: [...TELEGRAM_ALLOWED_UPDATES],
          },
          { signal: forTelegraf(this.abort.signal) },
        );
        this.confirmedOffset = offset;
        this.pollFailing = false;
        failures = 0;
      } catch (error) {
        if (this.abort.signal.aborted) break;
        // No update can be tried now: this time does not count against the failing ones.
        this.pollFailing = true;
        this.stopClocks();
        failures += 1;
        const delay = this.delay(failures, retryAfterOf(error));
        this.options.logger.warn(
          `Telegram: getUpdates failed (${errorMessage(error)}), again in ${delay} ms`,
        );
        await this.pause(delay);
        continue;
      }
      if (this.take(updates) === 0 && this.fetched.size > 0) await this.someHandled();
    }
    while (this.serving.size > 0) await Promise.all([...this.serving]);
  }

  /** Queues the updates not seen yet, each in its chat's queue; how many there were. */
  private take(updates: Update[]): number {
    let fresh = 0;
    for (const update of updates) {
      const id = update.update_id;
      if ((this.offset !== undefined && id < this.offset) || this.fetched.has(id)) continue;
      this.fetched.set(id, false);
      fresh += 1;
      const key = chatIdOf(update) ?? `update ${id}`;
      const queue = this.chats.get(key);
      if (queue) {
        queue.push(update);
        continue;
      }
      this.chats.set(key, [update]);
      const serving = this.serve(key).finally(() => this.serving.delete(serving));
      this.serving.add(serving);
    }
    return fresh;
  }

  /** Handles a chat's updates one after another, until its queue is empty or the poller stops. */
  private async serve(key: string): Promise<void> {
    const queue = this.chats.get(key) ?? [];
    while (queue.length > 0 && !this.abort.signal.aborted) {
      const update = queue[0];
      if (!(await this.handleUntilDone(update))) break;
      queue.shift();
      this.handled(update.update_id);
    }
    this.chats.delete(key);
  }

  /** Tries an update until it is handled or passed over (true), or the poller stops (false). */
  private async handleUntilDone(update: Update): Promise<boolean> {
    const updateId = update.update_id;
    for (let failures = 1; ; failures += 1) {
      try {
        await this.handle(update);
        this.failing.delete(updateId);
        return true;
      } catch (error) {
        if (this.givesUp(updateId, error)) return true;
        if (this.abort.signal.aborted) return false;
        const delay = this.delay(failures, retryAfterOf(error));
        // The API away is said once for all updates (by the sink), not for each try of each.
        if (!isApiUnavailable(error)) {
          this.options.logger.warn(
            `Telegram: update ${updateId} not handled (${errorMessage(error)}), again in ${delay} ms`,
          );
        }
        await this.pause(delay);
        if (this.abort.signal.aborted) return false;
      }
    }
  }

  /** An update is done: the offset moves past it and every done one before it. */
  private handled(updateId: number): void {
    this.fetched.set(updateId, true);
    for (const [id, done] of this.fetched) {
      if (!done) break;
      this.fetched.delete(id);
      this.offset = id + 1;
    }
    this.progress?.();
  }

  /** Resolves when an update was handled, after BUSY_POLL_MS, or when the poller stops. */
  private someHandled(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, BUSY_POLL_MS);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.progress = () => {
        this.progress = undefined;
        done();
      };
    });
  }

  /** True when a failed update is to be passed over rather than tried again. */
  private givesUp(updateId: number, error: unknown): boolean {
    let kind = this.options.classify?.(error) ?? 'temporary';
    // While Telegram cannot be reached for getUpdates, the update's failure is that outage.
    if (kind === 'temporary' && this.pollFailing) kind = 'outage';
    if (kind === 'permanent') {
      this.options.logger.error(
        `Telegram: update ${updateId} can never be handled, passed over: ${errorMessage(error)}`,
      );
      this.failing.delete(updateId);
      return true;
    }
    if (kind === 'outage') {
      // Not this update's fault, and not its time: the clock stops until it fails for itself.
      const record = this.failing.get(updateId);
      if (record) record.lastAt = undefined;
      return false;
    }
    const now = Date.now();
    const record = this.failing.get(updateId) ?? { tries: 0, failingMs: 0, lastAt: undefined };
    if (record.lastAt !== undefined) record.failingMs += now - record.lastAt;
    record.lastAt = now;
    record.tries += 1;
    this.failing.set(updateId, record);
    const limit = this.options.giveUp ?? GIVE_UP;
    if (record.tries < limit.tries && record.failingMs < limit.afterMs) return false;
    this.failing.delete(updateId);
    this.options.logger.error(
      `Telegram: update ${updateId} dropped after ${record.tries} failed tries in ` +
        `${Math.round(record.failingMs / 1000)} s, so that its chat's next messages are not held up: ${errorMessage(error)}`,
    );
    return true;
  }

  /** An outage: the failing updates' clocks stop until each fails again for itself. */
  private stopClocks(): void {
    for (const record of this.failing.values()) record.lastAt = undefined;
  }

  /** Tells Telegram the updates handled since the last getUpdates are done. */
  private async confirm(): Promise<void> {
    if (this.offset === undefined || this.offset === this.confirmedOffset) return;
    try {
      await this.telegram.callApi(
        'getUpdates',
        { offset: this.offset, limit: 1, timeout: 0 },
        { signal: forTelegraf(AbortSignal.timeout(CONFIRM_TIMEOUT_MS)) },
      );
      this.confirmedOffset = this.offset;
    } catch (error) {
      // Not fatal: the updates come again at the next start and the API answers them as duplicates.
      this.options.logger.warn(`Telegram: could not acknowledge updates (${errorMessage(error)})`);
    }
  }

  /** Telegram's retry_after exactly when it gave one, else `min` doubling up to `max`. */
  private delay(failures: number, retryAfterSeconds: number | undefined): number {
    if (retryAfterSeconds !== undefined && retryAfterSeconds > 0) return retryAfterSeconds * 1000;
    const { min, max } = this.options.retryDelayMs;
    return Math.min(max, min * 2 ** (failures - 1));
  }

  private async pause(ms: number): Promise<void> {
    await sleep(ms, undefined, { signal: this.abort.signal }).catch(() => undefined);
  }
}

/** telegraf types the signal with the abort-controller package; Node's own works the same. */
type TelegrafSignal = NonNullable<Parameters<Telegram['callApi']>[2]>['signal'];
function forTelegraf(signal: AbortSignal): TelegrafSignal {
  return signal as unknown as TelegrafSignal;
}

function retryAfterOf(error: unknown): number | undefined {
  if (error instanceof DeliveryError) return error.retryAfterSeconds;
  const parameters = (error as { parameters?: { retry_after?: unknown } } | undefined)?.parameters;
  return typeof parameters?.retry_after === 'number' ? parameters.retry_after : undefined;
}
