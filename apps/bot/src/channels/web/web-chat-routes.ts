/**
 * The web chat's HTTP routes on the bot's server:
 *   GET  /                                 the demo page (the widget on an otherwise empty page)
 *   GET  /web/widget.js                    the embeddable widget (any origin)
 *   POST /web/messages                     a message or button press → `{ replies }`
 *   GET  /web/sessions/:sessionId/events   the session's messages as Server-Sent Events
 *
 * They are public and the client makes up its session ids, so each client address is limited
 * too: requests a minute on all of them, and inbox items an hour (HandoffBudget: beyond them,
 * messages are still answered, with `handoffsPaused` set for the API).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCode } from '@gcm/domain';
import { isApiUnavailable, isRefusedForGood, UpdateBeingDeliveredError } from '../../api/api-sink';
import { errorMessage, silentLogger, type Logger } from '../../common/logger';
import { clientAddress } from '../../http/client-address';
import { FloodLimiter } from '../../http/flood-limiter';
import type { HttpRoutes } from '../../http/http-routes';
import { BodyTooLargeError, nestsDeeperThan, readBody } from '../../http/read-body';
import { SECURITY_HEADERS, sendError, sendJson, sendText } from '../../http/respond';
import type { EventSink } from '../channel';
import { DEMO_PAGE_CSP, DEMO_PAGE_HTML } from './demo-page';
import { HandoffBudget } from './handoff-budget';
import { OriginPolicy } from './origin-policy';
import { SessionStream, resumeCursor, type ConversationSource } from './session-stream';
import { isSessionId, parseWebMessage } from './web-message';
import { WEB_CHAT_TEXTS } from './web-texts';
import { widgetAsset } from './widget/widget-asset';

export interface WebChatRoutesOptions {
  api: ConversationSource;
  /** Where posted messages go; undefined until the channel has started. */
  sink: () => EventSink | undefined;
  /** WEB_CHAT_ORIGINS. */
  origins: readonly string[];
  /** WEB_CHAT_POLL_MS. */
  pollMs: number;
  /** WEB_CHAT_RATE_LIMIT: messages per session and minute. */
  messagesPerMinute: number;
  /** WEB_CHAT_ADDRESS_RATE_LIMIT: requests per client address and minute, on all these routes. */
  requestsPerAddressPerMinute: number;
  /** WEB_CHAT_HANDOFFS_PER_HOUR: inbox items one client address may open in an hour. */
  handoffsPerAddressPerHour: number;
  /** TRUST_PROXY: take the client's address from X-Forwarded-For. */
  trustProxy: boolean;
  /** Open streams one session may hold (several tabs); default 5. */
  maxStreamsPerSession?: number;
  /** Open streams this instance holds at most; default 2000. */
  maxStreams?: number;
  heartbeatMs?: number;
  streamLifetimeMs?: number;
  log?: Logger;
  now?: () => number;
}

/** A message is a few kilobytes at most; anything bigger is not from the widget. */
const MESSAGE_BODY_LIMIT = 32 * 1024;
const SESSION_EVENTS = /^\/web\/sessions\/([^/]+)\/events$/;
const FIXED_PATHS = new Set(['/', '/web/widget.js', '/web/messages']);

export class WebChatRoutes implements HttpRoutes {
  private readonly policy: OriginPolicy;
  private readonly flood: FloodLimiter;
  private readonly perAddress: FloodLimiter;
  private readonly handoffs: HandoffBudget;
  private readonly log: Logger;
  private readonly streams = new Set<SessionStream>();
  private readonly streamsPerSession = new Map<string, number>();

  constructor(private readonly options: WebChatRoutesOptions) {
    this.policy = new OriginPolicy(options.origins);
    this.flood = new FloodLimiter(options.messagesPerMinute, 60_000, options.now);
    this.perAddress = new FloodLimiter(options.requestsPerAddressPerMinute, 60_000, options.now);
    this.handoffs = new HandoffBudget(options.handoffsPerAddressPerHour, 60 * 60_000, options.now);
    this.log = options.log ?? silentLogger;
  }

  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    const path = url.pathname;
    const events = SESSION_EVENTS.exec(path);
    if (!events && !FIXED_PATHS.has(path)) return false;
    const address = clientAddress(req, this.options.trustProxy);
    const waitMs = this.perAddress.hit(address);
    if (waitMs > 0) {
      req.resume();
      this.tooMany(req, res, waitMs, WEB_CHAT_TEXTS.addressBusy);
      return true;
    }
    const method = req.method ?? 'GET';
    const isRead = method === 'GET' || method === 'HEAD';

    if (path === '/') {
      if (!isRead) return this.methodNotAllowed(req, res, 'GET, HEAD');
      sendText(req, res, 200, 'text/html; charset=utf-8', DEMO_PAGE_HTML, {
        'Content-Security-Policy': DEMO_PAGE_CSP,
        'Cache-Control': 'no-cache',
      });
      return true;
    }
    if (path === '/web/widget.js') {
      if (!isRead) return this.methodNotAllowed(req, res, 'GET, HEAD');
      this.serveWidget(req, res);
      return true;
    }
    if (path === '/web/messages') {
      if (method === 'OPTIONS') this.preflight(req, res);
      else if (method === 'POST') await this.postMessage(req, res, address);
      else return this.methodNotAllowed(req, res, 'POST, OPTIONS');
      return true;
    }
    if (events) {
      if (method !== 'GET') return this.methodNotAllowed(req, res, 'GET');
      this.openStream(req, res, decodeSegment(events[1]), url);
      return true;
    }
    return false;
  }

  /** Ends every open stream (shutdown); browsers reconnect to another instance. */
  closeStreams(): void {
    for (const stream of [...this.streams]) stream.close();
  }

  private serveWidget(req: IncomingMessage, res: ServerResponse): void {
    const { body, gzip, etag } = widgetAsset();
    const headers: Record<string, string | number> = {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/javascript; charset=utf-8',
      ETag: etag,
      'Cache-Control': 'public, max-age=300',
      Vary: 'Accept-Encoding',
      // Any page may embed the widget, including pages that require CORP or CORS for scripts.
      'Access-Control-Allow-Origin': '*',
      'Cross-Origin-Resource-Policy': 'cross-origin',
    };
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    const zipped = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    if (zipped) headers['Content-Encoding'] = 'gzip';
    const payload = zipped ? gzip : body;
    res.writeHead(200, { ...headers, 'Content-Length': payload.length });
    res.end(req.method === 'HEAD' ? undefined : payload);
  }

  private preflight(req: IncomingMessage, res: ServerResponse): void {
    const cors = this.policy.corsHeaders(req);
    res.writeHead(this.policy.allows(req) ? 204 : 403, {
      ...cors,
      'Access-Control-Allow-Methods': 'POST, OPTIONS',
      'Access-Control-Allow-Headers': 'Content-Type',
      'Access-Control-Max-Age': '600',
    });
    res.end();
  }

  private async postMessage(
    req: IncomingMessage,
    res: ServerResponse,
    address: string,
  ): Promise<void> {
    const cors = this.policy.corsHeaders(req);
    if (!this.policy.allows(req)) {
      this.log.warn(`web chat: refused a message from origin ${req.headers.origin}`);
      req.resume();
      return sendError(req, res, 403, ErrorCode.Forbidden, WEB_CHAT_TEXTS.originRefused, cors);
    }

    let raw: Buffer;
    try {
      raw = await readBody(req, MESSAGE_BODY_LIMIT);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        const headers = { ...cors, Connection: 'close' };
        return sendError(
          req,
          res,
          413,
          ErrorCode.PayloadTooLarge,
          WEB_CHAT_TEXTS.bodyTooLarge,
          headers,
        );
      }
      throw error;
    }
    if (nestsDeeperThan(raw)) {
      return sendError(req, res, 400, ErrorCode.MalformedJson, WEB_CHAT_TEXTS.malformed, cors);
    }
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      return sendError(req, res, 400, ErrorCode.MalformedJson, WEB_CHAT_TEXTS.malformed, cors);
    }

    const parsed = parseWebMessage(body);
    if (!parsed.ok) return sendError(req, res, parsed.status, parsed.code, parsed.message, cors);

    const waitMs = this.flood.hit(parsed.event.chatId);
    if (waitMs > 0) return this.tooMany(req, res, waitMs, WEB_CHAT_TEXTS.tooFast);

    const sink = this.options.sink();
    if (!sink) {
      return sendError(req, res, 503, ErrorCode.Internal, WEB_CHAT_TEXTS.unavailable, cors);
    }
    const mayOpenHandoff = this.handoffs.take(address);
    const event = mayOpenHandoff ? parsed.event : { ...parsed.event, handoffsPaused: true };
    let handoffOpened = false;
    try {
      const handled = await sink.handle(event);
      handoffOpened = handled.handoffOpened === true;
      sendJson(req, res, 200, { replies: handled.replies }, cors);
      if (handled.replies.length > 0) sink.delivered?.(event);
    } catch (error) {
      if (error instanceof UpdateBeingDeliveredError) {
        // The widget's retry of a message whose answer was lost: the replies are in the
        // conversation, and its event stream shows them.
        return sendJson(req, res, 200, { replies: [] }, cors);
      }
      if (isRefusedForGood(error)) {
        // Sending it again would be refused again: tell the person to change it, not to wait.
        this.log.warn(`web chat: the API refused a message: ${errorMessage(error)}`);
        return sendError(req, res, 400, error.body.code, WEB_CHAT_TEXTS.refused, cors);
      }
      // The API away is said once (by the sink, when it starts and ends), not per message.
      if (!isApiUnavailable(error)) {
        this.log.error(`web chat: the API did not answer a message: ${errorMessage(error)}`);
      }
      sendError(req, res, 503, ErrorCode.Internal, WEB_CHAT_TEXTS.unavailable, {
        ...cors,
        'Retry-After': '5',
      });
    } finally {
      if (mayOpenHandoff) this.handoffs.settle(address, handoffOpened);
    }
  }

  /** 429 with Retry-After and a Vietnamese message, which the widget shows as it is. */
  private tooMany(req: IncomingMessage, res: ServerResponse, waitMs: number, text: string): void {
    sendError(req, res, 429, ErrorCode.TooManyRequests, text, {
      ...this.policy.corsHeaders(req),
      'Retry-After': String(Math.ceil(waitMs / 1000)),
    });
  }

  private openStream(req: IncomingMessage, res: ServerResponse, sessionId: string, url: URL): void {
    const cors = this.policy.corsHeaders(req);
    if (!this.policy.allows(req)) {
      return sendError(req, res, 403, ErrorCode.Forbidden, WEB_CHAT_TEXTS.originRefused, cors);
    }
    if (!isSessionId(sessionId)) {
      return sendError(req, res, 400, ErrorCode.ValidationFailed, WEB_CHAT_TEXTS.badSession, cors);
    }
    const session = sessionId.toLowerCase();
    const open = this.streamsPerSession.get(session) ?? 0;
    if (open >= (this.options.maxStreamsPerSession ?? 5)) {
      return sendError(
        req,
        res,
        429,
        ErrorCode.TooManyRequests,
        WEB_CHAT_TEXTS.tooManyStreams,
        cors,
      );
    }
    if (this.streams.size >= (this.options.maxStreams ?? 2000)) {
      return sendError(req, res, 503, ErrorCode.Internal, WEB_CHAT_TEXTS.unavailable, {
        ...cors,
        'Retry-After': '10',
      });
    }

    const after = resumeCursor(req.headers['last-event-id'], url.searchParams.get('after'));
    const stream = new SessionStream(
      res,
      session,
      after,
      this.options.api,
      {
        pollMs: this.options.pollMs,
        heartbeatMs: this.options.heartbeatMs,
        maxLifetimeMs: this.options.streamLifetimeMs,
        log: this.log,
      },
      () => {
        this.streams.delete(stream);
        const left = (this.streamsPerSession.get(session) ?? 1) - 1;
        if (left > 0) this.streamsPerSession.set(session, left);
        else this.streamsPerSession.delete(session);
      },
    );
    this.streams.add(stream);
    this.streamsPerSession.set(session, open + 1);
    stream.open(cors);
  }

  private methodNotAllowed(req: IncomingMessage, res: ServerResponse, allow: string): true {
    req.resume();
    sendError(req, res, 405, ErrorCode.RouteNotFound, WEB_CHAT_TEXTS.methodNotAllowed, {
      Allow: allow,
    });
    return true;
  }
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
