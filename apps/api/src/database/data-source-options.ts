import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export type DatabaseMode = 'embedded' | 'server';

/**
 * The one description of the database, shared by Nest, the CLI and the tests.
 * Embedded PGlite serves one connection at a time (its socket serialises queries and a
 * BEGIN on one connection would block the others), so the pool holds a single connection.
 */
export function dataSourceOptions(
  url: string,
  mode: DatabaseMode,
  poolSize: number,
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    logging: ['error'],
    poolSize: mode === 'embedded' ? 1 : poolSize,
    extra: { connectionTimeoutMillis: 10_000 },
  };
}
