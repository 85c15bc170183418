/**
 * The Telegram adapter, on telegraf's Bot API client. Receives by long polling (development, one
 * instance) or by webhook (production, any number of instances); maps each update to a BotEvent,
 * hands it to the sink and sends the replies; delivers the outbox's replies with `send`.
 *
 * Every Telegram message goes through one RateLimiter: 30 a second for the bot and one a second
 * per chat, replies to people before outbox messages. A 429 is waited out for as long as
 * Telegram's retry_after says, and the delivery goes on with the message that met it.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BOT_TEXTS, type BotReply } from '@gcm/domain';
import { isApiError } from '@gcm/api-client';
import { Telegraf } from 'telegraf';
import type { Update } from 'telegraf/types';
import { isApiUnavailable, isRefusedForGood } from '../../api/api-sink';
import { consoleLogger, errorMessage, type Logger } from '../../common/logger';
import {
  DeliveryError,
  type Channel,
  type ChannelLimits,
  type EventSink,
  type FetchFileOptions,
  type SendOptions,
} from '../channel';
import { downloadFile } from '../download-file';
import { RateLimiter, type PacedSend } from '../rate-limiter';
import {
  TELEGRAM_ALLOWED_UPDATES,
  mapTelegramUpdate,
  type MappedUpdate,
} from './map-telegram-update';
import {
  renderTelegramLink,
  renderTelegramText,
  toInlineKeyboard,
  truncateText,
} from './render-telegram';
import { toDeliveryError } from './telegram-errors';
import { TelegramPoller, type FailureKind } from './telegram-poller';

export interface TelegramChannelOptions {
  /** TELEGRAM_BOT_TOKEN. */
  token: string;
  /** TELEGRAM_API_ROOT: another Bot API server (tests, a local Bot API server). */
  apiRoot?: string;
  /** `webhook` when TELEGRAM_WEBHOOK_URL is set, else `polling`. */
  mode: 'polling' | 'webhook';
  /** TELEGRAM_WEBHOOK_SECRET: required for webhooks; 1–256 of A–Z, a–z, 0–9, _ and -. */
  webhookSecret?: string;
  /**
   * TELEGRAM_WEBHOOK_URL: the public URL of `/webhooks/telegram`; start() registers it with
   * setWebhook. Without it the webhook is served but registering it is left to someone else.
   */
  webhookUrl?: string;
  /** TELEGRAM_WEBHOOK_MAX_CONNECTIONS: sent with setWebhook (default: Telegram's, 40). */
  webhookMaxConnections?: number;
  /** Seconds one long poll waits (default 30). */
  pollTimeoutSeconds?: number;
  /** Back-off after a failed poll or update, in ms (default 1 s doubling to 30 s). */
  retryDelayMs?: { min: number; max: number };
  /** When long polling drops an update that keeps failing (default: 20 tries or 10 minutes). */
  giveUp?: { tries: number; afterMs: number };
  /** Telegram's sending limits (default 30 messages a second, 1 a second per chat). */
  limits?: ChannelLimits;
  /**
   * How long the replies to an update may take to go out, waits for sending slots and for
   * Telegram's retry_after included, before the update is left to come again (default 10 s).
   */
  replyWaitMs?: number;
  /** Default: the bot's console log. */
  logger?: Logger;
}

type WebhookHandler = (req: IncomingMessage, res: ServerResponse, body: Buffer) => Promise<void>;

const SECRET_HEADER = 'x-telegram-bot-api-secret-token';
const SECRET_FORMAT = /^[A-Za-z0-9_-]{1,256}$/;
const CAPTION_MAX = 1024;

/**
 * How long the replies to an update may take to go out (waiting for sending slots and for
 * Telegram's retry_after) before the update is left to come again (webhook 500, polling later).
 */
const REPLY_WAIT_MS = 10_000;
/** A message that meets a 429 is sent again after retry_after, at most this many times in all. */
const TRIES_PER_MESSAGE = 5;
/** Callback queries remembered as answered. */
const ANSWERED_CALLBACKS = 1000;

/** One Telegram message, ready to send. */
type TelegramMessage = () => Promise<unknown>;

/**
 * The callback queries (button presses) answered lately: each is answered once, however often
 * its update is delivered (Telegram refuses a second answer as "query is too old").
 */
class AnsweredCallbacks {
  private readonly ids = new Set<string>();

  /** True the first time `id` is seen. */
  first(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    if (this.ids.size > ANSWERED_CALLBACKS) this.ids.delete(this.ids.values().next().value!);
    return true;
  }
}

export class TelegramChannel implements Channel {
  readonly name = 'telegram' as const;
  readonly limits: ChannelLimits;
  /** Only in webhook mode; the bot's server mounts it at /webhooks/telegram. */
  readonly webhook?: WebhookHandler;

  private readonly bot: Telegraf;
  private readonly logger: Logger;
  private readonly secretDigest?: Buffer;
  private sink?: EventSink;
  private botUsername?: string;
  private poller?: TelegramPoller;
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly answeredCallbacks = new AnsweredCallbacks();
  /** Webhook replies and outbox deliveries alike. */
  private readonly limiter: RateLimiter;
  private readonly replyWaitMs: number;

  constructor(private readonly options: TelegramChannelOptions) {
    if (!options.token) throw new Error('Telegram: a bot token is required');
    if (options.mode === 'webhook') {
      if (!options.webhookSecret || !SECRET_FORMAT.test(options.webhookSecret)) {
        throw new Error(
          'Telegram: webhook mode needs TELEGRAM_WEBHOOK_SECRET (1-256 characters: A-Z, a-z, 0-9, _ or -)',
        );
      }
      this.secretDigest = digest(options.webhookSecret);
      this.webhook = (req, res, body) => this.track(this.handleWebhook(req, res, body));
    }
    this.logger = options.logger ?? consoleLogger;
    this.limits = options.limits ?? { perSecond: 30, perChatPerSecond: 1 };
    this.limiter = new RateLimiter(this.limits);
    this.replyWaitMs = options.replyWaitMs ?? REPLY_WAIT_MS;
    this.bot = new Telegraf(options.token, {
      telegram: { ...(options.apiRoot ? { apiRoot: options.apiRoot } : {}), webhookReply: false },
    });
  }

  async start(sink: EventSink): Promise<void> {
    if (this.sink) throw new Error('Telegram channel already started');
    const me = await this.bot.telegram.getMe();
    this.botUsername = me.username;
    this.sink = sink;

    if (this.options.mode === 'webhook') {
      if (this.options.webhookUrl) {
        await this.bot.telegram.setWebhook(this.options.webhookUrl, {
          secret_token: this.options.webhookSecret,
          allowed_updates: [...TELEGRAM_ALLOWED_UPDATES],
          ...(this.options.webhookMaxConnections
            ? { max_connections: this.options.webhookMaxConnections }
            : {}),
        });
        this.logger.info(
          `Telegram: @${me.username} receives by webhook at ${this.options.webhookUrl}`,
        );
      } else {
        this.logger.info(`Telegram: @${me.username} receives by webhook (registered elsewhere)`);
      }
      return;
    }

    // getUpdates answers 409 while a webhook is set; keep its pending updates for us.
    await this.bot.telegram.deleteWebhook({ drop_pending_updates: false });
    this.poller = new TelegramPoller(this.bot.telegram, (update) => this.receive(update, sink), {
      timeoutSeconds: this.options.pollTimeoutSeconds ?? 30,
      retryDelayMs: this.options.retryDelayMs ?? { min: 1_000, max: 30_000 },
      giveUp: this.options.giveUp,
      classify: classifyFailure,
      logger: this.logger,
    });
    this.poller.start();
    this.logger.info(`Telegram: @${me.username} receives by long polling`);
  }

  async stop(): Promise<void> {
    const poller = this.poller;
    this.poller = undefined;
    this.sink = undefined;
    await poller?.stop();
    await Promise.allSettled([...this.inFlight]);
  }

  /** The outbox's path (priority `outbox` unless told). */
  send(chatId: string, replies: BotReply[], options: SendOptions = {}): Promise<void> {
    return this.deliver(chatId, replies, options);
  }

  /**
   * getFile, then the file from `<api root>/file/bot<token>/<path>` (telegraf's getFileLink, so
   * TELEGRAM_API_ROOT counts). Telegram's 400 for a file id it no longer knows is `rejected`.
   */
  async fetchFile(fileRef: string, options: FetchFileOptions): Promise<Buffer> {
    let link: URL;
    try {
      const file = await this.bot.telegram.getFile(fileRef);
      if (file.file_size !== undefined && file.file_size > options.maxBytes) {
        throw new DeliveryError(
          `Telegram getFile: the file has ${file.file_size} bytes, more than ${options.maxBytes}`,
          'rejected',
        );
      }
      link = await this.bot.telegram.getFileLink(file);
    } catch (error) {
      const failure = toDeliveryError(error);
      // A 403 is about a chat when sending; for a file it is the file refused.
      throw failure.kind === 'permanent' ? new DeliveryError(failure.message, 'rejected') : failure;
    }
    if (link.protocol !== 'http:' && link.protocol !== 'https:') {
      throw new DeliveryError(
        'Telegram: a local Bot API server gave a path, not a URL',
        'rejected',
      );
    }
    return downloadFile(link.href, { ...options, label: 'Telegram file download' });
  }

  /**
   * Sends the replies' Telegram messages one by one within the limits, skipping the first
   * `alreadySent`. Throws DeliveryError, whose `sent` counts the messages gone out (skipped ones
   * included), so that the next try sends only the rest.
   */
  private async deliver(chatId: string, replies: BotReply[], options: SendOptions): Promise<void> {
    const deadline = options.deadline ?? Infinity;
    let sent = options.alreadySent ?? 0;
    try {
      const messages = replies.flatMap((reply) => this.messagesOf(chatId, reply));
      if (sent >= messages.length) return;
      await this.limiter.deliver(
        chatId,
        { priority: options.priority ?? 'outbox', deadline, signal: options.signal },
        async (send) => {
          for (const message of messages.slice(sent)) {
            await this.sendMessage(chatId, message, send, deadline);
            sent += 1;
          }
        },
      );
    } catch (error) {
      throw toDeliveryError(error).afterSending(sent);
    }
  }

  /**
   * Sends one message in its slot. A 429 holds the chat for the retry_after Telegram gave, and
   * the message goes again then, if that is before the deadline (and within TRIES_PER_MESSAGE):
   * the delivery goes on where it stopped. Throws DeliveryError.
   */
  private async sendMessage(
    chatId: string,
    message: TelegramMessage,
    send: PacedSend,
    deadline: number,
  ): Promise<void> {
    for (let tries = 1; ; tries += 1) {
      try {
        await send(message);
        return;
      } catch (error) {
        const failure = toDeliveryError(error);
        const waitSeconds = failure.retryAfterSeconds;
        if (failure.kind !== 'retry' || failure.scope !== 'chat' || waitSeconds === undefined) {
          throw failure;
        }
        this.limiter.holdChat(chatId, waitSeconds * 1000);
        if (tries >= TRIES_PER_MESSAGE || Date.now() + waitSeconds * 1000 > deadline) {
          throw failure;
        }
        this.logger.warn(
          `Telegram: chat ${chatId}: ${failure.message}; sending on in ${waitSeconds} s`,
        );
      }
    }
  }

  /**
   * Handles one update end to end: map, hand to the sink, send the replies. Throws when the update
   * should come again (the sink failed, or sending failed for a reason that may pass: the sink is
   * then told, so that the next delivery gets the replies). One the API refuses as it is would be
   * refused at every delivery: it is logged with the API's reasons, the person gets an apology,
   * and it counts as handled (webhook 200, polling moves on).
   *
   * The replies go before outbox messages, and a 429 is waited out for as long as Telegram asks
   * if that ends within `replyWaitMs`. When a send fails part-way anyway (a longer wait, a 5xx
   * after the first messages went out), the API is told how many Telegram messages went out
   * (`release`), and the update's next delivery, on this instance or another, after a restart
   * too, gets the same stored replies with that count and skips them. A button press is answered (answerCallbackQuery) at its first delivery
   * only.
   */
  private async receive(update: Update, sink: EventSink): Promise<void> {
    let mapped: MappedUpdate;
    try {
      mapped = mapTelegramUpdate(update, { botUsername: this.botUsername });
    } catch (error) {
      this.logger.error(
        `Telegram: update ${update.update_id} could not be read: ${errorMessage(error)}`,
      );
      return;
    }
    if (mapped.callbackQueryId && this.answeredCallbacks.first(mapped.callbackQueryId)) {
      await this.answerCallbackQuery(mapped.callbackQueryId);
    }
    if (mapped.kind === 'ignored') {
      this.logger.info(`Telegram: update ${update.update_id} ignored: ${mapped.reason}`);
      return;
    }
    let replies: BotReply[];
    let sentParts: number | undefined;
    try {
      ({ replies, sentParts } = await sink.handle(mapped.event));
    } catch (error) {
      if (!isRefusedForGood(error)) throw error;
      this.logger.error(
        `Telegram: update ${update.update_id} refused by the API, not tried again: ${errorMessage(error)}`,
      );
      await this.apologise(mapped.event.chatId);
      return;
    }
    try {
      await this.deliver(mapped.event.chatId, replies, {
        priority: 'reply',
        alreadySent: sentParts ?? 0,
        deadline: Date.now() + this.replyWaitMs,
      });
      if (replies.length > 0) sink.delivered?.(mapped.event);
    } catch (error) {
      const failure = toDeliveryError(error);
      if (failure.kind !== 'retry') {
        this.logger.warn(
          `Telegram: replies to chat ${mapped.event.chatId} dropped: ${failure.message}`,
        );
        return;
      }
      // The update comes again (webhook 500, or polling tries it again): the API is to hand it
      // the stored replies at once, not treat it as a duplicate still being delivered, with the
      // count of those that went out, which are skipped then.
      if (replies.length > 0) await sink.release?.(mapped.event, failure.sent);
      throw failure;
    }
  }

  /** Tells the person their message could not be handled; never throws. */
  private async apologise(chatId: string): Promise<void> {
    try {
      // The API refused the event, so the person's language is not known: Vietnamese, as the
      // web chat says it.
      await this.deliver(chatId, [{ type: 'text', text: BOT_TEXTS.vi.refused }], {
        priority: 'reply',
        deadline: Date.now() + this.replyWaitMs,
      });
    } catch (error) {
      this.logger.warn(`Telegram: could not tell chat ${chatId} so: ${errorMessage(error)}`);
    }
  }

  private async answerCallbackQuery(id: string): Promise<void> {
    try {
      await this.bot.telegram.answerCbQuery(id);
    } catch (error) {
      // Too old (an update handled again) or already answered: the spinner is gone either way.
      this.logger.warn(`Telegram: answerCallbackQuery failed: ${errorMessage(error)}`);
    }
  }

  private async handleWebhook(
    req: IncomingMessage,
    res: ServerResponse,
    body: Buffer,
  ): Promise<void> {
    if (req.method !== 'POST') return respond(res, 405, { error: 'Use POST' });
    if (!this.hasValidSecret(req.headers[SECRET_HEADER])) {
      return respond(res, 401, { error: 'Missing or wrong secret token' });
    }
    const update = parseUpdate(body);
    if (!update) return respond(res, 400, { error: 'Not a Telegram update' });
    const sink = this.sink;
    if (!sink) return respond(res, 503, { error: 'Telegram channel not started' });

    try {
      await this.receive(update, sink);
      respond(res, 200, { ok: true });
    } catch (error) {
      // The API is down or Telegram refused the replies for now: Telegram sends the update again.
      // An API that cannot be reached is said once for all updates by the sink (when it starts
      // and when it ends, with a count), not once per refused delivery.
      if (!isApiUnavailable(error)) {
        this.logger.warn(
          `Telegram: update ${update.update_id} not handled: ${errorMessage(error)}`,
        );
      }
      respond(res, 500, { error: 'Update not handled, try again' });
    }
  }

  private hasValidSecret(header: string | string[] | undefined): boolean {
    if (typeof header !== 'string' || !this.secretDigest) return false;
    return timingSafeEqual(digest(header), this.secretDigest);
  }

  /** One reply as the Telegram messages it makes (a long text is split at 4096 characters). */
  private messagesOf(chatId: string, reply: BotReply): TelegramMessage[] {
    const telegram = this.bot.telegram;
    switch (reply.type) {
      case 'text': {
        const keyboard = reply.buttons ? toInlineKeyboard(reply.buttons) : [];
        const parts = renderTelegramText(reply.text, reply.format ?? 'plain');
        if (parts.length === 0 && keyboard.length > 0) parts.push('…');
        return parts.map((part, index) => {
          const last = index === parts.length - 1;
          return () =>
            telegram.sendMessage(chatId, part, {
              parse_mode: 'HTML',
              ...(last && keyboard.length > 0
                ? { reply_markup: { inline_keyboard: keyboard } }
                : {}),
            });
        });
      }
      case 'document':
        // Telegram fetches the file from the URL itself (it must be public).
        return [
          () =>
            telegram.sendDocument(chatId, reply.url, {
              ...(reply.caption ? { caption: truncateText(reply.caption, CAPTION_MAX) } : {}),
            }),
        ];
      case 'link':
        return renderTelegramLink(reply.title, reply.url, reply.description).map(
          (part) => () => telegram.sendMessage(chatId, part, { parse_mode: 'HTML' }),
        );
    }
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work)).catch(() => undefined);
    return work;
  }
}

/**
 * What a failed update means for long polling: refused for good (pass it), the API not reachable
 * at all (every update waits alike, it does not count against this one), or something that may
 * pass for this update (tried again, for a while).
 */
function classifyFailure(error: unknown): FailureKind {
  if (isRefusedForGood(error)) return 'permanent';
  if (error instanceof DeliveryError && error.kind === 'permanent') return 'permanent';
  if (isApiError(error)) return 'outage';
  return 'temporary';
}

/** The update in a webhook body, or undefined when it is not JSON or not an update. */
function parseUpdate(body: Buffer): Update | undefined {
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    const updateId = (value as { update_id?: unknown }).update_id;
    return Number.isSafeInteger(updateId) ? (value as Update) : undefined;
  } catch {
    return undefined;
  }
}

function respond(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
