import { PassThrough } from 'node:stream';
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { BodyTooLargeError, nestsDeeperThan, readBody } from './read-body';

function request(chunks: string[], headers: Record<string, string> = {}): IncomingMessage {
  const stream = new PassThrough();
  Object.assign(stream, { headers });
  for (const chunk of chunks) stream.write(chunk);
  stream.end();
  return stream as unknown as IncomingMessage;
}

describe('readBody', () => {
  it('returns the raw bytes', async () => {
    await expect(readBody(request(['{"a":', '1}']), 100)).resolves.toEqual(Buffer.from('{"a":1}'));
  });

  it('refuses a body larger than the limit, declared or not', async () => {
    await expect(readBody(request(['x'], { 'content-length': '101' }), 100)).rejects.toBeInstanceOf(
      BodyTooLargeError,
    );
    await expect(readBody(request(['x'.repeat(60), 'x'.repeat(60)]), 100)).rejects.toBeInstanceOf(
      BodyTooLargeError,
    );
  });
});

describe('nestsDeeperThan', () => {
  const check = (json: string, max: number) => nestsDeeperThan(Buffer.from(json), max);

  it('counts arrays and objects, not brackets inside strings', () => {
    expect(check('{"a":[{"b":[]}]}', 4)).toBe(false);
    expect(check('{"a":[{"b":[]}]}', 3)).toBe(true);
    expect(check('{"text":"[[[[{{{{ \\" [[[["}', 1)).toBe(false);
    expect(check('"[[[["', 0)).toBe(false);
  });

  it('stops at the first level too deep, whatever follows', () => {
    expect(check('['.repeat(1_000_000), 32)).toBe(true);
    expect(check(`${'['.repeat(32)}${']'.repeat(32)}`, 32)).toBe(false);
  });
});
