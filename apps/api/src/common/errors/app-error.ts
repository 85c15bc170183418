import { ErrorCode, FieldError } from '@gcm/domain';

/**
 * The one error type features throw. Each carries a stable code from @gcm/domain and the
 * HTTP status it maps to; the global filter turns it into `{ code, message, details? }`.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  static validation(details: FieldError[], message = 'Some fields are invalid.'): AppError {
    return new AppError(ErrorCode.ValidationFailed, 400, message, details);
  }

  static forbidden(message = 'You do not have permission to do this.'): AppError {
    return new AppError(ErrorCode.Forbidden, 403, message);
  }

  static unauthenticated(message = 'Sign in to continue.'): AppError {
    return new AppError(ErrorCode.Unauthenticated, 401, message);
  }
}
