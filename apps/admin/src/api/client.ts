/**
 * The console's one API client. It calls the API on the page's own origin (the API serves the
 * built console; in development Vite forwards /api and /health) with the session cookie.
 * Errors are thrown as ApiError; listeners registered here see each one first (the router
 * uses that to send an expired session back to the login page).
 */
import { createApiClient, type ApiError } from '@gcm/api-client';

type ApiErrorListener = (error: ApiError) => void;

const listeners = new Set<ApiErrorListener>();

export function onApiError(listener: ApiErrorListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const api = createApiClient({
  baseUrl: '',
  credentials: 'include',
  timeoutMs: 30_000,
  onError: (error) => listeners.forEach((listener) => listener(error)),
});
