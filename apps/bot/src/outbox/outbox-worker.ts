/**
 * Delivers the API's outbox (staff replies, broadcasts, reminders, corrections): claims a batch
 * for the channels this instance runs, sends each item through its channel within the
 * channel's limits, and reports every claimed item exactly once (`sent`, `retry`, `failed` or
 * `rejected`).
 *
 * Several instances may run at once: the API's claim skips rows another instance holds and
 * gives each claim a lease. An item not sent before its lease is nearly over is handed back
 * (`retry`, offered again after a second) rather than sent late, when another instance might
 * already hold it.
 */
import type { ApiClient } from '@gcm/api-client';
import type { OutboxItem, OutboxResultRequest } from '@gcm/domain';
import { withRetry } from '../api/retry';
import { DeliveryError, type Channel, type ChannelName } from '../channels/channel';
import { errorMessage, silentLogger, type Logger } from '../common/logger';
import { sleep } from '../common/sleep';
import { RateLimiter } from './rate-limiter';

export type OutboxApi = Pick<ApiClient['bot'], 'claimOutbox' | 'reportOutbox'>;
/** How one delivery went, before it is reported under the item's claim. */
type Delivery = Omit<OutboxResultRequest, 'claimId'>;

export interface OutboxWorkerOptions {
  api: OutboxApi;
  /** The channels to deliver for (never the web chat: its messages reach the browser by poll). */
  channels: readonly Channel[];
  batchSize: number;
  leaseSeconds: number;
  /** Wait after an empty claim; doubled up to idleMaxMs while the outbox stays empty. */
  idleMinMs?: number;
  idleMaxMs?: number;
  log?: Logger;
  now?: () => number;
}

/**
 * An item handed back unsent (stopping, or its lease nearly over) is offered again after this
 * wait. Not 0: the API reads a wait of 0 or less as none given and backs off instead.
 */
const HAND_BACK_SECONDS = 1;
/** Hand an item back this long before its lease ends rather than risk sending it twice. */
const MAX_LEASE_MARGIN_MS = 5_000;

export class OutboxWorker {
  private readonly channels = new Map<ChannelName, Channel>();
  private readonly limiters = new Map<ChannelName, RateLimiter>();
  private readonly stopping = new AbortController();
  private readonly idleMinMs: number;
  private readonly idleMaxMs: number;
  private readonly log: Logger;
  private readonly now: () => number;
  private loop?: Promise<void>;
  private lastClaimError?: string;

  constructor(private readonly options: OutboxWorkerOptions) {
    this.idleMinMs = options.idleMinMs ?? 250;
    this.idleMaxMs = options.idleMaxMs ?? 2_000;
    this.log = options.log ?? silentLogger;
    this.now = options.now ?? Date.now;
    for (const channel of options.channels) {
      this.channels.set(channel.name, channel);
      this.limiters.set(channel.name, channel.limiter ?? new RateLimiter(channel.limits, this.now));
    }
  }

  /** Starts the delivery loop (nothing to do without channels). */
  start(): void {
    if (this.loop || this.channels.size === 0) return;
    this.loop = this.run();
  }

  /** Stops claiming, lets in-flight sends finish and hands back what was not started. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.loop;
  }

  private get stopped(): boolean {
    return this.stopping.signal.aborted;
  }

  private async run(): Promise<void> {
    let idleMs = this.idleMinMs;
    while (!this.stopped) {
      const claimedAt = this.now();
      const items = await this.claim();
      if (items === undefined) {
        await sleep(this.idleMaxMs, this.stopping.signal);
      } else if (items.length === 0) {
        await sleep(idleMs, this.stopping.signal);
        idleMs = Math.min(idleMs * 2, this.idleMaxMs);
      } else {
        idleMs = this.idleMinMs;
        await this.deliverBatch(items, claimedAt + this.options.leaseSeconds * 1000);
      }
    }
  }

  /** The claimed items, or undefined when the API could not be asked (logged once per cause). */
  private async claim(): Promise<OutboxItem[] | undefined> {
    try {
      const { items } = await this.options.api.claimOutbox({
        channels: [...this.channels.keys()],
        limit: this.options.batchSize,
        leaseSeconds: this.options.leaseSeconds,
      });
      if (this.lastClaimError) this.log.info('outbox: claiming works again');
      this.lastClaimError = undefined;
      return items;
    } catch (error) {
      const message = errorMessage(error);
      if (message !== this.lastClaimError) this.log.error(`outbox: claim failed: ${message}`);
      this.lastClaimError = message;
      return undefined;
    }
  }

  /** Chats are served side by side; the items of one chat one after another, in claim order. */
  private async deliverBatch(items: OutboxItem[], leaseEndsAt: number): Promise<void> {
    const byChat = new Map<string, OutboxItem[]>();
    for (const item of items) {
      const key = `${item.channel}\u0000${item.chatId}`;
      byChat.set(key, [...(byChat.get(key) ?? []), item]);
    }
    await Promise.all([...byChat.values()].map((queue) => this.deliverQueue(queue, leaseEndsAt)));
  }

  private async deliverQueue(queue: OutboxItem[], leaseEndsAt: number): Promise<void> {
    for (const [index, item] of queue.entries()) {
      const result = await this.deliver(item, leaseEndsAt);
      await this.report(item, result);
      if (result.outcome === 'retry') {
        // Sending the later items now would put them before this one in the chat; handed back
        // with the same wait, they come round again together, in order.
        for (const later of queue.slice(index + 1)) {
          await this.report(later, {
            outcome: 'retry',
            retryAfterSeconds: result.retryAfterSeconds,
            error: 'held back behind an earlier message to the same chat',
          });
        }
        return;
      }
    }
  }

  private async deliver(item: OutboxItem, leaseEndsAt: number): Promise<Delivery> {
    const channel = this.channels.get(item.channel);
    const limiter = this.limiters.get(item.channel);
    if (!channel || !limiter) {
      return { outcome: 'retry', error: `channel ${item.channel} is not running on this instance` };
    }
    const margin = Math.min(MAX_LEASE_MARGIN_MS, (this.options.leaseSeconds * 1000) / 4);
    const slot = await limiter.acquire(item.chatId, Math.max(1, item.replies.length), {
      signal: this.stopping.signal,
      deadline: leaseEndsAt - margin,
    });
    if (slot === 'stopped') {
      return {
        outcome: 'retry',
        retryAfterSeconds: HAND_BACK_SECONDS,
        error: 'bot instance stopping',
      };
    }
    if (slot === 'too-late') {
      return {
        outcome: 'retry',
        retryAfterSeconds: HAND_BACK_SECONDS,
        error: 'not sent before its lease ran out',
      };
    }

    try {
      await channel.send(item.chatId, item.replies);
      return { outcome: 'sent' };
    } catch (error) {
      if (!(error instanceof DeliveryError))
        return { outcome: 'retry', error: errorMessage(error) };
      if (error.kind === 'permanent') return { outcome: 'failed', error: error.message };
      if (error.kind === 'rejected') return { outcome: 'rejected', error: error.message };
      // Only a wait about this chat holds it: one about the OA or the platform would otherwise
      // keep the person's webhook replies waiting too (Zalo's limiter is shared with them).
      if (error.retryAfterSeconds && error.scope === 'chat') {
        limiter.holdChat(item.chatId, error.retryAfterSeconds * 1000);
      }
      return { outcome: 'retry', retryAfterSeconds: error.retryAfterSeconds, error: error.message };
    }
  }

  private async report(item: OutboxItem, result: Delivery): Promise<void> {
    if (result.outcome !== 'sent') {
      this.log.warn(`outbox: ${item.channel} item ${item.id}: ${result.outcome}: ${result.error}`);
    }
    const body: OutboxResultRequest = { claimId: item.claimId, outcome: result.outcome };
    if (result.retryAfterSeconds !== undefined) {
      body.retryAfterSeconds = Math.ceil(result.retryAfterSeconds);
    }
    if (result.error !== undefined) body.error = result.error.slice(0, 500);
    try {
      await withRetry(() => this.options.api.reportOutbox(item.id, body), {
        tries: 3,
        backoffMs: 200,
      });
    } catch (error) {
      // The lease runs out and the item is claimed again: sent twice at worst, never lost.
      this.log.error(
        `outbox: could not report item ${item.id} (${result.outcome}): ${errorMessage(error)}`,
      );
    }
  }
}
