/**
 * Long polling with getUpdates, acknowledging an update only once it was handled: Telegram keeps
 * every update at or after the `offset` we pass, so an update whose handling failed (API down,
 * crash, restart) is fetched again. Updates of different chats are handled side by side, one
 * chat's updates in order; a failed update holds back its own chat and the offset, not the others.
 *
 * A failed update is tried again after a back-off (at least Telegram's retry_after), but not for
 * ever: while it is held back, every poll starts at it and waits out its back-off, so it slows
 * every chat. One the API refused for good is passed at once; one that keeps failing for another
 * reason is dropped, with an error in the log, after `giveUp.tries` tries or `giveUp.afterMs`.
 * Failures of the API as a whole (it cannot be reached) hold back every update alike and end
 * when it is back: they do not count, neither as tries nor as time. The clock of a failing update
 * runs only from one of its temporary failures to the next; an outage in between (its handling
 * failed for an outage, or getUpdates itself failed) stops it until its next temporary failure.
 */
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

export class TelegramPoller {
  /** The first update not yet handled (what the next getUpdates acknowledges up to). */
  private offset: number | undefined;
  /** The offset Telegram was last told. */
  private confirmedOffset: number | undefined;
  /** Updates after `offset` already handled (another chat's update failed before them). */
  private readonly handledAhead = new Set<number>();
  /** Updates that failed and are still to be handled (see FailingUpdate). */
  private readonly failing = new Map<number, FailingUpdate>();
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
      } catch (error) {
        if (this.abort.signal.aborted) return;
        // No update can be tried now: this time does not count against the failing ones.
        this.stopClocks();
        failures += 1;
        const delay = this.delay(failures, retryAfterOf(error));
        this.options.logger.warn(
          `Telegram: getUpdates failed (${errorMessage(error)}), again in ${delay} ms`,
        );
        await this.pause(delay);
        continue;
      }

      const failure = await this.handleBatch(updates);
      if (failure === undefined) {
        failures = 0;
        continue;
      }
      failures += 1;
      const delay = this.delay(failures, retryAfterOf(failure.error));
      this.options.logger.warn(
        `Telegram: update ${failure.updateId} not handled (${errorMessage(failure.error)}), again in ${delay} ms`,
      );
      await this.pause(delay);
    }
  }

  /** Handles the batch; moves the offset past every update handled; the first failure, if any. */
  private async handleBatch(
    updates: Update[],
  ): Promise<{ updateId: number; error: unknown } | undefined> {
    const fresh = updates.filter(
      (u) =>
        !this.handledAhead.has(u.update_id) &&
        (this.offset === undefined || u.update_id >= this.offset),
    );
    const byChat = new Map<string, Update[]>();
    for (const update of fresh) {
      const key = chatIdOf(update) ?? `update ${update.update_id}`;
      byChat.set(key, [...(byChat.get(key) ?? []), update]);
    }

    const failures = await Promise.all(
      [...byChat.values()].map(async (chatUpdates) => {
        for (const update of chatUpdates) {
          try {
            await this.handle(update);
            this.failing.delete(update.update_id);
            this.handledAhead.add(update.update_id);
          } catch (error) {
            if (!this.givesUp(update.update_id, error))
              return { updateId: update.update_id, error };
            // Passed over: acknowledged like a handled one, and the chat goes on.
            this.handledAhead.add(update.update_id);
          }
        }
        return undefined;
      }),
    );

    for (const update of updates) {
      if (this.offset !== undefined && update.update_id < this.offset) continue;
      if (!this.handledAhead.delete(update.update_id)) break;
      this.offset = update.update_id + 1;
    }
    return failures.find((failure) => failure !== undefined);
  }

  /** True when a failed update is to be passed over rather than tried again. */
  private givesUp(updateId: number, error: unknown): boolean {
    const kind = this.options.classify?.(error) ?? 'temporary';
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
        `${Math.round(record.failingMs / 1000)} s, so that other chats are not held up: ${errorMessage(error)}`,
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

  private delay(failures: number, retryAfterSeconds: number | undefined): number {
    const { min, max } = this.options.retryDelayMs;
    const backoff = Math.min(max, min * 2 ** (failures - 1));
    return retryAfterSeconds === undefined ? backoff : Math.max(backoff, retryAfterSeconds * 1000);
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
