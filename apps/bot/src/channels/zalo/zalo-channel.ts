/**
 * The Zalo Official Account channel: receives by webhook only (Zalo has no long polling) and
 * sends customer-service messages through ZaloClient.
 *
 * Zalo wants every webhook answered with 200 within 2 seconds; otherwise it counts the
 * delivery as failed, sends it again (for up to 12 hours) and eventually disables the app's
 * webhook. See `webhook` for how this channel keeps within that.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BotEvent, BotReply } from '@gcm/domain';
import { isRefusedEvent } from '../../api/api-sink';
import { DeliveryError, type Channel, type ChannelLimits, type EventSink } from '../channel';
import { ZaloClient, type ZaloLogger } from './zalo-client';
import { renderText } from './zalo-render';
import type { ZaloTokenStore } from './zalo-token-store';
import { SIGNATURE_HEADER, toBotEvent, verifySignedBody } from './zalo-webhook';

/** Answer the webhook no later than this, leaving half a second of Zalo's 2 s for the network. */
const DEFAULT_ACK_AFTER_MS = 1500;

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
  /** Answer the webhook 200 after at most this long, default 1500 ms. */
  ackAfterMs?: number;
  logger?: ZaloLogger;
}

export class ZaloChannel implements Channel {
  readonly name = 'zalo' as const;
  /**
   * Zalo publishes no per-second figure for customer-service messages, only a per-minute
   * limit (error -32) and quotas; these keep us well inside it.
   */
  readonly limits: ChannelLimits = { perSecond: 10, perChatPerSecond: 1 };
  readonly client: ZaloClient;

  private sink?: EventSink;
  private stopping = false;
  private readonly ackAfterMs: number;
  private readonly logger: ZaloLogger;
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly chatQueues = new Map<string, Promise<unknown>>();

  constructor(private readonly options: ZaloChannelOptions) {
    this.logger = options.logger ?? console;
    this.ackAfterMs = options.ackAfterMs ?? DEFAULT_ACK_AFTER_MS;
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
  }

  /**
   * Refuses new webhooks and waits for events being handled and replies being sent; then a
   * renewed token pair the API could not take yet gets a last try.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
    await this.options.tokenStore?.stop();
  }

  /**
   * POST /webhooks/zalo. 401 without a valid signature (checked on the raw bytes, before the
   * body is parsed), 200 for events we do not answer or cannot read (logged), 503 before start /
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

  /** Delivers replies to one person, in order. Throws DeliveryError. */
  send(chatId: string, replies: BotReply[]): Promise<void> {
    return this.inChatOrder(chatId, async () => {
      for (const reply of replies) {
        switch (reply.type) {
          case 'text':
            for (const message of renderText(reply)) {
              await this.client.sendText(chatId, message.text, message.buttons);
            }
            break;
          case 'link':
            await this.client.sendLink(chatId, reply);
            break;
          case 'document':
            await this.client.sendFile(chatId, reply);
            break;
          default: {
            const unknown: never = reply;
            throw new DeliveryError(`unknown reply ${JSON.stringify(unknown)}`, 'rejected');
          }
        }
      }
    });
  }

  /**
   * Hands the event to the sink within Zalo's 2-second budget.
   *
   * - The sink answers within `ackAfterMs` (the usual case): answer 200, then send the replies.
   * - The sink fails within `ackAfterMs` (API down): answer 503, so Zalo delivers the event
   *   again later; the API records each (channel, updateId) once, so a retry is never
   *   processed twice.
   * - The sink is still working at `ackAfterMs`: answer 200 anyway and let the handling finish
   *   in the background, then send the replies; a failure then is only logged.
   *
   * The trade-off is in the last case. Waiting longer would let a late failure still ask Zalo
   * for a retry, but past 2 s Zalo treats the webhook as failing whatever we answer (and too
   * many of those get the webhook switched off). Answering at 1.5 s keeps the webhook healthy
   * and costs only the rare event whose API call is both slow and then fails: that person gets
   * no answer and writes again. The replies are sent after the 200 in every case, so a slow
   * Zalo send never counts against the webhook.
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
          async (replies) => {
            respond(200, { ok: true });
            await this.sendLogged(event, replies);
          },
          (error: unknown) => {
            if (isRefusedEvent(error)) {
              // Invalid to the API, it would be refused again: Zalo must not send it again.
              this.logger.error(
                `Zalo: event ${event.updateId} refused by the API and dropped: ${text(error)}`,
              );
              respond(200, { ok: true, refused: true });
            } else if (!answered) {
              this.logger.warn(
                `Zalo: event ${event.updateId} not handled, asking Zalo to retry: ${text(error)}`,
              );
              respond(503, { error: 'not handled, try again' });
            } else {
              this.logger.error(
                `Zalo: event ${event.updateId} failed after the webhook was answered; it is lost: ${text(error)}`,
              );
            }
          },
        );
      this.track(work);
    });
  }

  private async sendLogged(event: BotEvent, replies: BotReply[]): Promise<void> {
    if (replies.length === 0) return;
    try {
      await this.send(event.chatId, replies);
    } catch (error) {
      this.logger.error(`Zalo: replies to ${event.updateId} not delivered: ${text(error)}`);
    }
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

function answer(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent || res.writableEnded) return;
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function text(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
