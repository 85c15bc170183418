import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

/** PostgreSQL's limit on the parameters of one statement ($1 … $65535). */
const MAX_PARAMETERS = 65_535;

/**
 * Inserts many rows with multi-row INSERTs, each as large as the parameter limit allows (a row
 * takes at most one parameter per column), so thousands of rows cost a few round trips.
 * `returning` leaves the given entities as `save()` would: what the database generated (ids,
 * timestamps) merged in, and null in the nullable columns they left unset. Leave it off when
 * nobody reads them.
 */
export async function insertInChunks<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  rows: QueryDeepPartialEntity<T>[],
  { returning = false }: { returning?: boolean } = {},
): Promise<void> {
  const { columns } = manager.connection.getMetadata(target);
  const perChunk = Math.floor(MAX_PARAMETERS / columns.length);
  for (let start = 0; start < rows.length; start += perChunk) {
    await manager
      .createQueryBuilder()
      .insert()
      .into(target)
      .values(rows.slice(start, start + perChunk))
      .updateEntity(returning)
      .execute();
  }
  if (!returning) return;
  for (const row of rows) {
    for (const column of columns) {
      if (column.isNullable && column.getEntityValue(row) === undefined)
        column.setEntityValue(row, null);
    }
  }
}
