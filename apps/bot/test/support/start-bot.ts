/**
 * The bot's HTTP server as main.ts wires it, on 127.0.0.1 and a free port, against an API
 * double: the web channel started with the ApiSink, plus any channels a test adds.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApiClient } from '@gcm/api-client';
import { ApiSink } from '../../src/api/api-sink';
import type { Channel } from '../../src/channels/channel';
import { WebChannel, type WebChannelOptions } from '../../src/channels/web/web-channel';
import { createBotServer } from '../../src/http/bot-server';

export interface RunningBot {
  url: string;
  web: WebChannel;
  server: http.Server;
  close(): Promise<void>;
}

export async function startBot(
  apiUrl: string,
  options: { channels?: Channel[]; web?: Partial<WebChannelOptions>; maxBodyBytes?: number } = {},
): Promise<RunningBot> {
  const api = createApiClient({ baseUrl: apiUrl, token: 'svc-token', timeoutMs: 2000 });
  const web = new WebChannel({
    api: api.bot,
    origins: ['*'],
    pollMs: 50,
    messagesPerMinute: 20,
    requestsPerAddressPerMinute: 10_000,
    handoffsPerAddressPerHour: 1000,
    trustProxy: false,
    ...options.web,
  });
  const sink = new ApiSink(api.bot, { backoffMs: 10 });
  await web.start(sink);
  const channels = [web, ...(options.channels ?? [])];
  for (const channel of options.channels ?? []) await channel.start(sink);
  const server = createBotServer({
    checkApi: async () => ({ api: 'up', database: 'up' }),
    channels,
    routes: [web.routes],
    maxBodyBytes: options.maxBodyBytes,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    web,
    server,
    close: async () => {
      await Promise.all(channels.map((c) => c.stop()));
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
