import type { SupportContactKind } from '@gcm/domain';
import type { EntityManager } from 'typeorm';

/** A contact serving a unit, with how far up the hierarchy it was found (0: the unit itself). */
export interface ServingContact {
  id: string;
  name: string;
  kind: SupportContactKind;
  phone: string | null;
  address: string | null;
  openingHours: string | null;
  sample: boolean;
  /** Steps up from the unit to the unit the contact serves; null: nationwide. */
  level: number | null;
}

/**
 * The unit and those above it, with their distance: `ancestors(0)` is the unit. Deleted units
 * are left out, so a contact of a deleted district no longer shows for its wards.
 */
const ANCESTORS = `
  WITH RECURSIVE up(id, parent_id, level) AS (
    SELECT id, parent_id, 0 FROM units WHERE id = $1 AND deleted_at IS NULL
    UNION ALL
    SELECT u.id, u.parent_id, up.level + 1 FROM units u JOIN up ON u.id = up.parent_id
    WHERE u.deleted_at IS NULL AND up.level < 10
  )`;

/**
 * The contacts serving `unitId`: those of the unit, of each unit above it, then the nationwide
 * ones, nearest level first; with `topicId`, only those helping with that topic (or any topic).
 */
export async function contactsServing(
  manager: EntityManager,
  unitId: string,
  topicId: string | null = null,
  limit = 10,
): Promise<ServingContact[]> {
  const rows: (Omit<ServingContact, 'openingHours'> & { opening_hours: string | null })[] =
    await manager.query(
      `${ANCESTORS}
       SELECT c.id, c.name, c.kind, c.phone, c.address, c.opening_hours, c.sample,
              (SELECT min(up.level) FROM up WHERE up.id = ANY(c.unit_ids)) AS level
       FROM support_contacts c
       WHERE c.deleted_at IS NULL
         AND (cardinality(c.unit_ids) = 0 OR c.unit_ids && ARRAY(SELECT id FROM up))
         AND ($2::uuid IS NULL OR cardinality(c.topic_ids) = 0 OR $2::uuid = ANY(c.topic_ids))
         AND EXISTS (SELECT 1 FROM up)
       ORDER BY level ASC NULLS LAST, c.kind, c.name
       LIMIT $3`,
      [unitId, topicId, limit],
    );
  return rows.map(({ opening_hours, ...row }) => ({
    ...row,
    level: row.level === null ? null : Number(row.level),
    openingHours: opening_hours,
  }));
}

/** The ids of the contacts serving `unitId` (for the console's filter). */
export async function contactIdsServing(manager: EntityManager, unitId: string): Promise<string[]> {
  const rows: { id: string }[] = await manager.query(
    `${ANCESTORS}
     SELECT c.id FROM support_contacts c
     WHERE c.deleted_at IS NULL AND EXISTS (SELECT 1 FROM up)
       AND (cardinality(c.unit_ids) = 0 OR c.unit_ids && ARRAY(SELECT id FROM up))`,
    [unitId],
  );
  return rows.map((r) => r.id);
}

/** Whether any contact helps with this topic specifically (the "find help" button after an answer). */
export async function topicHasContacts(manager: EntityManager, topicId: string): Promise<boolean> {
  const rows = await manager.query(
    `SELECT 1 FROM support_contacts WHERE deleted_at IS NULL AND $1::uuid = ANY(topic_ids) LIMIT 1`,
    [topicId],
  );
  return rows.length > 0;
}
