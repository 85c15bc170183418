/**
 * The EventSink of every channel: posts events to the API and returns their replies. The API
 * records an event once per (channel, updateId), so trying again after a lost answer is safe.
 *
 * Events go in batches. While `maxInFlight` requests are under way, new events wait and then go
 * together in one request (at most `maxBatch` events, `maxBatchBytes` of JSON): a quiet bot sends
 * each event at once, a busy one pays for one request and one transaction per batch rather than
 * per event. A chat's next event waits for the request that carries its previous one, so the
 * API handles each chat's events in the order they came.
 */
import type { ApiClient } from '@gcm/api-client';
import {
  ErrorCode,
  MAX_EVENT_BATCH,
  RESEND_AFTER_SECONDS,
  type BotEvent,
  type BotEventOutcome,
  type BotEventResult,
  type ErrorBody,
} from '@gcm/domain';
import { isApiError } from '@gcm/api-client';
import type { EventSink, HandledEvent, RedeliverOutcome } from '../channels/channel';
import { errorMessage, silentLogger, type Logger } from '../common/logger';
import { isTransient, withRetry } from './retry';

export interface ApiSinkOptions {
  /** Tries per request in all, the first included (default 2). */
  tries?: number;
  /** Wait before the second try (default 300 ms). */
  backoffMs?: number;
  /** Most events in one request (default 50; the API takes up to 100). */
  maxBatch?: number;
  /** Most bytes of events in one request (default 256 KiB; the API's body limit is 1 MiB). */
  maxBatchBytes?: number;
  /** Requests under way at once (default 2: one in the database while the next is built). */
  maxInFlight?: number;
  /** Wait before a failed report of delivered updates is tried again (default 1 s, once). */
  deliveredRetryMs?: number;
  log?: Logger;
}

/** The API handled the request but refused or could not handle this one event. */
export class EventNotHandledError extends Error {
  override readonly name = 'EventNotHandledError';

  constructor(readonly body: ErrorBody) {
    super(`${body.code}: ${body.message}${describeDetails(body.details)}`);
  }

  /**
   * True when the API refused the event as it is (it failed validation): every delivery of it
   * gets the same answer, so it must be acknowledged, not retried. False when the API failed on
   * it for now (`internal_error`, the database unavailable), which may pass.
   */
  get permanent(): boolean {
    return !TEMPORARY_CODES.has(this.body.code);
  }
}

const TEMPORARY_CODES = new Set<ErrorCode>([
  ErrorCode.Internal,
  ErrorCode.DatabaseUnavailable,
  ErrorCode.TooManyRequests,
]);

/**
 * The API has seen this update already, and the delivery that got its replies (maybe on another
 * instance) has not said it sent them: it may still be doing so. Nothing to send now; the
 * update is to come again later (a webhook answers 5xx), when the API hands out the stored
 * replies if that delivery never confirmed them (it died), and nothing if it did.
 */
export class UpdateBeingDeliveredError extends Error {
  override readonly name = 'UpdateBeingDeliveredError';

  constructor(event: BotEvent) {
    super(
      `${event.channel} update ${event.updateId} is being delivered by an earlier attempt; ` +
        'to come again later',
    );
  }
}

/**
 * The API could not be reached, or could not handle anything (its database away: 503): every
 * event fails alike until it can. The sink says so in the log when it starts and when it ends,
 * with a count; a channel refusing a delivery for this reason adds no line of its own.
 */
export function isApiUnavailable(error: unknown): boolean {
  return isApiError(error) && (error.isNetworkError || error.status >= 500 || error.status === 429);
}

/** The API refused this event for good: sending it again would be refused again. */
export function isRefusedForGood(error: unknown): error is EventNotHandledError {
  return error instanceof EventNotHandledError && error.permanent;
}

/** The field errors of a validation failure, for the log: ` (text: …; command: …)`. */
function describeDetails(details: unknown): string {
  if (!Array.isArray(details) || details.length === 0) return '';
  const parts = details.map((d: { field?: unknown; message?: unknown }) =>
    typeof d?.field === 'string' && typeof d.message === 'string'
      ? `${d.field}: ${d.message}`
      : JSON.stringify(d),
  );
  return ` (${parts.join('; ')})`;
}

/**
 * Events this instance posted without learning what the API made of them: no answer came, or the
 * API failed. The API may have recorded them all the same (it died after its COMMIT, or its
 * connection to the database broke during it), and it then answers their next delivery
 * `delivering`: seen before, the first attempt may still be sending the replies. That first
 * attempt was ours and it failed: such an event's stored replies are asked for at once (see
 * ApiSink) rather than 20 s later.
 * Kept three resend windows at most, after which the API hands the stored replies out by itself;
 * at most `max` events, the oldest forgotten first.
 */
class UnansweredEvents {
  private readonly since = new Map<string, number>();

  constructor(
    private readonly ttlMs = RESEND_AFTER_SECONDS * 3 * 1000,
    private readonly max = 10_000,
  ) {}

  add(event: BotEvent): void {
    const key = updateKey(event);
    this.since.delete(key);
    this.since.set(key, Date.now());
    for (const [oldest, at] of this.since) {
      if (this.since.size <= this.max && Date.now() - at < this.ttlMs) break;
      this.since.delete(oldest);
    }
  }

  has(event: BotEvent): boolean {
    const at = this.since.get(updateKey(event));
    return at !== undefined && Date.now() - at < this.ttlMs;
  }

  delete(event: BotEvent): void {
    this.since.delete(updateKey(event));
  }
}

const updateKey = (event: BotEvent) => `${event.channel}\u0000${event.updateId}`;

interface Waiting {
  event: BotEvent;
  chat: string;
  bytes: number;
  resolve: (handled: HandledEvent) => void;
  reject: (error: unknown) => void;
}

export class ApiSink implements EventSink {
  private readonly maxBatch: number;
  private readonly maxBatchBytes: number;
  private readonly maxInFlight: number;
  private readonly log: Logger;
  private queue: Waiting[] = [];
  private inFlight = 0;
  /** Chats with an event in a request under way. */
  private readonly busyChats = new Set<string>();
  private pumpScheduled = false;
  private readonly unanswered = new UnansweredEvents();
  /** Updates whose replies went out, to tell the API; one request about them at a time. */
  private deliveredQueue: BotEvent[] = [];
  private reportingDelivered = false;
  /** Since when posting events fails (the API away, or its database), and how many failed. */
  private failingSince?: number;
  private failedEvents = 0;

  constructor(
    private readonly api: Pick<
      ApiClient['bot'],
      'postEvents' | 'releaseUpdate' | 'deliveredUpdates' | 'redeliverUpdate'
    >,
    private readonly options: ApiSinkOptions = {},
  ) {
    this.maxBatch = options.maxBatch ?? 50;
    this.maxBatchBytes = options.maxBatchBytes ?? 256 * 1024;
    this.maxInFlight = options.maxInFlight ?? 2;
    this.log = options.log ?? silentLogger;
  }

  /**
   * Throws when the API cannot answer after the tries, or refuses the event: a webhook then
   * answers 5xx and the platform delivers the update again later.
   */
  handle(event: BotEvent): Promise<HandledEvent> {
    return new Promise((resolve, reject) => {
      this.queue.push({
        event,
        chat: `${event.channel}\u0000${event.chatId}`,
        bytes: Buffer.byteLength(JSON.stringify(event)),
        resolve,
        reject,
      });
      this.schedulePump();
    });
  }

  /** The adapter could not send this event's replies; tells the API so (see EventSink). */
  async release(event: BotEvent, sentParts = 0): Promise<void> {
    try {
      await withRetry(
        () =>
          this.api.releaseUpdate({
            channel: event.channel,
            updateId: event.updateId,
            ...(sentParts > 0 ? { sentParts } : {}),
          }),
        { tries: this.options.tries ?? 2, backoffMs: this.options.backoffMs ?? 300 },
      );
    } catch (error) {
      this.log.warn(
        `${event.channel} event ${event.updateId}: could not tell the API its replies were not sent ` +
          `(${errorMessage(error)}); a delivery again within 20 s gets no replies`,
      );
    }
  }

  /**
   * Hands the replies of an event answered to its platform to the API's outbox (see EventSink).
   * 409 (delivered or queued already) is `done`; so is 404, which cannot happen for an event
   * the API answered, said in the log. Throws when the API cannot take them now.
   */
  async redeliver(
    event: BotEvent,
    options: { sentParts: number; retryAfterSeconds?: number },
  ): Promise<RedeliverOutcome> {
    const retryAfterSeconds =
      options.retryAfterSeconds && options.retryAfterSeconds > 0
        ? Math.ceil(options.retryAfterSeconds)
        : undefined;
    try {
      await withRetry(
        () =>
          this.api.redeliverUpdate({
            channel: event.channel,
            updateId: event.updateId,
            sentParts: options.sentParts,
            ...(retryAfterSeconds ? { retryAfterSeconds } : {}),
          }),
        { tries: this.options.tries ?? 2, backoffMs: this.options.backoffMs ?? 300 },
      );
      return 'queued';
    } catch (error) {
      if (isApiError(error) && error.status === 409) return 'done';
      if (isApiError(error) && error.status === 404) {
        this.log.error(
          `${event.channel} event ${event.updateId}: the API has no record of it, so its replies ` +
            'cannot be queued; they are lost',
        );
        return 'done';
      }
      throw error;
    }
  }

  /**
   * The event's replies reached the person: tells the API in the background, with the other
   * updates delivered meanwhile (up to MAX_EVENT_BATCH a request, one request at a time). If it
   * cannot be told, a delivery of the update after about 20 s would get the replies again.
   */
  delivered(event: BotEvent): void {
    this.deliveredQueue.push(event);
    if (!this.reportingDelivered) void this.reportDelivered();
  }

  private async reportDelivered(): Promise<void> {
    this.reportingDelivered = true;
    while (this.deliveredQueue.length > 0) {
      const events = this.deliveredQueue.splice(0, MAX_EVENT_BATCH);
      const updates = events.map((e) => ({ channel: e.channel, updateId: e.updateId }));
      try {
        await withRetry(() => this.api.deliveredUpdates({ updates }), {
          tries: 2,
          backoffMs: this.options.deliveredRetryMs ?? 1_000,
        });
      } catch (error) {
        this.log.warn(
          `could not tell the API that ${events.length} update(s) were delivered ` +
            `(${errorMessage(error)}); a delivery of one again after 20 s would repeat its replies`,
        );
      }
    }
    this.reportingDelivered = false;
  }

  /** Events that arrive in the same turn of the event loop share a request. */
  private schedulePump(): void {
    if (this.pumpScheduled) return;
    this.pumpScheduled = true;
    setImmediate(() => {
      this.pumpScheduled = false;
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.maxInFlight) {
      const batch = this.takeBatch();
      if (batch.length === 0) return;
      this.inFlight += 1;
      for (const waiting of batch) this.busyChats.add(waiting.chat);
      void this.send(batch).finally(() => {
        this.inFlight -= 1;
        for (const waiting of batch) this.busyChats.delete(waiting.chat);
        this.pump();
      });
    }
  }

  /** The oldest waiting events whose chats are free, within the batch limits. */
  private takeBatch(): Waiting[] {
    const batch: Waiting[] = [];
    const rest: Waiting[] = [];
    const held = new Set<string>();
    let bytes = 0;
    for (const waiting of this.queue) {
      const fits =
        batch.length < this.maxBatch &&
        (batch.length === 0 || bytes + waiting.bytes <= this.maxBatchBytes);
      // An event stays behind an earlier one of its chat that is under way or still waiting.
      if (fits && !this.busyChats.has(waiting.chat) && !held.has(waiting.chat)) {
        batch.push(waiting);
        bytes += waiting.bytes;
      } else {
        rest.push(waiting);
        held.add(waiting.chat);
      }
    }
    this.queue = rest;
    return batch;
  }

  private async send(batch: Waiting[]): Promise<void> {
    let results: BotEventOutcome[];
    try {
      ({ results } = await withRetry(() => this.api.postEvents(batch.map((w) => w.event)), {
        tries: this.options.tries ?? 2,
        backoffMs: this.options.backoffMs ?? 300,
        onRetry: (error) => {
          // The failed try may have been recorded: the next may be told it is a duplicate.
          for (const waiting of batch) this.unanswered.add(waiting.event);
          if (this.failingSince !== undefined) return;
          this.log.warn(
            `posting ${batch.length} event(s) failed (${errorMessage(error)}), trying again`,
          );
        },
      }));
    } catch (error) {
      if (isTransient(error)) {
        for (const waiting of batch) this.unanswered.add(waiting.event);
        this.failing(error, batch.length);
      }
      for (const waiting of batch) waiting.reject(error);
      return;
    }
    this.working();
    const again: Waiting[] = [];
    for (const [index, waiting] of batch.entries()) {
      const outcome = results[index];
      if (!outcome) {
        waiting.reject(new Error('The API answered fewer results than events'));
      } else if ('error' in outcome) {
        this.notHandled(waiting, outcome.error);
      } else if (outcome.delivering && this.unanswered.has(waiting.event)) {
        again.push(waiting);
      } else {
        this.settle(waiting, outcome);
      }
    }
    if (again.length > 0) await this.askAgain(again);
  }

  /** The event's replies, or UpdateBeingDeliveredError while another delivery may send them. */
  private settle(waiting: Waiting, outcome: BotEventResult): void {
    this.unanswered.delete(waiting.event);
    if (outcome.delivering) waiting.reject(new UpdateBeingDeliveredError(waiting.event));
    else waiting.resolve(outcome);
  }

  /**
   * Events the API recorded from an earlier post of ours whose answer never reached us: their
   * replies were never sent, yet the API holds them back as if they were being delivered. Each
   * is released (`POST /bot/updates/release`) and posted once more, which hands out the stored
   * replies. If that fails, the events fail and stay marked for their next delivery.
   */
  private async askAgain(batch: Waiting[]): Promise<void> {
    const events = batch.map((w) => w.event);
    try {
      await Promise.all(
        events.map((e) => this.api.releaseUpdate({ channel: e.channel, updateId: e.updateId })),
      );
      const { results } = await this.api.postEvents(events);
      for (const [index, waiting] of batch.entries()) {
        const outcome = results[index];
        if (!outcome) waiting.reject(new Error('The API answered fewer results than events'));
        else if ('error' in outcome) this.notHandled(waiting, outcome.error);
        else this.settle(waiting, outcome);
      }
      this.log.info(
        `${events.length} event(s) the API had recorded without our getting its answer: ` +
          `their stored replies asked for again`,
      );
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
    }
  }

  private notHandled(waiting: Waiting, body: ErrorBody): void {
    const { event } = waiting;
    const error = new EventNotHandledError(body);
    if (!error.permanent) this.unanswered.add(event);
    this.log.warn(`${event.channel} event ${event.updateId} not handled: ${error.message}`);
    waiting.reject(error);
  }

  /**
   * Posting failed after the retries: the API is away, or it cannot reach its database. Said
   * once when it starts (each channel's webhooks then answer 5xx and the platforms send the
   * updates again), and once when posting works again.
   */
  private failing(error: unknown, events: number): void {
    this.failedEvents += events;
    if (this.failingSince !== undefined) return;
    this.failingSince = Date.now();
    this.log.error(
      `the API cannot handle events (${errorMessage(error)}): they are refused until it can, ` +
        `and Telegram and Zalo send them again`,
    );
  }

  private working(): void {
    if (this.failingSince === undefined) return;
    const seconds = Math.round((Date.now() - this.failingSince) / 1000);
    this.log.info(
      `the API handles events again after ${seconds} s (${this.failedEvents} refused meanwhile)`,
    );
    this.failingSince = undefined;
    this.failedEvents = 0;
  }
}
