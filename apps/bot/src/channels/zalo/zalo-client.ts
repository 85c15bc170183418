/**
 * A small typed client of the Zalo Official Account API v3 on Node's fetch: customer-service
 * messages (`POST /v3.0/oa/message/cs`) and the OA access-token refresh
 * (`POST /v4/oa/access_token` on the OAuth host). See docs/adr/0004 for why not `zalo-sdk`.
 *
 * Zalo facts this file relies on:
 * - The access token goes in an `access_token` header (not `Authorization`). A failure is
 *   usually HTTP 200 with `{ error: <negative code>, message }`; success is `{ error: 0, data }`.
 * - An OA access token lives ~25 hours (`expires_in` is seconds, sent as a string). The refresh
 *   is a form post `refresh_token, app_id, grant_type=refresh_token` with the app's secret key
 *   in a `secret_key` header (the app secret from developers.zalo.me, not the OA secret key
 *   that signs webhooks). It answers a new access token AND a new refresh token: a refresh token
 *   can be used once (and lasts ~3 months), so the old one is dead after a refresh.
 *
 * Persisting tokens: the client keeps the newest tokens in memory. `onTokens` stores each renewed
 * pair somewhere that survives a restart, and `reloadTokens` reads back a pair another bot
 * instance stored after spending the refresh token first (the bot wires both to the API:
 * zalo-token-store.ts). Without them a restart starts again from ZALO_REFRESH_TOKEN, which a
 * refresh has used up, and two instances would spend the same refresh token, one of them losing.
 */
import { DeliveryError, type DeliveryScope } from '../channel';
import { documentText, linkText } from './zalo-render';

export const DEFAULT_ZALO_API_BASE = 'https://openapi.zalo.me';
export const DEFAULT_ZALO_OAUTH_BASE = 'https://oauth.zaloapp.com';
export const ZALO_MESSAGE_PATH = '/v3.0/oa/message/cs';
export const ZALO_TOKEN_PATH = '/v4/oa/access_token';

const DEFAULT_TIMEOUT_MS = 10_000;
/** Refresh this long before the known expiry, so a send never races the deadline. */
const EXPIRY_SKEW_MS = 60_000;
/** How long the outbox should wait when our own credentials are the problem. */
const CREDENTIALS_RETRY_SECONDS = 300;

/**
 * The OA API error codes this client acts on, from the "Mã lỗi" appendix of the Official
 * Account API documentation (developers.zalo.me). Only the person-side codes fail a message for
 * good and mark the chat unreachable (RECIPIENT_ERRORS); our own malformed requests fail the
 * message alone (REJECTED_ERRORS); anything else is about the OA or the app (not verified, not
 * entitled, out of money, an API switched off…) or unknown, and is retried after an hour, except
 * -200, which gives no reason and may pass at once: retried after a minute. Only the waits about
 * one person's chat (-32, -218) hold that chat; the others are about the OA (see DeliveryError).
 */
export const ZaloErrorCode = {
  RateLimited: -32, // "Your application/OA reached limit call api" (per minute)
  SendFailed: -200, // "Gửi tin thất bại", no reason given
  InvalidParameter: -201,
  OaDeleted: -204,
  AppNotActivated: -209,
  OutOfQuota: -211,
  OaNotRegisteredForApi: -212,
  NotFollower: -213, // "User has not followed OA"
  AccessTokenInvalid: -216,
  BlockedInvitation: -217,
  OutOfReceiveQuota: -218, // this user's receive limit
  AppRemoved: -219,
  AccessTokenExpired: -220, // "access_token is expired or removed"
  OaNotVerified: -221,
  OaTierNotAllowed: -224,
  UserInactive: -227, // "User is banned or has been inactive for more than 45 days"
  NoInteraction7Days: -230, // outside the window in which the OA may answer
  InteractionExpired: -232,
  MessageTypeUnsupported: -233,
  MessageApiShutDown: -240, // "MessageV2 API has been shut down, please switch to MessageV3"
  UserRestricted: -244, // "User has restricted this message type from your OA"
  CloudAccountRequired: -320, // the app needs a Zalo Cloud Account for paid features
  CloudAccountOutOfMoney: -321,
} as const;

const TOKEN_ERRORS: ReadonlySet<number> = new Set([
  ZaloErrorCode.AccessTokenInvalid,
  ZaloErrorCode.AccessTokenExpired,
]);

/** The person cannot receive from the OA (now, or until they write to it again). */
const RECIPIENT_ERRORS: ReadonlySet<number> = new Set([
  ZaloErrorCode.NotFollower,
  ZaloErrorCode.BlockedInvitation,
  ZaloErrorCode.UserInactive,
  ZaloErrorCode.NoInteraction7Days,
  ZaloErrorCode.InteractionExpired,
  ZaloErrorCode.UserRestricted,
]);

/** Our request was malformed: this message fails, the person can still be written to. */
const REJECTED_ERRORS: ReadonlySet<number> = new Set([
  ZaloErrorCode.InvalidParameter,
  ZaloErrorCode.MessageTypeUnsupported,
]);

/** Limits that lift with time: code → seconds to wait, and whether the wait is about the chat. */
const RETRY_LATER: ReadonlyMap<number, { seconds: number; scope: DeliveryScope }> = new Map([
  [ZaloErrorCode.RateLimited, { seconds: 60, scope: 'chat' }],
  [ZaloErrorCode.SendFailed, { seconds: 60, scope: 'channel' }], // no reason given; may pass soon
  [ZaloErrorCode.OutOfQuota, { seconds: 3600, scope: 'channel' }], // the OA's quota
  [ZaloErrorCode.OutOfReceiveQuota, { seconds: 3600, scope: 'chat' }], // this person's
]);

/**
 * The wait after a code about the OA or the app (or one we do not know): nothing the person did,
 * and nothing a quick retry fixes; someone has to act on the OA, which the log tells them.
 */
const OA_SIDE_RETRY_SECONDS = 3600;

export interface ZaloTokens {
  accessToken: string;
  refreshToken?: string;
  /** When the access token expires (epoch milliseconds), when known. */
  expiresAt?: number;
}

/** A button under a text message (Zalo allows five; see zalo-render.ts). */
export type ZaloButton =
  { kind: 'query'; title: string; payload: string } | { kind: 'url'; title: string; url: string };

export interface ZaloLink {
  url: string;
  title: string;
  description?: string;
}

export interface ZaloFile {
  url: string;
  fileName: string;
  caption?: string;
}

export interface ZaloSendResult {
  /** Zalo's id of the message sent, when it says. */
  messageId?: string;
}

export interface ZaloLogger {
  warn(message: string): void;
  error(message: string): void;
}

export interface ZaloClientOptions {
  appId: string;
  accessToken: string;
  /** With `appSecret`, lets the client refresh the access token itself. */
  refreshToken?: string;
  /** The app's secret key (the `secret_key` header of the token refresh). */
  appSecret?: string;
  /** When `accessToken` expires (epoch ms), if known: the client then refreshes in advance. */
  accessTokenExpiresAt?: number;
  /** Default https://openapi.zalo.me (ZALO_API_BASE). */
  apiBase?: string;
  /** Default https://oauth.zaloapp.com (ZALO_OAUTH_BASE). */
  oauthBase?: string;
  /** Per request, default 10 s. */
  timeoutMs?: number;
  /**
   * Called after every refresh with the new tokens, to persist them (see the file comment). It
   * may answer other tokens to carry on with: those another instance stored first.
   */
  onTokens?: (tokens: ZaloTokens) => ZaloTokens | void | Promise<ZaloTokens | void>;
  /**
   * Called when a refresh fails: newer tokens stored meanwhile by another instance, which spent
   * the refresh token first, or undefined. The client carries on with them.
   */
  reloadTokens?: () => Promise<ZaloTokens | undefined>;
  logger?: ZaloLogger;
  /** For tests: the clock. */
  now?: () => number;
}

/** Why a token refresh failed (bad refresh token, wrong secret, Zalo down). */
export class ZaloAuthError extends Error {
  override readonly name = 'ZaloAuthError';
}

interface ApiAnswer {
  error?: unknown;
  message?: unknown;
  data?: unknown;
}

export class ZaloClient {
  private current: ZaloTokens;
  private refreshing?: Promise<ZaloTokens>;
  private readonly apiBase: string;
  private readonly oauthBase: string;
  private readonly timeoutMs: number;
  private readonly logger: ZaloLogger;
  private readonly now: () => number;

  constructor(private readonly options: ZaloClientOptions) {
    this.current = {
      accessToken: options.accessToken,
      refreshToken: options.refreshToken,
      expiresAt: options.accessTokenExpiresAt,
    };
    this.apiBase = trimSlash(options.apiBase ?? DEFAULT_ZALO_API_BASE);
    this.oauthBase = trimSlash(options.oauthBase ?? DEFAULT_ZALO_OAUTH_BASE);
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.logger = options.logger ?? console;
    this.now = options.now ?? Date.now;
  }

  /** The tokens in use now (after any refresh). */
  get tokens(): ZaloTokens {
    return { ...this.current };
  }

  /** Carries on with `tokens` (the stored ones, read at start) instead of those configured. */
  useTokens(tokens: ZaloTokens): void {
    this.current = { ...tokens };
  }

  /** True when a refresh token and the app secret are both known. */
  get canRefresh(): boolean {
    return Boolean(this.current.refreshToken && this.options.appSecret);
  }

  /** A plain-text message (at most 2000 characters), with up to five buttons under it. */
  sendText(userId: string, text: string, buttons?: ZaloButton[]): Promise<ZaloSendResult> {
    const message: Record<string, unknown> = { text };
    if (buttons?.length) {
      message.attachment = { type: 'template', payload: { buttons: buttons.map(toApiButton) } };
    }
    return this.sendMessage(userId, message);
  }

  /** A link, as text "title: url" (Zalo turns the URL into a link). */
  sendLink(userId: string, link: ZaloLink): Promise<ZaloSendResult> {
    return this.sendText(userId, linkText(link));
  }

  /**
   * A document, as text with its URL. v3 file messages need the file uploaded to Zalo first
   * (`/v2.0/oa/upload/file`, PDF/DOC/DOCX up to 5 MB, answering a token); our documents are
   * links to the portal already, so the link is what we send.
   */
  sendFile(userId: string, file: ZaloFile): Promise<ZaloSendResult> {
    return this.sendText(userId, documentText(file));
  }

  /**
   * Sends one customer-service message. On a token error it refreshes once (or picks up a
   * refresh another send made meanwhile) and tries again once. Throws DeliveryError.
   */
  async sendMessage(userId: string, message: Record<string, unknown>): Promise<ZaloSendResult> {
    await this.refreshIfDue();
    const body = { recipient: { user_id: userId }, message };
    const usedToken = this.current.accessToken;
    let answer = await this.post(body, usedToken);
    if (isTokenError(answer)) {
      const fresh = await this.tokenAfterRejecting(usedToken, answer);
      answer = await this.post(body, fresh);
      if (isTokenError(answer)) {
        throw new DeliveryError(
          `Zalo rejected a freshly refreshed access token (${describeAnswer(answer)})`,
          'retry',
          CREDENTIALS_RETRY_SECONDS,
        );
      }
    }
    if (answer.error !== 0) throw toDeliveryError(answer);
    const data = isRecord(answer.data) ? answer.data : {};
    return { messageId: typeof data.message_id === 'string' ? data.message_id : undefined };
  }

  /**
   * Trades the refresh token for new tokens, keeps them and reports them to `onTokens`. If the
   * trade fails, carries on with the newer tokens `reloadTokens` finds, if any. Calls made while
   * one refresh runs share it: a refresh token works only once.
   */
  refreshAccessToken(): Promise<ZaloTokens> {
    this.refreshing ??= this.refreshNow().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async refreshIfDue(): Promise<void> {
    const { expiresAt } = this.current;
    if (expiresAt === undefined || !this.canRefresh) return;
    if (this.now() < expiresAt - EXPIRY_SKEW_MS) return;
    try {
      await this.refreshAccessToken();
    } catch (error) {
      // The old token may still work for a little while; the send will tell.
      this.logger.warn(`Zalo: refreshing the expiring access token failed: ${errorText(error)}`);
    }
  }

  /** The token to try again with after `rejected` was refused. */
  private async tokenAfterRejecting(rejected: string, answer: ApiAnswer): Promise<string> {
    if (this.current.accessToken !== rejected) return this.current.accessToken;
    if (!this.canRefresh) {
      this.logger.error(
        'Zalo: the OA access token was rejected and cannot be refreshed ' +
          '(set ZALO_REFRESH_TOKEN and ZALO_APP_SECRET, or a new ZALO_OA_ACCESS_TOKEN)',
      );
      throw new DeliveryError(
        `Zalo access token rejected (${describeAnswer(answer)}); no refresh token`,
        'retry',
        CREDENTIALS_RETRY_SECONDS,
      );
    }
    try {
      return (await this.refreshAccessToken()).accessToken;
    } catch (error) {
      this.logger.error(`Zalo: refreshing the access token failed: ${errorText(error)}`);
      throw new DeliveryError(
        `Zalo access token refresh failed: ${errorText(error)}`,
        'retry',
        CREDENTIALS_RETRY_SECONDS,
      );
    }
  }

  private async refreshNow(): Promise<ZaloTokens> {
    const { refreshToken } = this.current;
    const { appSecret, appId } = this.options;
    if (!refreshToken || !appSecret) {
      throw new ZaloAuthError('no refresh token or app secret configured');
    }
    let renewed: ZaloTokens;
    try {
      renewed = await this.exchange(refreshToken, appId, appSecret);
    } catch (error) {
      const stored = await this.reloaded();
      if (!stored) throw error;
      this.current = { ...stored };
      return { ...stored };
    }
    // Sends use the new pair at once; the store may then answer another instance's instead.
    this.current = renewed;
    this.current = { ...(await this.reported(renewed)) };
    return { ...this.current };
  }

  /** One call of the token endpoint: the new tokens, or ZaloAuthError. */
  private async exchange(
    refreshToken: string,
    appId: string,
    appSecret: string,
  ): Promise<ZaloTokens> {
    let response: Response;
    let answer: unknown;
    try {
      response = await fetch(`${this.oauthBase}${ZALO_TOKEN_PATH}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          secret_key: appSecret,
        },
        body: new URLSearchParams({
          refresh_token: refreshToken,
          app_id: appId,
          grant_type: 'refresh_token',
        }).toString(),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      answer = await response.json();
    } catch (error) {
      throw new ZaloAuthError(`token endpoint unreachable or unreadable: ${errorText(error)}`);
    }
    if (!response.ok || !isRecord(answer) || typeof answer.access_token !== 'string') {
      const detail = isRecord(answer)
        ? `error ${String(answer.error)}: ${String(answer.error_name ?? answer.error_description ?? answer.message ?? '')}`
        : 'no JSON';
      throw new ZaloAuthError(`HTTP ${response.status}, ${detail}`);
    }
    const seconds = Number(answer.expires_in);
    return {
      accessToken: answer.access_token,
      // Zalo always answers a new refresh token; keep the old one only if it somehow did not.
      refreshToken: typeof answer.refresh_token === 'string' ? answer.refresh_token : refreshToken,
      expiresAt: Number.isFinite(seconds) && seconds > 0 ? this.now() + seconds * 1000 : undefined,
    };
  }

  /** Hands renewed tokens to `onTokens`; answers the tokens to carry on with. */
  private async reported(renewed: ZaloTokens): Promise<ZaloTokens> {
    try {
      return (await this.options.onTokens?.({ ...renewed })) ?? renewed;
    } catch (error) {
      // The pair works all the same; only a restart or another instance would miss it.
      this.logger.error(`Zalo: storing the refreshed tokens failed: ${errorText(error)}`);
      return renewed;
    }
  }

  /** What `reloadTokens` finds after a failed refresh (its own failure counts as nothing). */
  private async reloaded(): Promise<ZaloTokens | undefined> {
    try {
      return await this.options.reloadTokens?.();
    } catch (error) {
      this.logger.warn(`Zalo: reading the stored tokens failed: ${errorText(error)}`);
      return undefined;
    }
  }

  /** One POST to the message endpoint; HTTP and network failures become DeliveryError. */
  private async post(body: unknown, accessToken: string): Promise<ApiAnswer> {
    let response: Response;
    try {
      response = await fetch(`${this.apiBase}${ZALO_MESSAGE_PATH}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', access_token: accessToken },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new DeliveryError(`Zalo unreachable: ${errorText(error)}`, 'retry');
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw httpError(response);
    }
    let answer: unknown;
    try {
      answer = await response.json();
    } catch (error) {
      throw new DeliveryError(`Zalo answer unreadable: ${errorText(error)}`, 'retry');
    }
    if (!isRecord(answer) || typeof answer.error !== 'number') {
      throw new DeliveryError('Zalo answered without an error code', 'retry');
    }
    return answer;
  }
}

/**
 * The v3 button types for a reply: `oa.query.show` and `oa.query.hide` both make Zalo send
 * the payload to the OA as a message from the person (a `user_send_text` event); `show` also
 * prints the payload in the person's chat as if they had typed it. Our payloads are machine
 * actions ("#gcm:menu.faq"), so we use `hide`: the person sees only our answer, as with a
 * Telegram inline button.
 */
const QUERY_BUTTON_TYPE = 'oa.query.hide';

function toApiButton(button: ZaloButton): Record<string, unknown> {
  return button.kind === 'url'
    ? { title: button.title, type: 'oa.open.url', payload: { url: button.url } }
    : { title: button.title, type: QUERY_BUTTON_TYPE, payload: button.payload };
}

function isTokenError(answer: ApiAnswer): boolean {
  return typeof answer.error === 'number' && TOKEN_ERRORS.has(answer.error);
}

/** Maps a non-zero OA error code to what the outbox should do about it. */
export function toDeliveryError(answer: ApiAnswer): DeliveryError {
  const code = typeof answer.error === 'number' ? answer.error : NaN;
  const text = `Zalo error ${describeAnswer(answer)}`;
  const wait = RETRY_LATER.get(code);
  if (wait !== undefined) return new DeliveryError(text, 'retry', wait.seconds, wait.scope);
  if (TOKEN_ERRORS.has(code)) return new DeliveryError(text, 'retry', CREDENTIALS_RETRY_SECONDS);
  if (RECIPIENT_ERRORS.has(code)) return new DeliveryError(text, 'permanent');
  if (REJECTED_ERRORS.has(code)) return new DeliveryError(text, 'rejected');
  // The OA or the app is not allowed to send now (-204, -209, -212, -219, -221, -224, -240,
  // -320, -321…): not the person's doing, so the chat stays reachable (and is not held); retried
  // after an hour, by when someone may have put the OA right.
  return new DeliveryError(text, 'retry', OA_SIDE_RETRY_SECONDS);
}

function httpError(response: Response): DeliveryError {
  const text = `Zalo HTTP ${response.status}`;
  if (response.status === 429) {
    return new DeliveryError(text, 'retry', retryAfterHeader(response.headers.get('retry-after')));
  }
  // A request that is malformed stays malformed, but says nothing about the person: the message
  // fails alone. Anything else (5xx, a proxy in the way, a wrong ZALO_API_BASE) may pass later.
  if (response.status === 400 || response.status === 413 || response.status === 422) {
    return new DeliveryError(text, 'rejected');
  }
  return new DeliveryError(text, 'retry');
}

/**
 * Retry-After in seconds when it is a positive number; otherwise nothing, so the outbox uses its
 * own back-off (a missing header is not "0 seconds": Number(null) is 0).
 */
export function retryAfterHeader(value: string | null): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds > 0 ? seconds : undefined;
}

function describeAnswer(answer: ApiAnswer): string {
  const message = typeof answer.message === 'string' ? `: ${answer.message}` : '';
  return `${String(answer.error)}${message}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function errorText(error: unknown): string {
  if (error instanceof Error) return error.name === 'TimeoutError' ? 'timed out' : error.message;
  return String(error);
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
