/**
 * The Zalo Official Account channel: receives by webhook only (Zalo has no long polling) and
 * sends customer-service messages through ZaloClient.
 *
 * Zalo wants every webhook answered with 200 within 2 seconds; otherwise it counts the
 * delivery as failed, sends it again (for up to 12 hours) and eventually disables the app's
 * webhook. See `webhook` for how this channel keeps within that.
 */
import { setMaxListeners } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { RESEND_AFTER_SECONDS, type BotEvent, type BotReply } from '@gcm/domain';
import { isApiUnavailable, isRefusedForGood } from '../../api/api-sink';
import {
  DeliveryError,
  type Channel,
  type ChannelLimits,
  type EventSink,
  type FetchFileOptions,
  type HandledEvent,
  type SendOptions,
} from '../channel';
import { downloadFile } from '../download-file';
import { NoSlotError, RateLimiter, type SlotOptions } from '../rate-limiter';
import { ZaloClient, type ZaloLogger } from './zalo-client';
import {
  ZaloRedelivery,
  type Failure,
  type PendingEvent,
  type TryResult,
  type ZaloRedeliveryOptions,
} from './zalo-redelivery';
import { documentText, linkText, renderText, type ZaloOutgoing } from './zalo-render';
import type { ZaloTokenStore } from './zalo-token-store';
import { SIGNATURE_HEADER, staleness, toBotEvent, verifySignedBody } from './zalo-webhook';

/** Answer the webhook no later than this, leaving half a second of Zalo's 2 s for the network. */
const DEFAULT_ACK_AFTER_MS = 1500;
/**
 * The API answers a repeated event with no replies while its first attempt may still be
 * delivering them (RESEND_AFTER_SECONDS after it was recorded), and with the stored replies
 * after that. A re-post answered with nothing is asked once more after this long (the API's
 * window and 5 s to spare), and what it answers then is the event's answer.
 */
export const ZALO_RESEND_WINDOW_MS = (RESEND_AFTER_SECONDS + 5) * 1000;
/**
 * Zalo publishes no per-second figure for customer-service messages, only a per-minute limit
 * (error -32) and quotas; these keep us well inside it.
 */
export const ZALO_LIMITS: Readonly<ChannelLimits> = { perSecond: 10, perChatPerSecond: 1 };
/**
 * A webhook reply's message waits at most this long for a sending slot in the chat (the limiter
 * the outbox shares: a chat held for Zalo's -32 or the person's quota). What cannot have a slot by
 * then goes to the API's outbox instead of keeping the chat's later replies waiting behind it.
 */
const DEFAULT_SLOT_WAIT_MS = 10_000;

export interface ZaloChannelOptions {
  /** ZALO_APP_ID: the app at developers.zalo.me linked to the OA. */
  appId: string;
  /** ZALO_OA_SECRET_KEY: the OA secret key that signs webhook events. */
  oaSecretKey: string;
  /** ZALO_OA_ACCESS_TOKEN: used until a pair is stored (see `tokenStore`). */
  accessToken: string;
  /** ZALO_REFRESH_TOKEN: with `appSecret`, lets the channel refresh the access token. */
  refreshToken?: string;
  /** ZALO_APP_SECRET: the app's secret key, sent as `secret_key` when refreshing. */
  appSecret?: string;
  /** When the access token expires (epoch ms), if known. */
  accessTokenExpiresAt?: number;
  /** ZALO_API_BASE, default https://openapi.zalo.me */
  apiBase?: string;
  /** ZALO_OAUTH_BASE, default https://oauth.zaloapp.com */
  oauthBase?: string;
  /**
   * Where renewed tokens are kept across restarts and bot instances (the refresh token rotates):
   * read at start, where its pair wins over the configured one, and written after each renewal.
   * Without it, renewed tokens live in memory only.
   */
  tokenStore?: ZaloTokenStore;
  /** Per Zalo request, default 10 s. */
  timeoutMs?: number;
  /** The sending limits (default ZALO_LIMITS: 10 messages a second, 1 a second per chat). */
  limits?: ChannelLimits;
  /** Answer the webhook 200 after at most this long, default 1500 ms. */
  ackAfterMs?: number;
  /**
   * For tests: the re-delivery timing and size (see zalo-redelivery.ts), the API's resend window
   * and how long a webhook reply waits for a sending slot (default 10 s).
   */
  redelivery?: Pick<
    ZaloRedeliveryOptions,
    'firstDelayMs' | 'maxDelayMs' | 'giveUpAfterMs' | 'maxEvents'
  > & {
    resendWindowMs?: number;
    slotWaitMs?: number;
  };
  logger?: ZaloLogger;
}

export class ZaloChannel implements Channel {
  readonly name = 'zalo' as const;
  readonly limits: ChannelLimits;
  /**
   * Shared by the webhook replies and the outbox's sends, so together they keep the limits;
   * webhook replies go first. Each message of a reply takes its own slot: a reply of three
   * messages (the welcome) goes out over two seconds, one a second, as the channel guide says.
   */
  readonly limiter: RateLimiter;
  readonly client: ZaloClient;

  private sink?: EventSink;
  private stopping = false;
  private stopSignal = stopController();
  private readonly ackAfterMs: number;
  private readonly resendWindowMs: number;
  private readonly slotWaitMs: number;
  private readonly logger: ZaloLogger;
  private readonly redelivery: ZaloRedelivery;
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly chatQueues = new Map<string, Promise<unknown>>();

  constructor(private readonly options: ZaloChannelOptions) {
    this.logger = options.logger ?? console;
    this.limits = options.limits ?? { ...ZALO_LIMITS };
    this.limiter = new RateLimiter(this.limits);
    this.ackAfterMs = options.ackAfterMs ?? DEFAULT_ACK_AFTER_MS;
    this.resendWindowMs = options.redelivery?.resendWindowMs ?? ZALO_RESEND_WINDOW_MS;
    this.slotWaitMs = options.redelivery?.slotWaitMs ?? DEFAULT_SLOT_WAIT_MS;
    this.redelivery = new ZaloRedelivery({
      ...options.redelivery,
      tryAgain: (pending) => this.tryAgain(pending),
      logger: this.logger,
    });
    const store = options.tokenStore;
    this.client = new ZaloClient({
      appId: options.appId,
      accessToken: options.accessToken,
      refreshToken: options.refreshToken,
      appSecret: options.appSecret,
      accessTokenExpiresAt: options.accessTokenExpiresAt,
      apiBase: options.apiBase,
      oauthBase: options.oauthBase,
      timeoutMs: options.timeoutMs,
      onTokens: store && ((tokens) => store.save(tokens)),
      reloadTokens: store && (() => store.reload()),
      logger: this.logger,
    });
  }

  /** Takes the stored tokens, if any (never throws: without the API it keeps those configured). */
  async start(sink: EventSink): Promise<void> {
    if (this.options.tokenStore) {
      this.client.useTokens(await this.options.tokenStore.load(this.client.tokens));
    }
    this.sink = sink;
    this.stopping = false;
    this.stopSignal = stopController();
    this.redelivery.resume();
  }

  /**
   * Refuses new webhooks and waits for events being handled and replies being sent (replies
   * still waiting for a sending slot are not sent); stops the re-delivery, logging how many
   * events were still waiting; then a renewed token pair the API could not take yet gets a last
   * try.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    this.stopSignal.abort();
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
    await this.redelivery.stop();
    await this.options.tokenStore?.stop();
  }

  /**
   * POST /webhooks/zalo. 401 without a valid signature (checked on the raw bytes, before the
   * body is parsed), 200 for events we do not answer, cannot read or find too old or dated ahead
   * (logged, see ZALO_EVENT_MAX_AGE_MS), 503 before start /
   * while stopping; otherwise the event goes to the sink and the replies are sent to the person.
   */
  readonly webhook = async (
    req: IncomingMessage,
    res: ServerResponse,
    body: Buffer,
  ): Promise<void> => {
    if (req.method !== 'POST') return answer(res, 405, { error: 'POST only' });
    const signature = req.headers[SIGNATURE_HEADER];
    if (typeof signature !== 'string' || !signature) {
      return answer(res, 401, { error: 'missing X-ZEvent-Signature' });
    }
    const { appId, oaSecretKey } = this.options;
    if (!verifySignedBody({ appId, oaSecretKey, rawBody: body, signature })) {
      return answer(res, 401, { error: 'bad X-ZEvent-Signature' });
    }
    let payload: unknown;
    try {
      payload = JSON.parse(body.toString('utf8'));
    } catch {
      return this.unreadable(res, 'body is not JSON');
    }
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
      return this.unreadable(res, 'body is not an event');
    }
    const fields = payload as Record<string, unknown>;

    const mapped = toBotEvent(fields);
    if (mapped.kind === 'invalid') return this.unreadable(res, mapped.reason);
    if (mapped.kind === 'ignored') return answer(res, 200, { ok: true, ignored: mapped.reason });
    // Refused with 200 like an unreadable event: Zalo would otherwise deliver it again.
    const stale = staleness(mapped.event);
    if (stale) {
      this.logger.warn(`Zalo: event ${mapped.event.updateId} dropped: ${stale}`);
      return answer(res, 200, { ok: true, ignored: 'stale' });
    }
    if (!this.sink || this.stopping) return answer(res, 503, { error: 'channel not running' });
    return this.handle(this.sink, mapped.event, res);
  };

  /**
   * A signed event we cannot read. Zalo would send it again for 12 hours and then switch the
   * webhook off if we refused it, and it would never read better: 200, and a line in the log.
   */
  private unreadable(res: ServerResponse, reason: string): void {
    this.logger.warn(`Zalo: a signed event could not be read and is dropped: ${reason}`);
    answer(res, 200, { ok: true, ignored: reason });
  }

  /**
   * Delivers replies to one person, in order (the outbox worker's path), within the limits the
   * webhook replies share, after them. The messages an earlier try sent (`alreadySent`) are
   * skipped. Throws DeliveryError, whose `sent` counts the messages gone out.
   */
  /** A picture or file a person sent: Zalo's event carries its URL (`fileRef`). */
  async fetchFile(fileRef: string, options: FetchFileOptions): Promise<Buffer> {
    let url: URL;
    try {
      url = new URL(fileRef);
    } catch {
      throw new DeliveryError('Zalo: the file reference is not a URL', 'rejected');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new DeliveryError(`Zalo: a file URL must be http(s), not ${url.protocol}`, 'rejected');
    }
    return downloadFile(url.href, { ...options, label: 'Zalo file download' });
  }

  async send(chatId: string, replies: BotReply[], options: SendOptions = {}): Promise<void> {
    const alreadySent = options.alreadySent ?? 0;
    const messages = renderReplies(replies).slice(alreadySent);
    if (messages.length === 0) return;
    const progress = { sent: 0 };
    const slots: SlotOptions = {
      priority: options.priority ?? 'outbox',
      deadline: options.deadline,
      signal: options.signal,
    };
    try {
      await this.inChatOrder(chatId, () => this.sendMessages(chatId, messages, progress, slots));
    } catch (error) {
      if (!(error instanceof DeliveryError)) throw error;
      // Only a wait about this person holds their chat (see `deliver`).
      if (error.retryAfterSeconds && error.scope === 'chat') {
        this.limiter.holdChat(chatId, error.retryAfterSeconds * 1000);
      }
      throw error.afterSending(alreadySent + progress.sent);
    }
  }

  /**
   * Hands the event to the sink within Zalo's 2-second budget.
   *
   * - The sink answers within `ackAfterMs` (the usual case): send the replies, then answer 200
   *   (at `ackAfterMs` at the latest, the sending going on after it). So a bot that dies before
   *   sending has not answered 200 yet, and Zalo delivers the event again.
   * - The sink fails within `ackAfterMs` for a reason that may pass (API down, or another
   *   delivery of the event may still be sending its replies): answer 503, so Zalo delivers the
   *   event again later; the API records each (channel, updateId) once, so a retry is never
   *   processed twice.
   * - The API refuses the event as invalid: answer 200 and log it; it would be refused again.
   * - The sink is still working at `ackAfterMs`: answer 200 anyway and let the handling finish
   *   in the background, then send the replies. If it then fails, Zalo will not send the event
   *   again: it goes to the re-delivery queue, which posts it to the API again later.
   *
   * Replies that cannot be sent for a reason that passes (Zalo's -32, a 5xx, token trouble, no
   * sending slot in time) are handed to the API's outbox (`redeliver`) with the count of messages
   * sent, so that any bot instance, after a restart too, sends the rest; only while the API
   * cannot take them do they wait in the re-delivery queue, in memory. Waiting longer than
   * 1.5 s would not help: past 2 s Zalo treats the webhook as failing whatever we answer (and
   * too many of those get the webhook switched off). A slow Zalo send never counts against
   * the webhook: the 200 goes at `ackAfterMs` whatever is still being sent. Replies that went
   * out are reported to the sink (`delivered`), so that no later delivery repeats them.
   */
  private handle(sink: EventSink, event: BotEvent, res: ServerResponse): Promise<void> {
    return new Promise<void>((resolveWebhook) => {
      let answered = false;
      const respond = (status: number, body: unknown) => {
        if (answered) return;
        answered = true;
        clearTimeout(timer);
        answer(res, status, body);
        resolveWebhook();
      };
      const timer = setTimeout(() => respond(200, { ok: true, pending: true }), this.ackAfterMs);

      const work = Promise.resolve()
        .then(() => sink.handle(event))
        .then(
          async (handled) => {
            // Sent before the 200 when they go out within the budget (the timer answers at
            // ackAfterMs regardless): a bot that dies meanwhile leaves the event to Zalo's
            // retry instead of taking its replies with it.
            await this.deliverOrKeep(event, handled);
            respond(200, { ok: true });
          },
          (error: unknown) => {
            if (isRefusedForGood(error)) {
              // Invalid to the API, it would be refused again: Zalo must not send it again.
              this.logger.error(
                `Zalo: event ${event.updateId} refused by the API and dropped: ${text(error)}`,
              );
              respond(200, { ok: true, refused: true });
            } else if (!answered) {
              // The API away or its database: the sink says so once for all events (when it
              // starts and when it ends, with a count), not once per refused delivery.
              if (!isApiUnavailable(error)) {
                this.logger.warn(
                  `Zalo: event ${event.updateId} not handled, asking Zalo to retry: ${text(error)}`,
                );
              }
              respond(503, { error: 'not handled, try again' });
            } else {
              this.redelivery.add(
                { event },
                { reason: `the API failed after the webhook was answered: ${text(error)}` },
              );
            }
          },
        );
      this.track(work);
    });
  }

  /** Sends an event's replies; what cannot go now goes to the outbox (see `keep`). */
  private async deliverOrKeep(event: BotEvent, handled: HandledEvent): Promise<void> {
    const result = await this.deliverReplies(event, handled);
    if (!result.done) this.redelivery.add(result.next, result);
  }

  /**
   * Sends the replies after the `sentParts` messages an earlier delivery sent; hands what cannot
   * go now to the API's outbox.
   */
  private async deliverReplies(
    event: BotEvent,
    { replies, sentParts = 0 }: HandledEvent,
  ): Promise<TryResult> {
    const messages = this.rendered(event, replies);
    if (!messages) return { done: true };
    const result = await this.deliver(event, messages.slice(sentParts));
    if (result.done) return result;
    return this.keep(event, sentParts + result.sent, result);
  }

  /** The messages for an event's replies, or undefined (logged) for a reply we cannot send. */
  private rendered(event: BotEvent, replies: BotReply[]): ZaloOutgoing[] | undefined {
    try {
      return renderReplies(replies);
    } catch (error) {
      this.logger.error(`Zalo: replies to ${event.updateId} not delivered: ${text(error)}`);
      return undefined;
    }
  }

  /**
   * Replies of an event answered 200 that could not all be sent: the API queues them in its
   * outbox, after the `sentParts` messages that went out, not before the wait the failure asked
   * for. Every bot instance delivers the outbox, so they survive this bot's stop and reach the
   * person whichever instance is running. When the API cannot take them now, a result to try
   * handing them over again later.
   */
  private async keep(event: BotEvent, sentParts: number, failure: Failure): Promise<TryResult> {
    const sink = this.sink;
    if (!sink?.redeliver) {
      this.logger.error(
        `Zalo: replies to ${event.updateId} not delivered and nowhere to keep them: ${failure.reason}`,
      );
      return { done: true };
    }
    try {
      const outcome = await sink.redeliver(event, {
        sentParts,
        retryAfterSeconds: failure.retryAfterSeconds,
      });
      if (outcome === 'queued') {
        const after = failure.retryAfterSeconds ? ` in ${failure.retryAfterSeconds} s` : '';
        this.logger.warn(
          `Zalo: replies to event ${event.updateId} not delivered (${failure.reason}); ` +
            `queued in the outbox to go${after}, after the ${sentParts} message(s) sent`,
        );
      }
      return { done: true };
    } catch (error) {
      return {
        done: false,
        next: { event, sentParts },
        reason: `${failure.reason}; the API could not queue them: ${text(error)}`,
        retryAfterSeconds: failure.retryAfterSeconds,
      };
    }
  }

  /**
   * One try of the re-delivery queue. Replies known already (`sentParts`) are handed to the
   * API's outbox again. An event whose replies are unknown is posted to the API again: the API
   * processes it if it never recorded it, and otherwise hands out the replies it stored (see
   * ZALO_RESEND_WINDOW_MS), with the count of messages an earlier delivery sent, which are
   * skipped, so nobody gets an answer twice.
   */
  private async tryAgain(pending: PendingEvent): Promise<TryResult> {
    const { event } = pending;
    if (pending.sentParts !== undefined) {
      return this.keep(event, pending.sentParts, { reason: 'kept while the API was away' });
    }
    const sink = this.sink;
    if (!sink || this.stopping) return { done: false, next: pending, reason: 'channel stopped' };
    let handled: HandledEvent;
    try {
      handled = await sink.handle(event);
    } catch (error) {
      if (isRefusedForGood(error)) {
        this.logger.error(
          `Zalo: event ${event.updateId} refused by the API and dropped: ${text(error)}`,
        );
        return { done: true };
      }
      return { done: false, next: pending, reason: `the API failed again: ${text(error)}` };
    }
    if (handled.replies.length === 0 && !pending.answeredEmpty) {
      return {
        done: false,
        next: { event, answeredEmpty: true },
        reason: 'the API has no replies to hand out yet',
        retryAfterSeconds: this.resendWindowMs / 1000,
      };
    }
    return this.deliverReplies(event, handled);
  }

  /**
   * Sends messages for an event within the channel's limits, in the chat's order, one a second.
   * Done when they all went out or failed for good (logged); otherwise how many went out and
   * why the rest did not. A message with no sending slot within `slotWaitMs` (the chat held for
   * a limit about it) is not waited for. Only a failure whose wait is about this chat holds it;
   * one about the OA (token trouble, -200, an OA not allowed to send) does not, so the person's
   * next replies are not kept waiting behind it.
   */
  private async deliver(
    event: BotEvent,
    messages: ZaloOutgoing[],
  ): Promise<{ done: true } | ({ done: false; sent: number } & Failure)> {
    if (messages.length === 0) return { done: true };
    const { chatId } = event;
    const progress = { sent: 0 };
    try {
      await this.inChatOrder(chatId, () =>
        this.sendMessages(chatId, messages, progress, {
          priority: 'reply',
          signal: this.stopSignal.signal,
          deadline: Date.now() + this.slotWaitMs,
        }),
      );
      this.sink?.delivered?.(event);
      return { done: true };
    } catch (error) {
      if (error instanceof DeliveryError && error.kind !== 'retry') {
        this.logger.error(`Zalo: replies to ${event.updateId} not delivered: ${text(error)}`);
        return { done: true };
      }
      const retryAfterSeconds =
        error instanceof DeliveryError ? error.retryAfterSeconds : undefined;
      if (retryAfterSeconds && error instanceof DeliveryError && error.scope === 'chat') {
        this.limiter.holdChat(chatId, retryAfterSeconds * 1000);
      }
      const reason =
        error instanceof NoSlotError && error.reason === 'too-late'
          ? `no sending slot for the chat within ${Math.round(this.slotWaitMs / 1000)} s`
          : text(error);
      return { done: false, sent: progress.sent, reason, retryAfterSeconds };
    }
  }

  /**
   * Sends messages one after another, each in its own slot of the limiter (one a second in the
   * chat), counting those that went out. Throws DeliveryError (NoSlotError without a slot).
   */
  private async sendMessages(
    chatId: string,
    messages: ZaloOutgoing[],
    progress: { sent: number },
    slots: SlotOptions,
  ): Promise<void> {
    await this.limiter.deliver(chatId, slots, async (send) => {
      for (const message of messages) {
        await send(() => this.client.sendText(chatId, message.text, message.buttons));
        progress.sent += 1;
      }
    });
  }

  /** Runs `job` after the jobs already queued for this chat, so replies keep their order. */
  private inChatOrder<T>(chatId: string, job: () => Promise<T>): Promise<T> {
    const previous = this.chatQueues.get(chatId) ?? Promise.resolve();
    const next = previous.then(job, job);
    const settled = next.then(
      () => undefined,
      () => undefined,
    );
    this.chatQueues.set(chatId, settled);
    void settled.then(() => {
      if (this.chatQueues.get(chatId) === settled) this.chatQueues.delete(chatId);
    });
    this.track(settled);
    return next;
  }

  private track(work: Promise<unknown>): void {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work)).catch(() => undefined);
  }
}

/**
 * What stops the channel. Every reply waiting for a sending slot listens to its signal until it
 * has one (and then stops listening): after an outage, hundreds at once, which is no leak, so
 * Node's warning at eleven listeners is off.
 */
function stopController(): AbortController {
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  return controller;
}

/** The Zalo messages for replies: text with buttons, links and documents as text. */
function renderReplies(replies: BotReply[]): ZaloOutgoing[] {
  return replies.flatMap((reply): ZaloOutgoing[] => {
    switch (reply.type) {
      case 'text':
        return renderText(reply);
      case 'link':
        return [{ text: linkText(reply) }];
      case 'document':
        return [{ text: documentText(reply) }];
      default: {
        const unknown: never = reply;
        throw new DeliveryError(`unknown reply ${JSON.stringify(unknown)}`, 'rejected');
      }
    }
  });
}

function answer(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent || res.writableEnded) return;
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function text(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
