import path from 'node:path';
import { Logger } from '@nestjs/common';
import type { Env } from '../config/env';
import { DatabaseMode } from './data-source-options';
import { startEmbeddedDatabase } from './embedded-database';

export interface DatabaseConnection {
  url: string;
  mode: DatabaseMode;
  /** Where the embedded database keeps its files (embedded mode only). */
  dataDir: string | null;
  close(): Promise<void>;
}

/** DATABASE_URL when set; otherwise an embedded PGlite persisted under DATA_DIR/pglite. */
export async function openDatabase(env: Env): Promise<DatabaseConnection> {
  if (env.DATABASE_URL) {
    return { url: env.DATABASE_URL, mode: 'server', dataDir: null, close: async () => undefined };
  }
  const dataDir = path.resolve(env.DATA_DIR, 'pglite');
  const started = Date.now();
  const embedded = await startEmbeddedDatabase(dataDir);
  new Logger('Database').log(
    `Embedded PostgreSQL (PGlite) ready in ${Date.now() - started} ms at ${dataDir}`,
  );
  return { url: embedded.url, mode: 'embedded', dataDir, close: embedded.close };
}
