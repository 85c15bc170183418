import { TIP_CONTENT_ROLES } from '@gcm/domain';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';

/**
 * The area whose reports a staff user reads, or null: an officer (`TIP_CONTENT_ROLES`) of a
 * police unit reads the reports of the territorial unit the police unit hangs under (a ward's,
 * a city's, a province's police) and of every unit below it. A police unit standing alone serves
 * no area: access fails closed.
 */
export async function servedArea(manager: EntityManager, user: AuthUser): Promise<string | null> {
  if (!TIP_CONTENT_ROLES.includes(user.role) || !user.unitId) return null;
  const [row]: { parent_id: string | null }[] = await manager.query(
    `SELECT parent_id FROM units WHERE id = $1 AND kind = 'police' AND deleted_at IS NULL`,
    [user.unitId],
  );
  return row?.parent_id ?? null;
}

/** A unit and every unit under it (SQL; `$n` is the unit's id). */
export const SUBTREE = (param: string) => `(
  WITH RECURSIVE down AS (
    SELECT id FROM units WHERE id = ${param}
    UNION SELECT u.id FROM units u JOIN down d ON u.parent_id = d.id
  ) SELECT id FROM down)`;

/** Whether `area` is `root` or lies under it. */
export async function isWithin(
  manager: EntityManager,
  area: string,
  root: string | null,
): Promise<boolean> {
  if (!root) return false;
  const [row]: { within: boolean }[] = await manager.query(
    `WITH RECURSIVE up AS (
       SELECT id, parent_id FROM units WHERE id = $1
       UNION SELECT u.id, u.parent_id FROM units u JOIN up ON u.id = up.parent_id
     ) SELECT EXISTS (SELECT 1 FROM up WHERE id = $2) AS within`,
    [area, root],
  );
  return row.within;
}
