import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** A database made for one test file or one benchmark run; `drop()` when done. */
export interface ServerDatabase {
  /** Its name, e.g. `gcm_test_1a2b3c4d5e6f`. */
  readonly name: string;
  /** The server's URL with this database as its path (user, host and options kept). */
  readonly url: string;
  /** Drops it, ending any connection still open to it. Safe to call twice. */
  drop(): Promise<void>;
}

/**
 * What the database is for, which names it: `gcm_test_<12 hex>` for tests and
 * `gcm_bench_<10 hex>` for benchmarks, so a leftover (a run killed before its drop) says where it
 * came from and `DROP DATABASE` of a pattern clears one kind without the other.
 */
export type DatabasePurpose = 'test' | 'bench';

const NAMES: Record<DatabasePurpose, { prefix: string; randomBytes: number }> = {
  test: { prefix: 'gcm_test', randomBytes: 6 },
  bench: { prefix: 'gcm_bench', randomBytes: 5 },
};

/**
 * Creates a new, empty, uniquely named database on the PostgreSQL server of `serverUrl`
 * (connecting to the database that URL names, which is left alone).
 *
 *   const database = await createServerDatabase(process.env.TEST_DATABASE_URL, 'test');
 *   // DATABASE_URL=database.url for one API process or several
 *   await database.drop();
 */
export async function createServerDatabase(
  serverUrl: string,
  purpose: DatabasePurpose = 'test',
): Promise<ServerDatabase> {
  const { prefix, randomBytes: size } = NAMES[purpose];
  // Only a fixed prefix and hex digits: safe to write into the statement, which takes no
  // parameters for a name.
  const name = `${prefix}_${randomBytes(size).toString('hex')}`;
  await runOnServer(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    // WITH (FORCE) (PostgreSQL 13+): a process that was killed, or a pool not yet closed, may
    // still hold connections, and a plain DROP would fail on them and leave the database behind.
    drop: () => runOnServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/** One statement on a connection of its own (CREATE/DROP DATABASE cannot run in a transaction). */
async function runOnServer(serverUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
