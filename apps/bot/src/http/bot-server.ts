import http from 'node:http';
import { ErrorCode, type ErrorBody } from '@gcm/domain';
import type { ChannelName } from '../channels/channel';
import type { ApiStatus } from '../health/api-health';
import { WEB_CHAT_PLACEHOLDER_HTML } from './web-chat-page';

export interface BotHealth {
  /** 'degraded' when the API does not answer: the bot is alive but cannot reply. */
  status: 'ok' | 'degraded';
  api: ApiStatus;
  channels: ChannelName[];
}

export interface BotServerDeps {
  checkApi: () => Promise<ApiStatus>;
  channels: ChannelName[];
}

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/** The bot's own HTTP server: health, the web chat page; channel webhooks come later. */
export function createBotServer(deps: BotServerDeps): http.Server {
  return http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://bot.local').pathname;
    const isRead = req.method === 'GET' || req.method === 'HEAD';

    const sendJson = (status: number, body: unknown) => {
      res.writeHead(status, {
        ...SECURITY_HEADERS,
        'Content-Type': 'application/json; charset=utf-8',
        'Cache-Control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : JSON.stringify(body));
    };

    if (isRead && path === '/health') {
      deps.checkApi().then(
        (api) => {
          const body: BotHealth = {
            status: api === 'up' ? 'ok' : 'degraded',
            api,
            channels: deps.channels,
          };
          sendJson(200, body);
        },
        () => sendJson(200, { status: 'degraded', api: 'down', channels: deps.channels }),
      );
      return;
    }

    if (isRead && path === '/') {
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
      });
      res.end(req.method === 'HEAD' ? undefined : WEB_CHAT_PLACEHOLDER_HTML);
      return;
    }

    const notFound: ErrorBody = {
      code: ErrorCode.RouteNotFound,
      message: `No route ${req.method} ${path}`,
    };
    sendJson(404, notFound);
  });
}
