/**
 * A fake Zalo Official Account API over real HTTP on 127.0.0.1, for tests of the real Zalo
 * client: the customer-service message endpoint, the OA token refresh, correctly signed
 * webhook events, and Zalo's file CDN (the URL of a picture a person sent, `imageUrl`). Point the client at `url` as both ZALO_API_BASE and ZALO_OAUTH_BASE.
 *
 * It behaves like Zalo where the client depends on it: failures are HTTP 200 with a negative
 * `error` (the per-minute rate limit too: `-32`, never an HTTP 429); a refresh needs the app secret in `secret_key` and a form body, answers a new
 * access token and a new refresh token, and the refresh token it was given stops working.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export const FAKE_ZALO_DEFAULTS = {
  appId: '4291763606161179100',
  oaSecretKey: 'oa-secret-key',
  appSecret: 'app-secret',
  accessToken: 'access-0',
  refreshToken: 'refresh-0',
};

export type FakeZaloOptions = Partial<typeof FAKE_ZALO_DEFAULTS>;

/** A message the OA API accepted (or refused, with `answeredError`). */
export interface RecordedMessage {
  accessToken: string | undefined;
  userId: string | undefined;
  message: { text?: string; attachment?: unknown } & Record<string, unknown>;
  answeredError: number;
  /** When it arrived (Date.now()). */
  at: number;
}

export interface RecordedRefresh {
  secretKey: string | undefined;
  contentType: string | undefined;
  appId: string | null;
  grantType: string | null;
  refreshToken: string | null;
  ok: boolean;
}

/** What the next send answers instead of success (`pass`: success, to fail a later send). */
export type FakeSendFailure =
  | { kind: 'pass' }
  | { kind: 'permanent'; error?: number; message?: string }
  | { kind: 'server-error'; status?: number }
  /** Zalo's per-minute limit, as Zalo signals it: HTTP 200 with `{ error: -32 }`. */
  | { kind: 'rate-limited' }
  /**
   * Not something Zalo sends: an HTTP 429 (from a proxy in the way), for the client's generic
   * HTTP path. Retry-After only when `retryAfterSeconds` is given.
   */
  | { kind: 'http-429'; retryAfterSeconds?: number };

export interface SignedRequest {
  headers: Record<string, string>;
  body: string;
}

export interface FakeZaloServer {
  url: string;
  readonly options: Required<FakeZaloOptions>;
  /** Every call of /v3.0/oa/message/cs, in order. */
  readonly messages: RecordedMessage[];
  /** Messages that were accepted. */
  readonly delivered: RecordedMessage[];
  /** Every call of /v4/oa/access_token. */
  readonly refreshes: RecordedRefresh[];
  /** The access and refresh tokens valid now. */
  readonly validAccessToken: string;
  readonly validRefreshToken: string;
  /** Makes the current access token invalid (answers -216) until the client refreshes. */
  expireAccessToken(): void;
  /** Makes the next `times` sends fail this way (only those to `userId`, when given). */
  failNextSends(failure: FakeSendFailure, times?: number, userId?: string): void;
  /** A webhook request signed as Zalo signs it (override `timestamp` inside `event`). */
  signedEvent(event: Record<string, unknown>, options?: { secret?: string }): SignedRequest;
  /** Serves `bytes` as a picture a person sent; its URL, for a `user_send_image` event. */
  imageUrl(bytes: Buffer): string;
  /** Paths of the pictures downloaded, in order. */
  readonly downloads: string[];
  close(): Promise<void>;
}

export async function startFakeZaloServer(options: FakeZaloOptions = {}): Promise<FakeZaloServer> {
  const config = { ...FAKE_ZALO_DEFAULTS, ...options };
  let accessToken = config.accessToken;
  let refreshToken = config.refreshToken;
  let generation = 0;
  const failures: { failure: FakeSendFailure; userId?: string }[] = [];
  const messages: RecordedMessage[] = [];
  const refreshes: RecordedRefresh[] = [];
  const images = new Map<string, Buffer>();
  const downloads: string[] = [];

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const path = new URL(req.url ?? '/', 'http://fake').pathname;
      const json = (status: number, value: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
        res.end(JSON.stringify(value));
      };

      const image = req.method === 'GET' ? images.get(path) : undefined;
      if (image) {
        downloads.push(path);
        res.writeHead(200, { 'Content-Type': 'image/jpeg' });
        return res.end(image);
      }
      if (req.method === 'POST' && path === '/v3.0/oa/message/cs') {
        const parsed = safeJson(body) as {
          recipient?: { user_id?: string };
          message?: RecordedMessage['message'];
        };
        const record: RecordedMessage = {
          accessToken: header(req, 'access_token'),
          userId: parsed?.recipient?.user_id,
          message: parsed?.message ?? {},
          answeredError: 0,
          at: Date.now(),
        };
        messages.push(record);
        if (record.accessToken !== accessToken) {
          record.answeredError = -216;
          return json(200, { error: -216, message: 'Access token is invalid' });
        }
        const at = failures.findIndex((f) => !f.userId || f.userId === record.userId);
        const failure = at >= 0 ? failures.splice(at, 1)[0].failure : undefined;
        if (failure?.kind === 'server-error') {
          record.answeredError = -1;
          return json(failure.status ?? 502, { error: -1, message: 'upstream error' });
        }
        if (failure?.kind === 'rate-limited') {
          record.answeredError = -32;
          return json(200, { error: -32, message: 'Your application/OA reached limit call api' });
        }
        if (failure?.kind === 'http-429') {
          record.answeredError = -1;
          const after = failure.retryAfterSeconds;
          const headers: Record<string, string> =
            after === undefined ? {} : { 'Retry-After': String(after) };
          return json(429, { error: -1, message: 'Too many requests' }, headers);
        }
        if (failure?.kind === 'permanent') {
          record.answeredError = failure.error ?? -230;
          return json(200, {
            error: record.answeredError,
            message: failure.message ?? 'User has not interacted with the OA in the past 7 days',
          });
        }
        if (!record.userId || !(record.message.text || record.message.attachment)) {
          record.answeredError = -201;
          return json(200, { error: -201, message: 'message is invalid!' });
        }
        return json(200, {
          error: 0,
          message: 'Success',
          data: { message_id: `msg-${messages.length}`, user_id: record.userId },
        });
      }

      if (req.method === 'POST' && path === '/v4/oa/access_token') {
        const form = new URLSearchParams(body);
        const record: RecordedRefresh = {
          secretKey: header(req, 'secret_key'),
          contentType: header(req, 'content-type'),
          appId: form.get('app_id'),
          grantType: form.get('grant_type'),
          refreshToken: form.get('refresh_token'),
          ok: false,
        };
        refreshes.push(record);
        if (record.secretKey !== config.appSecret || record.appId !== config.appId) {
          return json(200, { error: -14002, error_name: 'Invalid app id or secret key' });
        }
        if (record.grantType !== 'refresh_token' || record.refreshToken !== refreshToken) {
          return json(200, { error: -14014, error_name: 'Invalid refresh token' });
        }
        generation += 1;
        accessToken = `access-${generation}`;
        refreshToken = `refresh-${generation}`;
        record.ok = true;
        return json(200, {
          access_token: accessToken,
          refresh_token: refreshToken,
          expires_in: '90000',
        });
      }

      json(404, { error: 404, message: 'You are accessing an empty or invalid API' });
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    options: config,
    messages,
    get delivered() {
      return messages.filter((m) => m.answeredError === 0);
    },
    refreshes,
    get validAccessToken() {
      return accessToken;
    },
    get validRefreshToken() {
      return refreshToken;
    },
    expireAccessToken() {
      accessToken = `${accessToken}-expired-on-zalo`;
    },
    failNextSends(failure, times = 1, userId) {
      for (let i = 0; i < times; i += 1) failures.push({ failure, userId });
    },
    signedEvent(event, signing = {}) {
      const withTimestamp = { timestamp: String(Date.now()), app_id: config.appId, ...event };
      const body = JSON.stringify(withTimestamp);
      const signed = `${config.appId}${body}${String(withTimestamp.timestamp)}${signing.secret ?? config.oaSecretKey}`;
      return {
        headers: {
          'Content-Type': 'application/json',
          'X-ZEvent-Signature': `mac=${createHash('sha256').update(signed, 'utf8').digest('hex')}`,
        },
        body,
      };
    },
    imageUrl(bytes) {
      const path = `/cdn/photo-${images.size + 1}.jpg`;
      images.set(path, bytes);
      return `http://127.0.0.1:${port}${path}`;
    },
    downloads,
    close() {
      return new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}

/** A user_send_text event as Zalo sends it. */
export function zaloTextEvent(input: { userId?: string; text: string; msgId?: string }) {
  return {
    event_name: 'user_send_text',
    sender: { id: input.userId ?? '2512523625412515' },
    recipient: { id: '579745863508352884' },
    message: {
      msg_id: input.msgId ?? `m-${Math.random().toString(36).slice(2)}`,
      text: input.text,
    },
    user_id_by_app: '552177279717587730',
  };
}

/** A user_send_image event as Zalo sends it: the picture's URL (`imageUrl` serves one). */
export function zaloImageEvent(input: { userId?: string; url: string; msgId?: string }) {
  return {
    event_name: 'user_send_image',
    sender: { id: input.userId ?? '2512523625412515' },
    recipient: { id: '579745863508352884' },
    message: {
      msg_id: input.msgId ?? `m-${Math.random().toString(36).slice(2)}`,
      attachments: [{ type: 'image', payload: { thumbnail: input.url, url: input.url } }],
    },
    user_id_by_app: '552177279717587730',
  };
}

/** A follow or unfollow event as Zalo sends it. */
export function zaloFollowEvent(input: { userId?: string; unfollow?: boolean }) {
  return {
    event_name: input.unfollow ? 'unfollow' : 'follow',
    oa_id: '579745863508352884',
    follower: { id: input.userId ?? '2512523625412515' },
    source: 'oa_profile',
    user_id_by_app: '552177279717587730',
  };
}

/**
 * A user_click_chatnow event as Zalo sends it: the person opened the OA's chat. Unlike a
 * message it has no `sender`; the person is the top-level `user_id`.
 */
export function zaloChatNowEvent(input: { userId?: string } = {}) {
  return {
    event_name: 'user_click_chatnow',
    oa_id: '579745863508352884',
    user_id: input.userId ?? '2512523625412515',
    user_id_by_app: '552177279717587730',
  };
}

function header(req: http.IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
