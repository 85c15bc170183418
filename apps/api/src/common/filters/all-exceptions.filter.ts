import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  Logger,
  Optional,
} from '@nestjs/common';
import { ErrorBody, ErrorCode } from '@gcm/domain';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { DatabaseAvailability, isDatabaseUnavailable } from '../../database/database-availability';
import { AppError } from '../errors/app-error';

const STATUS_CODES: Record<number, ErrorCode> = {
  400: ErrorCode.ValidationFailed,
  401: ErrorCode.Unauthenticated,
  403: ErrorCode.Forbidden,
  404: ErrorCode.RouteNotFound,
  409: ErrorCode.Conflict,
  413: ErrorCode.PayloadTooLarge,
  415: ErrorCode.UnsupportedMediaType,
  429: ErrorCode.TooManyRequests,
};

const DATABASE_UNAVAILABLE: [number, ErrorBody] = [
  503,
  {
    code: ErrorCode.DatabaseUnavailable,
    message: 'The database is not available at the moment. Please try again shortly.',
  },
];

/**
 * Values the database cannot take, which the DTOs should have refused already: a safety net,
 * so they are the sender's 400, not our 500.
 */
export const DATA_ERRORS: Record<string, string> = {
  // character_not_in_repertoire: a NUL character (or an invalid byte sequence) in a text.
  '22021': 'A text contains a character that cannot be stored (such as NUL): remove it.',
  // untranslatable_character: \u0000 in JSON.
  '22P05': 'A text contains a character that cannot be stored (such as NUL): remove it.',
  // numeric_value_out_of_range
  '22003': 'A number is too large or too small.',
};

/**
 * Maps every error to `{ code, message, details? }`; only unknown errors become a 500, with
 * their stack trace in the log. The database being away is a 503 `database_unavailable`, logged
 * once per outage by DatabaseAvailability rather than once per request.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(@Optional() private readonly database?: DatabaseAvailability) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const unavailable = isDatabaseUnavailable(exception);
    const [status, body] = unavailable ? DATABASE_UNAVAILABLE : this.toBody(exception);
    if (unavailable) this.database?.unavailable(exception);
    else if (status >= 500) {
      this.logger.error(exception instanceof Error ? exception.stack : exception);
    }
    if (!response.headersSent) response.status(status).json(body);
  }

  private toBody(exception: unknown): [number, ErrorBody] {
    if (exception instanceof AppError) {
      const body: ErrorBody = { code: exception.code, message: exception.message };
      if (exception.details !== undefined) body.details = exception.details;
      return [exception.status, body];
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code =
        STATUS_CODES[status] ?? (status >= 500 ? ErrorCode.Internal : ErrorCode.ValidationFailed);
      return [status, { code, message: httpMessage(exception) }];
    }
    if (exception instanceof QueryFailedError) {
      const pgCode = (exception.driverError as { code?: string } | undefined)?.code;
      if (pgCode === '23505') {
        return [409, { code: ErrorCode.Conflict, message: 'This record already exists.' }];
      }
      if (pgCode === '22P02' || pgCode === '22001' || pgCode === '23503') {
        return [
          400,
          { code: ErrorCode.ValidationFailed, message: 'A value is not valid for this field.' },
        ];
      }
      const dataError = pgCode ? DATA_ERRORS[pgCode] : undefined;
      if (dataError) return [400, { code: ErrorCode.ValidationFailed, message: dataError }];
    }
    return [
      500,
      { code: ErrorCode.Internal, message: 'Something went wrong on our side. Please try again.' },
    ];
  }
}

function httpMessage(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : exception.message;
}
