/**
 * Delivers the API's outbox (staff replies, broadcasts, reminders, corrections): claims batches
 * for the channels this instance runs, sends each item through its channel, and reports every
 * claimed item exactly once (`sent`, `retry`, `failed` or `rejected`). A `fetch_file` item is
 * delivered the other way round: the file a person sent is downloaded from the platform and
 * uploaded to the API (a confidential report's photo).
 *
 * The channel paces the sends (its limits, shared with its replies to people, which go first).
 * So that the channel always has the next messages at hand, up to two batches are under way:
 * the next batch is claimed as soon as one batch's worth of items is done. An item is several
 * platform messages when its text is long; one cut short after its first messages is reported
 * with how many went out (`sentParts`), and its next delivery, here or on another instance,
 * sends only the rest.
 *
 * Several instances may run at once: the API's claim skips rows another instance holds and
 * gives each claim a lease. An item not sent before its lease is nearly over is handed back
 * (`retry`, offered again after a second) rather than sent late, when another instance might
 * already hold it.
 */
import { setMaxListeners } from 'node:events';
import { isApiError, type ApiClient } from '@gcm/api-client';
import type { OutboxItem, OutboxResultRequest } from '@gcm/domain';
import { withRetry } from '../api/retry';
import { DeliveryError, type Channel, type ChannelName } from '../channels/channel';
import { NoSlotError } from '../channels/rate-limiter';
import { errorMessage, silentLogger, type Logger } from '../common/logger';
import { sleep } from '../common/sleep';

export type OutboxApi = Pick<
  ApiClient['bot'],
  'claimOutbox' | 'reportOutbox' | 'fileSource' | 'uploadFile'
>;
/** How one delivery went, before it is reported under the item's claim. */
type Delivery = Omit<OutboxResultRequest, 'claimId'>;
/** An item with the end of the lease it was claimed under. */
type ClaimedItem = OutboxItem & { leaseEndsAt: number };

export interface OutboxWorkerOptions {
  api: OutboxApi;
  /** The channels to deliver for (never the web chat: its messages reach the browser by poll). */
  channels: readonly Channel[];
  /** Items one claim takes; up to twice as many are under way at once. */
  batchSize: number;
  leaseSeconds: number;
  /** Wait after an empty claim (default 250 ms); doubled up to idleMaxMs while the outbox stays empty. */
  idleMinMs?: number;
  /** OUTBOX_IDLE_MAX_MS (default 2 s); also the wait after a claim the API could not answer. */
  idleMaxMs?: number;
  log?: Logger;
  now?: () => number;
}

/**
 * An item handed back unsent (stopping, or its lease nearly over) is offered again after this
 * wait. Not 0: the API reads a wait of 0 or less as none given and backs off instead.
 */
const HAND_BACK_SECONDS = 1;
/** The API's answers to a file fetch that trying again will not change. */
const REFUSED_FILE_STATUSES = [400, 404, 410, 413];
/** Hand an item back this long before its lease ends rather than risk sending it twice. */
const MAX_LEASE_MARGIN_MS = 5_000;

export class OutboxWorker {
  private readonly channels = new Map<ChannelName, Channel>();
  private readonly stopping = new AbortController();
  /** Claimed items not reported yet. */
  private underWay = 0;
  /** The queue of each chat with items under way (one chat's items one after another). */
  private readonly chatQueues = new Map<string, ClaimedItem[]>();
  private readonly chatRuns = new Set<Promise<void>>();
  /** Resolves the loop's wait for room when an item is done. */
  private itemDone?: () => void;
  private readonly idleMinMs: number;
  private readonly idleMaxMs: number;
  private readonly log: Logger;
  private readonly now: () => number;
  private loop?: Promise<void>;
  private lastClaimError?: string;

  constructor(private readonly options: OutboxWorkerOptions) {
    this.idleMaxMs = options.idleMaxMs ?? 2_000;
    this.idleMinMs = Math.min(options.idleMinMs ?? 250, this.idleMaxMs);
    this.log = options.log ?? silentLogger;
    this.now = options.now ?? Date.now;
    for (const channel of options.channels) this.channels.set(channel.name, channel);
    // Every message of a claimed batch waiting for its sending slot listens to this signal until
    // it has one: hundreds during a broadcast, which is no leak, so Node's warning at eleven
    // listeners (a line in the log of every busy bot) is off.
    setMaxListeners(0, this.stopping.signal);
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
    const { batchSize } = this.options;
    while (!this.stopped) {
      if (this.underWay > batchSize) {
        await this.roomForABatch();
        continue;
      }
      const claimedAt = this.now();
      const items = await this.claim();
      if (items === undefined) {
        await sleep(this.idleMaxMs, this.stopping.signal);
      } else if (items.length === 0) {
        await sleep(idleMs, this.stopping.signal);
        idleMs = Math.min(idleMs * 2, this.idleMaxMs);
      } else {
        idleMs = this.idleMinMs;
        this.deliverBatch(items, claimedAt + this.options.leaseSeconds * 1000);
      }
    }
    while (this.chatRuns.size > 0) await Promise.all([...this.chatRuns]);
  }

  /** Resolves once an item under way is done, or the worker stops. */
  private roomForABatch(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.stopping.signal.removeEventListener('abort', done);
        this.itemDone = undefined;
        resolve();
      };
      this.itemDone = done;
      this.stopping.signal.addEventListener('abort', done, { once: true });
    });
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

  /**
   * Chats are served side by side; the items of one chat one after another, in claim order
   * (after any of the chat's items still under way).
   */
  private deliverBatch(items: OutboxItem[], leaseEndsAt: number): void {
    this.underWay += items.length;
    for (const item of items) {
      const claimed = { ...item, leaseEndsAt };
      const key = `${item.channel}\u0000${item.chatId}`;
      const queue = this.chatQueues.get(key);
      if (queue) {
        queue.push(claimed);
        continue;
      }
      this.chatQueues.set(key, [claimed]);
      const run = this.deliverQueue(key).finally(() => this.chatRuns.delete(run));
      this.chatRuns.add(run);
    }
  }

  private async deliverQueue(key: string): Promise<void> {
    const queue = this.chatQueues.get(key) ?? [];
    while (queue.length > 0) {
      const item = queue.shift()!;
      const result = await this.deliver(item);
      await this.report(item, result);
      if (result.outcome === 'retry') {
        // Sending the later items now would put them before this one in the chat; handed back
        // with the same wait, they come round again together, in order.
        while (queue.length > 0) {
          await this.report(queue.shift()!, {
            outcome: 'retry',
            retryAfterSeconds: result.retryAfterSeconds,
            error: 'held back behind an earlier message to the same chat',
          });
        }
      }
    }
    this.chatQueues.delete(key);
  }

  private async deliver(item: ClaimedItem): Promise<Delivery> {
    const channel = this.channels.get(item.channel);
    if (!channel) {
      return { outcome: 'retry', error: `channel ${item.channel} is not running on this instance` };
    }
    if (item.kind === 'fetch_file') return this.fetchFile(item, channel);
    const margin = Math.min(MAX_LEASE_MARGIN_MS, (this.options.leaseSeconds * 1000) / 4);
    const alreadySent = item.sentParts ?? 0;
    try {
      await channel.send(item.chatId, item.replies, {
        // The rest of a webhook reply (kind `reply`): a person who wrote is waiting for it.
        priority: item.kind === 'reply' ? 'reply' : 'outbox',
        alreadySent,
        deadline: item.leaseEndsAt - margin,
        signal: this.stopping.signal,
      });
      return { outcome: 'sent' };
    } catch (error) {
      if (!(error instanceof DeliveryError))
        return { outcome: 'retry', error: errorMessage(error) };
      // Parts that went out are reported whatever the outcome, so none goes out twice.
      const parts = error.sent > alreadySent ? { sentParts: error.sent } : {};
      if (error instanceof NoSlotError) {
        return {
          outcome: 'retry',
          retryAfterSeconds: HAND_BACK_SECONDS,
          error:
            error.reason === 'stopped'
              ? 'bot instance stopping'
              : 'not sent before its lease ran out',
          ...parts,
        };
      }
      if (error.kind === 'permanent') return { outcome: 'failed', error: error.message, ...parts };
      if (error.kind === 'rejected') return { outcome: 'rejected', error: error.message, ...parts };
      return {
        outcome: 'retry',
        retryAfterSeconds: error.retryAfterSeconds,
        error: error.message,
        ...parts,
      };
    }
  }

  /**
   * A `fetch_file` item: the file's platform reference from the API, the file from the platform,
   * its bytes to the API. What the platform or the API refuses for good is `rejected` (the API
   * then shows the photo as not fetched); the rest is tried again with the outbox's back-off.
   */
  private async fetchFile(item: ClaimedItem, channel: Channel): Promise<Delivery> {
    const { api } = this.options;
    if (!channel.fetchFile) {
      return { outcome: 'rejected', error: `channel ${channel.name} cannot fetch files` };
    }
    try {
      const source = await api.fileSource(item.chatId);
      const bytes = await channel.fetchFile(source.fileRef, {
        maxBytes: source.maxBytes,
        signal: this.stopping.signal,
      });
      await api.uploadFile(item.chatId, new Blob([bytes]));
      return { outcome: 'sent' };
    } catch (error) {
      if (error instanceof DeliveryError) {
        return error.kind === 'retry'
          ? { outcome: 'retry', retryAfterSeconds: error.retryAfterSeconds, error: error.message }
          : { outcome: 'rejected', error: error.message };
      }
      // The API refused the key (404: the report's content is gone) or the file (400, 413);
      // anything else (our token, the API away) may pass later.
      if (isApiError(error) && REFUSED_FILE_STATUSES.includes(error.status)) {
        return { outcome: 'rejected', error: `API ${error.status}: ${error.message}` };
      }
      return { outcome: 'retry', error: errorMessage(error) };
    }
  }

  private async report(item: OutboxItem, result: Delivery): Promise<void> {
    try {
      await this.sendReport(item, result);
    } finally {
      this.underWay -= 1;
      this.itemDone?.();
    }
  }

  private async sendReport(item: OutboxItem, result: Delivery): Promise<void> {
    if (result.outcome !== 'sent') {
      this.log.warn(`outbox: ${item.channel} item ${item.id}: ${result.outcome}: ${result.error}`);
    }
    const body: OutboxResultRequest = { claimId: item.claimId, outcome: result.outcome };
    if (result.retryAfterSeconds !== undefined) {
      body.retryAfterSeconds = Math.ceil(result.retryAfterSeconds);
    }
    if (result.error !== undefined) body.error = result.error.slice(0, 500);
    if (result.sentParts !== undefined) body.sentParts = result.sentParts;
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
