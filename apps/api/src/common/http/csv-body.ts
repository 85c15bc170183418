import { ErrorCode } from '@gcm/domain';
import type { Request } from 'express';
import { AppError } from '../errors/app-error';

/**
 * The CSV text of an import request (text/csv, or text/plain as some tools send it); any other
 * Content-Type is a 415 saying what to send.
 */
export function csvBody(req: Request): string {
  if (!req.is('text/csv') && !req.is('text/plain')) {
    throw new AppError(
      ErrorCode.UnsupportedMediaType,
      415,
      'Send the CSV file as the body with Content-Type: text/csv.',
    );
  }
  return req.body as string;
}
