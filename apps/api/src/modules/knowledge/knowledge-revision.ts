import type { EntityManager } from 'typeorm';

/**
 * Takes the next FAQ revision. The UPDATE locks knowledge_state's single row until the
 * caller's transaction ends, so FAQ writes commit in revision order and a reader that has
 * seen revision N has seen every change up to N.
 */
export async function nextFaqRevision(manager: EntityManager): Promise<string> {
  const [revision] = await nextFaqRevisions(manager, 1);
  return revision;
}

/**
 * Takes the next `count` FAQ revisions with one UPDATE (a write of many FAQs, e.g. an import),
 * in order: the same numbers as `count` calls of nextFaqRevision() in that transaction.
 */
export async function nextFaqRevisions(manager: EntityManager, count: number): Promise<string[]> {
  const [row] = await manager.query(
    `WITH bumped AS (UPDATE knowledge_state SET faq_revision = faq_revision + $1 WHERE id = 1 RETURNING faq_revision)
     SELECT faq_revision FROM bumped`,
    [count],
  );
  const last = BigInt(row.faq_revision);
  return Array.from({ length: count }, (_, i) => String(last - BigInt(count - 1 - i)));
}

/** Marks the synonym dictionary or glossary as changed. */
export async function bumpDictionaryRevision(manager: EntityManager): Promise<void> {
  await manager.query(
    `UPDATE knowledge_state SET dictionary_revision = dictionary_revision + 1 WHERE id = 1`,
  );
}
