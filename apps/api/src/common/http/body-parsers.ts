import { isUtf8 } from 'node:buffer';
import type { IncomingMessage } from 'node:http';
import { ErrorBody, ErrorCode } from '@gcm/domain';
import express, { ErrorRequestHandler, RequestHandler } from 'express';
import { XLSX_MIME } from './media-types';

/**
 * The deepest nesting of arrays and objects a JSON body may have. Our bodies need 4 levels;
 * far deeper ones only serve to exhaust the stack of the validation that follows.
 */
export const MAX_JSON_DEPTH = 32;

/**
 * Body parsing with our own size limits and error bodies: malformed JSON answers 400
 * `malformed_json`, an over-size body 413 `payload_too_large`, bytes that are not UTF-8 or JSON
 * nested deeper than MAX_JSON_DEPTH 400 `validation_failed`, in the same shape as every other
 * error.
 */
export function bodyParsers(limitKb: number): RequestHandler[] {
  return [
    express.json({ limit: `${limitKb}kb`, strict: true, verify: verifyJson }),
    express.text({
      type: ['text/csv', 'text/plain'],
      limit: `${limitKb * 5}kb`,
      verify: verifyText,
    }),
  ];
}

/** Imports of whole files (FAQ sets in JSON, CSV or XLSX) may be larger than ordinary requests. */
export function importBodyParsers(limitKb: number): RequestHandler[] {
  return [
    express.json({ limit: `${limitKb}kb`, strict: true, verify: verifyJson }),
    express.text({ type: ['text/csv', 'text/plain'], limit: `${limitKb}kb`, verify: verifyText }),
    express.raw({ type: XLSX_MIME, limit: `${limitKb}kb` }),
  ];
}

/**
 * A file uploaded as the body itself, whatever its declared type (the route checks its bytes).
 * Only the bot uploads files: a request without a bearer token is left unread, for the route's
 * guard to refuse (401).
 */
export function fileBodyParser(limitBytes: number): RequestHandler {
  const raw = express.raw({ type: () => true, limit: limitBytes });
  return (req, res, next) =>
    req.headers.authorization?.startsWith('Bearer ') ? raw(req, res, next) : next();
}

/** An error the body parser passes on with this `type`, for bodyParserErrors to answer. */
function bodyError(type: string): Error {
  return Object.assign(new Error(type), { type });
}

const isUtf8Charset = (charset: string) => charset === 'utf-8' || charset === 'utf8';

/**
 * JSON must be UTF-8 (RFC 8259), valid, and nested at most MAX_JSON_DEPTH deep; checked on the
 * raw bytes, before anything parses them.
 */
function verifyJson(_req: IncomingMessage, _res: unknown, body: Buffer, charset: string): void {
  if (!isUtf8Charset(charset)) throw bodyError('charset.unsupported');
  if (!isUtf8(body)) throw bodyError('encoding.invalid');
  if (exceedsJsonDepth(body, MAX_JSON_DEPTH)) throw bodyError('json.too.deep');
}

/** A text body in UTF-8 (the default) must be valid UTF-8; other charsets decode as declared. */
function verifyText(_req: IncomingMessage, _res: unknown, body: Buffer, charset: string): void {
  if (isUtf8Charset(charset) && !isUtf8(body)) throw bodyError('encoding.invalid');
}

const QUOTE = 0x22; // "
const BACKSLASH = 0x5c; // \
const OPEN_ARRAY = 0x5b; // [
const CLOSE_ARRAY = 0x5d; // ]
const OPEN_OBJECT = 0x7b; // {
const CLOSE_OBJECT = 0x7d; // }

/**
 * Whether JSON in UTF-8 nests arrays and objects deeper than `limit`, read byte by byte without
 * parsing: brackets inside strings do not count. (In UTF-8 the bytes of other characters never
 * equal these ASCII ones.) About 2 ms per MiB, less than parsing. Malformed JSON may be
 * miscounted; the parser refuses it anyway.
 */
function exceedsJsonDepth(bytes: Uint8Array, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) inString = true;
    else if (byte === OPEN_ARRAY || byte === OPEN_OBJECT) {
      if (++depth > limit) return true;
    } else if (byte === CLOSE_ARRAY || byte === CLOSE_OBJECT) depth--;
  }
  return false;
}

export const bodyParserErrors: ErrorRequestHandler = (error, _req, res, next) => {
  const type = (error as { type?: string }).type;
  const send = (status: number, body: ErrorBody) => res.status(status).json(body);
  switch (type) {
    case 'entity.parse.failed':
      return send(400, {
        code: ErrorCode.MalformedJson,
        message: 'The request body is not valid JSON. Check quotes, commas and brackets.',
      });
    case 'encoding.invalid':
      return send(400, {
        code: ErrorCode.ValidationFailed,
        message: 'The request body is not valid UTF-8.',
      });
    case 'json.too.deep':
      return send(400, {
        code: ErrorCode.ValidationFailed,
        message: `The request body nests arrays or objects more than ${MAX_JSON_DEPTH} levels deep.`,
      });
    case 'entity.too.large':
      return send(413, {
        code: ErrorCode.PayloadTooLarge,
        message: `The request body is larger than the limit of ${(error as { limit?: number }).limit ?? 0} bytes.`,
      });
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return send(415, {
        code: ErrorCode.UnsupportedMediaType,
        message: 'Send the body as UTF-8.',
      });
    default:
      return next(error);
  }
};
