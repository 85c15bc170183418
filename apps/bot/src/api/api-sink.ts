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
import { ErrorCode, type BotEvent, type BotEventOutcome, type ErrorBody } from '@gcm/domain';
import type { EventSink, HandledEvent } from '../channels/channel';
import { errorMessage, silentLogger, type Logger } from '../common/logger';
import { withRetry } from './retry';

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

  constructor(
    private readonly api: Pick<ApiClient['bot'], 'postEvents' | 'releaseUpdate'>,
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
  async release(event: BotEvent): Promise<void> {
    try {
      await withRetry(
        () => this.api.releaseUpdate({ channel: event.channel, updateId: event.updateId }),
        { tries: this.options.tries ?? 2, backoffMs: this.options.backoffMs ?? 300 },
      );
    } catch (error) {
      this.log.warn(
        `${event.channel} event ${event.updateId}: could not tell the API its replies were not sent ` +
          `(${errorMessage(error)}); a delivery again within 20 s gets no replies`,
      );
    }
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
        onRetry: (error) =>
          this.log.warn(
            `posting ${batch.length} event(s) failed (${errorMessage(error)}), trying again`,
          ),
      }));
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
      return;
    }
    for (const [index, waiting] of batch.entries()) {
      const outcome = results[index];
      if (!outcome) {
        waiting.reject(new Error('The API answered fewer results than events'));
      } else if ('error' in outcome) {
        const { event } = waiting;
        const error = new EventNotHandledError(outcome.error);
        this.log.warn(`${event.channel} event ${event.updateId} not handled: ${error.message}`);
        waiting.reject(error);
      } else {
        waiting.resolve(outcome);
      }
    }
  }
}
