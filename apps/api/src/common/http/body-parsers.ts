import { ErrorBody, ErrorCode } from '@gcm/domain';
import express, { ErrorRequestHandler, RequestHandler } from 'express';
import { XLSX_MIME } from './media-types';

/**
 * Body parsing with our own size limits and error bodies: malformed JSON answers 400
 * `malformed_json` and an over-size body 413 `payload_too_large`, in the same shape as
 * every other error.
 */
export function bodyParsers(limitKb: number): RequestHandler[] {
  return [
    express.json({ limit: `${limitKb}kb`, strict: true }),
    express.text({ type: ['text/csv', 'text/plain'], limit: `${limitKb * 5}kb` }),
  ];
}

/** Imports of whole files (FAQ sets in JSON, CSV or XLSX) may be larger than ordinary requests. */
export function importBodyParsers(limitKb: number): RequestHandler[] {
  return [
    express.json({ limit: `${limitKb}kb`, strict: true }),
    express.text({ type: ['text/csv', 'text/plain'], limit: `${limitKb}kb` }),
    express.raw({ type: XLSX_MIME, limit: `${limitKb}kb` }),
  ];
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
