/**
 * The bot's HTTP server: `/health`, the channels' webhooks at `/webhooks/<channel>` and the
 * mounted route groups (the web chat's `/` and `/web/*`). It knows no platform: a webhook goes
 * to the channel of that name, with its raw body. Bad input never crashes it: every failure is
 * logged and answered.
 */
import http from 'node:http';
import { ErrorCode, errorMessagesVi } from '@gcm/domain';
import type { Channel, ChannelName } from '../channels/channel';
import { errorMessage, silentLogger, type Logger } from '../common/logger';
import type { ApiHealth, ApiStatus } from '../health/api-health';
import type { HttpRoutes } from './http-routes';
import { BodyTooLargeError, nestsDeeperThan, readBody } from './read-body';
import { sendError, sendJson } from './respond';

export interface BotHealth {
  /**
   * 'degraded' when the API does not answer or cannot reach its database: the bot is alive but
   * cannot reply (Telegram and Zalo deliver the updates again later). Answered with 200 either
   * way: the bot itself is fine, and restarting it would not help.
   */
  status: 'ok' | 'degraded';
  api: ApiStatus;
  /** The API's database as the API reports it; absent when the API does not answer. */
  database?: 'up' | 'down';
  channels: ChannelName[];
}

export interface BotServerDeps {
  checkApi: () => Promise<ApiHealth>;
  /** The running channels: listed by /health; those with a webhook get /webhooks/<name>. */
  channels: readonly Channel[];
  /** Route groups tried in order before the 404 (the web chat's). */
  routes?: readonly HttpRoutes[];
  /** Largest webhook body (default 1 MB). */
  maxBodyBytes?: number;
  log?: Logger;
}

const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
const WEBHOOK_PATH = /^\/webhooks\/([a-z0-9_-]+)\/?$/;

export function createBotServer(deps: BotServerDeps): http.Server {
  const log = deps.log ?? silentLogger;

  const route = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = parseUrl(req.url);
    if (!url) {
      req.resume();
      return sendError(req, res, 400, ErrorCode.ValidationFailed, 'Malformed request URL');
    }
    const isRead = req.method === 'GET' || req.method === 'HEAD';

    if (url.pathname === '/health' && isRead) {
      const channels = deps.channels.map((c) => c.name);
      const { api, database } = await deps.checkApi().catch((): ApiHealth => ({ api: 'down' }));
      const status = api === 'up' && database !== 'down' ? 'ok' : 'degraded';
      const body: BotHealth = { status, api, ...(database ? { database } : {}), channels };
      return sendJson(req, res, 200, body);
    }

    const webhook = WEBHOOK_PATH.exec(url.pathname);
    if (webhook) return handleWebhook(req, res, webhook[1]);

    for (const routes of deps.routes ?? []) {
      if (await routes.handle(req, res, url)) return;
    }
    req.resume();
    sendError(req, res, 404, ErrorCode.RouteNotFound, `No route ${req.method} ${url.pathname}`);
  };

  const handleWebhook = async (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    name: string,
  ) => {
    const channel = deps.channels.find((c) => c.name === name && c.webhook);
    if (!channel?.webhook) {
      req.resume();
      return sendError(req, res, 404, ErrorCode.RouteNotFound, `No webhook for channel ${name}`);
    }
    if (req.method !== 'POST') {
      req.resume();
      return sendError(req, res, 405, ErrorCode.RouteNotFound, 'Webhooks take POST only', {
        Allow: 'POST',
      });
    }
    let body: Buffer;
    try {
      body = await readBody(req, deps.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error;
      log.warn(`webhook ${name}: refused a body over ${error.limitBytes} bytes`);
      return sendError(
        req,
        res,
        413,
        ErrorCode.PayloadTooLarge,
        errorMessagesVi.payload_too_large,
        {
          Connection: 'close',
        },
      );
    }
    if (nestsDeeperThan(body)) {
      log.warn(`webhook ${name}: refused a body nested too deep`);
      return sendError(req, res, 400, ErrorCode.MalformedJson, errorMessagesVi.malformed_json);
    }
    await channel.webhook(req, res, body);
  };

  const server = http.createServer((req, res) => {
    // A client that goes away mid-request must not take the process with it. One that closes
    // its connection (a web chat tab closed, an EventSource reconnecting) is normal: no warning.
    req.on('error', (error) => {
      if (!isClientGone(error)) log.warn(`request error: ${errorMessage(error)}`);
    });
    res.on('error', (error) => log.warn(`response error: ${errorMessage(error)}`));
    route(req, res).catch((error: unknown) => {
      log.error(`${req.method} ${req.url}: ${errorMessage(error)}`);
      if (!res.headersSent) {
        // 500 makes a platform deliver the webhook again later.
        sendError(req, res, 500, ErrorCode.Internal, errorMessagesVi.internal_error);
      } else if (!res.writableEnded) {
        res.end();
      }
    });
  });
  server.on('clientError', (error, socket) => {
    // Malformed HTTP: answer 400 on the raw socket rather than let it be an uncaught error.
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy(error);
  });
  return server;
}

/** Node's error for a request whose client closed the connection before it ended. */
function isClientGone(error: Error): boolean {
  return (error as NodeJS.ErrnoException).code === 'ECONNRESET' && error.message === 'aborted';
}

function parseUrl(raw: string | undefined): URL | undefined {
  try {
    return new URL(raw ?? '/', 'http://bot.local');
  } catch {
    return undefined;
  }
}
