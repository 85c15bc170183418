/**
 * The one interface every chat platform implements (Telegram, Zalo, the web chat). Nothing
 * outside an adapter knows which platform it is on: an adapter turns platform updates into
 * neutral BotEvents for the API and renders the API's neutral BotReplies for its platform.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BotEvent, BotEventResult, BotReply, Channel as ChannelName } from '@gcm/domain';

export type { ChannelName };

/**
 * What the API made of an event: the replies to send (after the `sentParts` platform messages an
 * earlier delivery sent, when it hands out stored replies), and whether it opened an inbox item.
 */
export type HandledEvent = Pick<BotEventResult, 'replies' | 'handoffOpened' | 'sentParts'>;

/** What the API did with replies handed to it for re-delivery (EventSink.redeliver). */
export type RedeliverOutcome = 'queued' | 'done';

/**
 * Where an adapter hands each incoming event: the API records it (once per channel and update
 * id), runs the conversation and answers the replies to send. Throws when the API cannot be
 * reached, so that a webhook can answer 5xx and the platform retries.
 */
export interface EventSink {
  /**
   * The event's replies. Throws when they cannot be had now: the API is away, or (an
   * `UpdateBeingDeliveredError`) another delivery of this update, maybe on another instance,
   * got them and has not said it sent them yet; either way the update is to come again later.
   */
  handle(event: BotEvent): Promise<HandledEvent>;
  /**
   * The replies `handle` gave for this event reached the person (or failed for good): a later
   * delivery of the update gets nothing to send. Never throws; said to the API in the
   * background. Without it, a delivery after about 20 s gets the replies again.
   */
  delivered?(event: BotEvent): void;
  /**
   * Sending the replies `handle` gave for this event failed after `sentParts` platform messages
   * went out: the API hands them to the event's next delivery at once, with that count, so that
   * it sends only the rest, on any instance (a repeat within about 20 s otherwise gets no
   * replies, in case the first attempt is still delivering). Never throws: if the API cannot be
   * told, the wait just runs out.
   */
  release?(event: BotEvent, sentParts?: number): Promise<void>;
  /**
   * The replies `handle` gave for this event cannot be sent now, after `sentParts` platform
   * messages, and the platform will not deliver the event again (Zalo, answered 200): the API
   * queues the rest in its outbox, not before `retryAfterSeconds`, for any bot instance to
   * deliver. `done` when they were delivered or queued already. Throws when the API cannot take
   * them now.
   */
  redeliver?(
    event: BotEvent,
    options: { sentParts: number; retryAfterSeconds?: number },
  ): Promise<RedeliverOutcome>;
}

/** Whom a DeliveryError's wait is about: one chat, or the whole channel. */
export type DeliveryScope = 'chat' | 'channel';

/** Why a delivery failed, as the outbox worker needs to know it. */
export class DeliveryError extends Error {
  override readonly name = 'DeliveryError';

  constructor(
    message: string,
    /**
     * `retry`: rate limit, server error or our own credentials, try again later; `permanent`:
     * the person cannot receive (blocked, unknown chat), so the chat is unreachable;
     * `rejected`: the platform refused this message as malformed: it fails, the chat stays
     * reachable.
     */
    readonly kind: 'retry' | 'permanent' | 'rejected',
    /** What the platform asked for (Telegram's retry_after), in seconds. */
    readonly retryAfterSeconds?: number,
    /**
     * Whom the wait is about. `chat`: this person's chat alone (Telegram's 429 for the chat,
     * Zalo's per-minute -32 or the person's receive quota -218): nothing else goes to the chat
     * until then, so the sender holds the chat in its rate limiter. `channel` (the default):
     * the platform, the OA or our credentials; the chat is not held (the outbox's own retry
     * back-off covers the item), so other messages to the person, such as webhook replies, are
     * not kept waiting behind it.
     */
    readonly scope: DeliveryScope = 'channel',
    /**
     * Platform messages of the delivery that had gone out when it failed, those an earlier try
     * sent included (a long text is several Telegram messages): the next try skips them.
     */
    readonly sent = 0,
  ) {
    super(message);
  }

  /** The same failure, after `sent` platform messages of the delivery went out. */
  afterSending(sent: number): DeliveryError {
    return new DeliveryError(this.message, this.kind, this.retryAfterSeconds, this.scope, sent);
  }
}

/**
 * Who waits for a delivery: `reply`, a person who just wrote (an answer, a button's result);
 * `outbox`, nobody in particular (broadcasts, staff replies, reminders). Within a channel's
 * sending budget, replies go first.
 */
export type SendPriority = 'reply' | 'outbox';

export interface SendOptions {
  /** Default `outbox`. */
  priority?: SendPriority;
  /**
   * Platform messages of these replies that an earlier try sent (DeliveryError.sent): they are
   * not sent again.
   */
  alreadySent?: number;
  /** Epoch ms: a message whose sending slot would come later is not sent (NoSlotError). */
  deadline?: number;
  /** Aborted: messages still waiting for a slot are not sent (NoSlotError). */
  signal?: AbortSignal;
}

/** Sending limits a platform imposes; the channel keeps every send within them. */
export interface ChannelLimits {
  /** Messages per second for the whole bot. */
  perSecond: number;
  /** Messages per second to one chat. */
  perChatPerSecond: number;
}

export interface Channel {
  readonly name: ChannelName;
  readonly limits: ChannelLimits;
  /** Starts receiving (long polling, or nothing for webhooks); events go to `sink`. */
  start(sink: EventSink): Promise<void>;
  /** Stops receiving and lets in-flight work finish. */
  stop(): Promise<void>;
  /**
   * The platform's webhook, mounted by the bot's HTTP server at `/webhooks/<name>` when the
   * channel receives by webhook. It checks the request's authenticity itself (401 when forged).
   */
  readonly webhook?: (req: IncomingMessage, res: ServerResponse, body: Buffer) => Promise<void>;
  /**
   * Delivers replies to one chat, in order, within `limits`: the channel paces its own sends,
   * webhook replies and outbox deliveries in one budget (see RateLimiter). Throws DeliveryError,
   * whose `sent` says how many platform messages went out.
   */
  send(chatId: string, replies: BotReply[], options?: SendOptions): Promise<void>;
  /**
   * Downloads a file a person sent, by the `fileRef` of its file event, at most `maxBytes` (the
   * outbox's `fetch_file`: a photo of a confidential report, for the API to keep). Throws
   * DeliveryError: `rejected` when the platform will never give it (gone, too large), `retry`
   * when it might later. Chat platforms only.
   */
  fetchFile?(fileRef: string, options: FetchFileOptions): Promise<Buffer>;
}

export interface FetchFileOptions {
  maxBytes: number;
  signal?: AbortSignal;
}
