import { createServerDatabase } from '@gcm/testing';
import { startEmbeddedDatabase } from '../../src/database/embedded-database';
import type { DatabaseConnection } from '../../src/database/database';

/**
 * A fresh, empty database for one test file: an in-memory PGlite by default, or a new
 * database `gcm_test_<random>` on the server named by TEST_DATABASE_URL (dropped afterwards).
 */
export async function openTestDatabase(): Promise<DatabaseConnection> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const embedded = await startEmbeddedDatabase();
    return { url: embedded.url, mode: 'embedded', dataDir: null, close: embedded.close };
  }
  const database = await createServerDatabase(serverUrl);
  return { url: database.url, mode: 'server', dataDir: null, close: database.drop };
}
