import { createServerDatabase } from '@gcm/testing';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { startEmbeddedDatabase } from '../../src/database/embedded-database';
import type { DatabaseConnection } from '../../src/database/database';

/**
 * A fresh, empty database for one test file: an in-memory PGlite by default, or a new
 * database `gcm_test_<random>` on the server named by TEST_DATABASE_URL (dropped afterwards).
 *
 * The PGlite one starts from a copy of a template: an in-memory database with every migration
 * applied, made once per test worker and dumped (`dump()`). Starting from that copy skips the
 * cluster's initdb and the migrations, about 4 s of CPU a database; what each test sees is the
 * same as before (the app's own `migrationsRun` finds nothing left to apply).
 */
export async function openTestDatabase(): Promise<DatabaseConnection> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const embedded = await startEmbeddedDatabase(undefined, await migratedTemplate());
    return { url: embedded.url, mode: 'embedded', dataDir: null, close: embedded.close };
  }
  const database = await createServerDatabase(serverUrl);
  return { url: database.url, mode: 'server', dataDir: null, close: database.drop };
}

// On globalThis: the API's test files share a worker's modules (isolate: false in
// vitest.config.mts), and a global outlives a module evaluated again for the next file.
const TEMPLATE = Symbol.for('gcm.test.migrated-pglite');
type WithTemplate = typeof globalThis & { [TEMPLATE]?: Promise<Blob> };

/** The migrated template's dump, made at the worker's first database. */
function migratedTemplate(): Promise<Blob> {
  const scope = globalThis as WithTemplate;
  scope[TEMPLATE] ??= makeTemplate();
  // A failed attempt is not kept: the next file tries again (and fails with its own error).
  scope[TEMPLATE].catch(() => (scope[TEMPLATE] = undefined));
  return scope[TEMPLATE];
}

async function makeTemplate(): Promise<Blob> {
  const embedded = await startEmbeddedDatabase();
  try {
    const dataSource = await new DataSource(
      dataSourceOptions(embedded.url, 'embedded', 1),
    ).initialize();
    try {
      await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await dataSource.destroy();
    }
    return await embedded.dump();
  } finally {
    await embedded.close();
  }
}
