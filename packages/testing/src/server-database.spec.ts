import { Client } from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createServerDatabase, type DatabasePurpose, type ServerDatabase } from './server-database';

const serverUrl = process.env.TEST_DATABASE_URL;
if (!serverUrl) console.warn('createServerDatabase: skipped, set TEST_DATABASE_URL to run it');

async function databaseExists(name: string): Promise<boolean> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    return rowCount === 1;
  } finally {
    await client.end();
  }
}

describe.runIf(serverUrl)('createServerDatabase (TEST_DATABASE_URL)', () => {
  const made: ServerDatabase[] = [];
  const make = async (purpose?: DatabasePurpose) => {
    const database = await createServerDatabase(serverUrl!, purpose);
    made.push(database);
    return database;
  };
  afterEach(async () => {
    await Promise.all(made.splice(0).map((database) => database.drop()));
  });

  it('makes a new, empty database with a name for its purpose, on the same server', async () => {
    const test = await make();
    const bench = await make('bench');

    expect(test.name).toMatch(/^gcm_test_[0-9a-f]{12}$/);
    expect(bench.name).toMatch(/^gcm_bench_[0-9a-f]{10}$/);
    const url = new URL(test.url);
    const server = new URL(serverUrl!);
    expect([url.username, url.host, url.search]).toEqual([
      server.username,
      server.host,
      server.search,
    ]);
    expect(url.pathname).toBe(`/${test.name}`);
    const client = new Client({ connectionString: test.url });
    await client.connect();
    try {
      const tables = await client.query(
        "SELECT 1 FROM information_schema.tables WHERE table_schema = 'public'",
      );
      expect(tables.rowCount).toBe(0);
    } finally {
      await client.end();
    }
  });

  it('drops it even while a connection is still open, and a second drop is harmless', async () => {
    const database = await make();
    const straggler = new Client({ connectionString: database.url });
    // The drop ends this connection: its error event is expected, not a failure.
    straggler.on('error', () => undefined);
    await straggler.connect();

    await database.drop();
    await database.drop();

    expect(await databaseExists(database.name)).toBe(false);
  });
});
