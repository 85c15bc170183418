/**
 * The bot's server and its log: a client closing its connection is normal, not a warning.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Logger } from '../common/logger';
import { createBotServer } from './bot-server';

const servers: http.Server[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

function recordingLog() {
  const lines: string[] = [];
  const log: Logger = {
    info: (m) => lines.push(`info ${m}`),
    warn: (m) => lines.push(`warn ${m}`),
    error: (m) => lines.push(`error ${m}`),
  };
  return { lines, log };
}

describe('createBotServer', () => {
  it('does not warn when a client closes a stream it had open (a web chat tab closed)', async () => {
    const { lines, log } = recordingLog();
    let opened: () => void = () => undefined;
    const open = new Promise<void>((resolve) => (opened = resolve));
    const closed = new Promise<void>((resolve) => {
      const server = createBotServer({
        checkApi: async () => ({ api: 'up', database: 'up' }),
        channels: [],
        log,
        routes: [
          {
            // Like the web chat's event stream: answers at once, never ends by itself.
            handle: async (_req, res) => {
              res.writeHead(200, { 'Content-Type': 'text/event-stream' });
              res.write(': open\n\n');
              res.on('close', () => setTimeout(resolve, 50));
              opened();
              return true;
            },
          },
        ],
      });
      servers.push(server);
      server.listen(0, '127.0.0.1', () => {
        const { port } = server.address() as AddressInfo;
        const request = http.get({ host: '127.0.0.1', port, path: '/web/sessions/x/events' });
        request.on('error', () => undefined);
        void open.then(() => request.destroy());
      });
    });

    await open;
    await closed;

    expect(lines.filter((line) => line.startsWith('warn'))).toEqual([]);
  });
});
