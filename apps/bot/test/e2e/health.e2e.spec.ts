import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiHealthCheck } from '../../src/health/api-health';
import { createBotServer } from '../../src/http/bot-server';
import { RecordingChannel } from '../support/recording-channel';

const servers: http.Server[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

async function listen(server: http.Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A port that was just free: nothing listens there. */
async function closedPortUrl(): Promise<string> {
  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return `http://127.0.0.1:${port}`;
}

function startBot(apiUrl: string) {
  return listen(
    createBotServer({
      checkApi: createApiHealthCheck(apiUrl, 500),
      channels: [new RecordingChannel('web')],
    }),
  );
}

describe('bot HTTP server', () => {
  it('reports the API down when nothing listens at API_URL', async () => {
    const sut = await startBot(await closedPortUrl());

    const response = await fetch(`${sut}/health`);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'degraded', api: 'down', channels: ['web'] });
  });

  it('reports the API up when its /health answers', async () => {
    const api = await listen(
      http.createServer((_req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(
          JSON.stringify({ status: 'ok', database: 'up', databaseMode: 'embedded', version: '0' }),
        );
      }),
    );
    const sut = await startBot(api);

    const body = (await (await fetch(`${sut}/health`)).json()) as { status: string; api: string };

    expect(body).toEqual({ status: 'ok', api: 'up', database: 'up', channels: ['web'] });
  });

  it('reports itself degraded, with 200, while the API answers that its database is down', async () => {
    const api = await listen(
      http.createServer((_req, res) => {
        res.writeHead(503, { 'Content-Type': 'application/json' });
        res.end(
          JSON.stringify({
            status: 'degraded',
            database: 'down',
            databaseMode: 'server',
            version: '0',
          }),
        );
      }),
    );
    const sut = await startBot(api);

    const response = await fetch(`${sut}/health`);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'degraded',
      api: 'up',
      database: 'down',
      channels: ['web'],
    });
  });

  it('answers 404 with an error body for an unknown route', async () => {
    const sut = await startBot(await closedPortUrl());

    const missing = await fetch(`${sut}/nope`);

    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: 'route_not_found' });
  });
});
