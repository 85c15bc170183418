import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedDatabase {
  url: string;
  /** The whole database as a tarball, which `loadDataDir` starts another one from (tests). */
  dump(): Promise<Blob>;
  close(): Promise<void>;
}

/**
 * Starts PGlite (with pg_trgm and unaccent) and exposes it on a loopback socket so that the
 * ordinary `pg` driver and the same migrations serve both the embedded and the server mode.
 * `dataDir` undefined keeps the database in memory (tests); `loadDataDir` starts it from another
 * one's `dump()` instead of an empty cluster (the tests' migrated template).
 */
export async function startEmbeddedDatabase(
  dataDir?: string,
  loadDataDir?: Blob,
): Promise<EmbeddedDatabase> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  // The contrib extensions ship typings for ESM only, hence dynamic imports.
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { unaccent } = await import('@electric-sql/pglite/contrib/unaccent');
  const db = await PGlite.create({ dataDir, loadDataDir, extensions: { pg_trgm, unaccent } });
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 1 });
  await server.start();
  const [host, port] = server.getServerConn().split(':');
  return {
    url: `postgresql://postgres@${host}:${port}/postgres`,
    dump: async () => (await db.dumpDataDir('none')) as Blob,
    async close() {
      await server.stop();
      await db.close();
    },
  };
}
