import { createApiClient } from '@gcm/api-client';

export type ApiStatus = 'up' | 'down';

/**
 * Asks the API's /health with a short timeout. The API is 'up' when it answers with a health
 * report at all (even one saying its database is down), 'down' when nothing answers in time.
 */
export function createApiHealthCheck(apiUrl: string, timeoutMs: number): () => Promise<ApiStatus> {
  const client = createApiClient({ baseUrl: apiUrl, timeoutMs });
  return async () => {
    try {
      await client.health();
      return 'up';
    } catch {
      return 'down';
    }
  };
}
