import type { EntityManager } from 'typeorm';

/**
 * Takes the next FAQ revision. The UPDATE locks knowledge_state's single row until the
 * caller's transaction ends, so FAQ writes commit in revision order and a reader that has
 * seen revision N has seen every change up to N.
 */
export async function nextFaqRevision(manager: EntityManager): Promise<string> {
  const [row] = await manager.query(
    `WITH bumped AS (UPDATE knowledge_state SET faq_revision = faq_revision + 1 WHERE id = 1 RETURNING faq_revision)
     SELECT faq_revision FROM bumped`,
  );
  return String(row.faq_revision);
}

/** Marks the synonym dictionary or glossary as changed. */
export async function bumpDictionaryRevision(manager: EntityManager): Promise<void> {
  await manager.query(
    `UPDATE knowledge_state SET dictionary_revision = dictionary_revision + 1 WHERE id = 1`,
  );
}
