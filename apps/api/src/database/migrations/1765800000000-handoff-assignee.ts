import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An inbox item may be taken by one staff member (assigned to themselves or by a colleague), so
 * that two people do not answer the same person. A deleted account leaves the item unassigned.
 */
export class HandoffAssignee1765800000000 implements MigrationInterface {
  name = 'HandoffAssignee1765800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE handoff_items ADD COLUMN assignee_id uuid REFERENCES users(id) ON DELETE SET NULL`,
    );
    await q.query(
      `CREATE INDEX handoff_items_assignee_idx ON handoff_items (assignee_id) WHERE assignee_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX handoff_items_assignee_idx`);
    await q.query(`ALTER TABLE handoff_items DROP COLUMN assignee_id`);
  }
}
