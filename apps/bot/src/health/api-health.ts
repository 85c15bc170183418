import { createApiClient } from '@gcm/api-client';

export type ApiStatus = 'up' | 'down';

/** What the bot knows of the API: whether it answers, and what it says of its database. */
export interface ApiHealth {
  api: ApiStatus;
  /** As the API's /health reports it; absent when the API does not answer. */
  database?: 'up' | 'down';
}

/**
 * Asks the API's /health with a short timeout. The API is 'up' when it answers with a health
 * report at all (even one saying its database is down, which `database` then says), 'down' when
 * nothing answers in time.
 */
export function createApiHealthCheck(apiUrl: string, timeoutMs: number): () => Promise<ApiHealth> {
  const client = createApiClient({ baseUrl: apiUrl, timeoutMs });
  return async () => {
    try {
      const report = await client.health();
      return { api: 'up', database: report.database };
    } catch {
      return { api: 'down' };
    }
  };
}
