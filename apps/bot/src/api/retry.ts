/**
 * One short retry policy for calls to the API: try again only when no answer came or the API
 * (or a proxy in front of it) failed, never when it refused the request.
 */
import { isApiError } from '@gcm/api-client';
import { sleep } from '../common/sleep';

export interface RetryOptions {
  /** Tries in all, the first included. */
  tries: number;
  /** Wait before the second try; doubled for each further one. */
  backoffMs: number;
  /** Told about each failed try that will be tried again. */
  onRetry?: (error: unknown, attempt: number) => void;
}

export async function withRetry<T>(call: () => Promise<T>, options: RetryOptions): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= options.tries || !isTransient(error)) throw error;
      options.onRetry?.(error, attempt);
      await sleep(options.backoffMs * 2 ** (attempt - 1));
    }
  }
}

/** No answer at all (status 0), 5xx or 429: worth another try. */
export function isTransient(error: unknown): boolean {
  if (!isApiError(error)) return true;
  return error.isNetworkError || error.status >= 500 || error.status === 429;
}
