/**
 * Reads a request's body into one Buffer, refusing more than `limitBytes`: webhooks need the raw
 * bytes (signatures are computed over them), and no client may make the bot buffer megabytes.
 * `nestsDeeperThan` then refuses JSON nested deeper than any channel sends, before it is parsed.
 */
import type { IncomingMessage } from 'node:http';

export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';

  constructor(readonly limitBytes: number) {
    super(`request body larger than ${limitBytes} bytes`);
  }
}

export function readBody(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limitBytes) {
      // Drain what the client sends so that it reads our 413 instead of a reset connection.
      req.resume();
      reject(new BodyTooLargeError(limitBytes));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      if (tooLarge) return;
      size += chunk.length;
      if (size > limitBytes) {
        tooLarge = true;
        chunks.length = 0;
        reject(new BodyTooLargeError(limitBytes));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!tooLarge) resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

/**
 * Deepest nesting of arrays and objects a JSON body may have. Telegram's updates go about eight
 * levels deep, Zalo's events four, the widget's messages one; thousands of levels are an attack
 * on whatever walks the parsed value recursively (JSON.stringify overflows the stack).
 */
export const MAX_JSON_DEPTH = 32;

/**
 * True when the JSON in `raw` nests arrays and objects deeper than `max`, counting only brackets
 * outside strings. It reads the bytes once and stops at the first level too deep; it does not
 * check that the rest is JSON (JSON.parse does that afterwards).
 */
export function nestsDeeperThan(raw: Buffer, max = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < raw.length; i++) {
    const byte = raw[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_ARRAY || byte === OPEN_OBJECT) {
      if (++depth > max) return true;
    } else if (byte === CLOSE_ARRAY || byte === CLOSE_OBJECT) {
      depth--;
    }
  }
  return false;
}

// UTF-8 never uses these bytes inside a multi-byte character.
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
