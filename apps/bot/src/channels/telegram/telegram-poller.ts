/**
 * Long polling with getUpdates, acknowledging an update only once it was handled: Telegram keeps
 * every update at or after the `offset` we pass, so an update whose handling failed (API down,
 * crash, restart) is fetched again. Updates of different chats are handled side by side, one
 * chat's updates in order; a failed update holds back its own chat and the offset, not the others.
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
  logger: Logger;
}

/** Handles one update; throws when it must be fetched and handled again. */
export type UpdateHandler = (update: Update) => Promise<void>;

const BATCH_LIMIT = 100;
const CONFIRM_TIMEOUT_MS = 2_000;

export class TelegramPoller {
  /** The first update not yet handled (what the next getUpdates acknowledges up to). */
  private offset: number | undefined;
  /** The offset Telegram was last told. */
  private confirmedOffset: number | undefined;
  /** Updates after `offset` already handled (another chat's update failed before them). */
  private readonly handledAhead = new Set<number>();
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
            this.handledAhead.add(update.update_id);
          } catch (error) {
            return { updateId: update.update_id, error };
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
