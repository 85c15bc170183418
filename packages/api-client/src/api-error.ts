import { ErrorCode, type CsvRowError, type FieldError } from '@gcm/domain';

/** Status given to an ApiError when no HTTP answer arrived (network down, timeout, abort). */
export const NETWORK_ERROR_STATUS = 0;

/**
 * An error answered by the API (`{ code, message, details? }`), or a request that never got an
 * answer (`status` 0). Clients show `errorMessagesVi[code]` and fall back to `message`.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  /** True when the request got no HTTP answer at all. */
  get isNetworkError(): boolean {
    return this.status === NETWORK_ERROR_STATUS;
  }

  /** The per-field errors of a `validation_failed` answer (empty for any other error). */
  get fieldErrors(): FieldError[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.filter(
      (d): d is FieldError =>
        isRecord(d) && typeof d.field === 'string' && typeof d.message === 'string',
    );
  }

  /** The per-line errors of a `csv_invalid` answer (empty for any other error). */
  get csvRowErrors(): CsvRowError[] {
    if (this.code !== ErrorCode.CsvInvalid || !Array.isArray(this.details)) return [];
    return this.details.filter(
      (d): d is CsvRowError =>
        isRecord(d) && typeof d.line === 'number' && typeof d.message === 'string',
    );
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** The code to use when an error answer has no `{ code }` body (a proxy's HTML page, say). */
export function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
      return ErrorCode.ValidationFailed;
    case 401:
      return ErrorCode.Unauthenticated;
    case 403:
      return ErrorCode.Forbidden;
    case 404:
      return ErrorCode.RouteNotFound;
    case 413:
      return ErrorCode.PayloadTooLarge;
    case 415:
      return ErrorCode.UnsupportedMediaType;
    case 429:
      return ErrorCode.TooManyRequests;
    case 503:
      return ErrorCode.DatabaseUnavailable;
    default:
      return ErrorCode.Internal;
  }
}

/** Builds the ApiError for a non-2xx answer from its status and (possibly empty) body text. */
export function apiErrorFromResponse(status: number, bodyText: string): ApiError {
  const body = parseJson(bodyText);
  if (isRecord(body) && typeof body.code === 'string') {
    const message = typeof body.message === 'string' ? body.message : `HTTP ${status}`;
    return new ApiError(status, body.code as ErrorCode, message, body.details);
  }
  return new ApiError(status, codeForStatus(status), `HTTP ${status}`);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
