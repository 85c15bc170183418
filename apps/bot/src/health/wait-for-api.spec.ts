/**
 * The bot waits for the API at start: quietly while it starts, with one line when that takes a
 * while. The API here is a real HTTP server that starts late on a port chosen beforehand.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Logger } from '../common/logger';
import { createApiHealthCheck } from './api-health';
import { waitForApi } from './wait-for-api';

const servers: http.Server[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
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

/** A port nothing listens on yet. */
async function freePort(): Promise<number> {
  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** The API's /health, listening on `port` from now on. */
async function startApi(port: number): Promise<void> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ status: 'ok', database: 'up', databaseMode: 'embedded' }));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
}

function wait(port: number, log: Logger, signal?: AbortSignal, noticeAfterMs = 300) {
  const url = `http://127.0.0.1:${port}`;
  return waitForApi(createApiHealthCheck(url, 200), {
    url,
    log,
    signal,
    noticeAfterMs,
    firstDelayMs: 20,
    maxDelayMs: 100,
  });
}

describe('waitForApi', () => {
  it('says nothing when the API answers within the first seconds', async () => {
    const { lines, log } = recordingLog();
    const port = await freePort();
    setTimeout(() => void startApi(port), 150);

    // The notice's time far beyond the API's start: under CI's load (other suites' files on the
    // same two cores) a timer or a health check can come late by more than the 150 ms between
    // 150 and the 300 the next test uses.
    await wait(port, log, undefined, 3_000);

    expect(lines).toEqual([]);
  });

  it('says once where it waits and which variable to set, then goes on when the API starts', async () => {
    const { lines, log } = recordingLog();
    const port = await freePort();
    setTimeout(() => void startApi(port), 900);

    const started = Date.now();
    await wait(port, log);

    expect(Date.now() - started).toBeGreaterThanOrEqual(850);
    expect(lines).toEqual([
      `warn waiting for the API at http://127.0.0.1:${port}, which does not answer yet ` +
        '(if the API listens elsewhere, set API_URL to its address)',
    ]);
  });

  it('stops waiting when the bot is stopped', async () => {
    const { log } = recordingLog();
    const stopping = new AbortController();
    setTimeout(() => stopping.abort(), 100);

    const started = Date.now();
    await wait(await freePort(), log, stopping.signal);

    expect(Date.now() - started).toBeLessThan(1000);
  });
});
