import { soundsLikeDanger } from '@gcm/domain';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An inbox item is urgent when the person's words sound like danger (held, locked up, beaten, a
 * ransom asked): staff see it marked and first among the open items. Items still open or
 * answered when this runs are read once with the same check: their question and what the person
 * wrote in them since.
 */
export class UrgentHandoffs1767200000000 implements MigrationInterface {
  name = 'UrgentHandoffs1767200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE handoff_items ADD COLUMN urgent boolean NOT NULL DEFAULT false`);
    const items: { id: string; question: string; messages: string[] | null }[] = await q.query(
      `SELECT h.id, h.question,
              (SELECT array_agg(m.text) FROM conversation_messages m
               WHERE m.handoff_id = h.id AND m.direction = 'in' AND m.text IS NOT NULL) AS messages
       FROM handoff_items h WHERE h.status <> 'closed'`,
    );
    const urgent = items
      .filter((item) => [item.question, ...(item.messages ?? [])].some(soundsLikeDanger))
      .map((item) => item.id);
    if (urgent.length > 0) {
      await q.query(`UPDATE handoff_items SET urgent = true WHERE id = ANY($1::uuid[])`, [urgent]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE handoff_items DROP COLUMN urgent`);
  }
}
