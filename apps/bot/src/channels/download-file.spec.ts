import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeliveryError } from './channel';
import { downloadFile } from './download-file';

describe('downloadFile', () => {
  let server: http.Server;
  let base: string;
  const photo = Buffer.alloc(3000, 7);

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      switch (req.url) {
        case '/photo':
          return res.writeHead(200, { 'content-length': String(photo.length) }).end(photo);
        case '/streamed': // No content-length: the size shows only while reading.
          res.writeHead(200);
          res.write(photo);
          return res.end(photo);
        case '/busy':
          return res.writeHead(503, { 'retry-after': '7' }).end();
        case '/empty':
          return res.writeHead(200).end();
        default:
          return res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const get = (path: string, maxBytes = 10_000) =>
    downloadFile(`${base}${path}`, { maxBytes, label: 'test download' });
  const failure = (path: string, maxBytes?: number) =>
    get(path, maxBytes).then(
      () => undefined,
      (error: DeliveryError) => ({
        kind: error.kind,
        message: error.message,
        retryAfterSeconds: error.retryAfterSeconds,
      }),
    );

  it('returns the bytes', async () => {
    expect((await get('/photo')).equals(photo)).toBe(true);
  });

  it('refuses for good a file that is gone, empty or larger than the limit (declared or streamed)', async () => {
    expect(await failure('/gone')).toMatchObject({ kind: 'rejected' });
    expect(await failure('/empty')).toMatchObject({ kind: 'rejected' });
    expect(await failure('/photo', 1000)).toMatchObject({
      kind: 'rejected',
      message: expect.stringContaining('larger than'),
    });
    expect(await failure('/streamed', 5000)).toMatchObject({ kind: 'rejected' });
  });

  it('tries again later when the file server is busy or away, after the wait it asks for', async () => {
    expect(await failure('/busy')).toEqual({
      kind: 'retry',
      message: 'test download: 503, to try again later',
      retryAfterSeconds: 7,
    });
    const away = await downloadFile('http://127.0.0.1:1/x', { maxBytes: 10, label: 'away' }).catch(
      (error: DeliveryError) => error,
    );
    expect(away).toMatchObject({ kind: 'retry' });
  });
});
