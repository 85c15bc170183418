import type { BotReply } from '@gcm/domain';
import type { EntityManager } from 'typeorm';

/**
 * Queues a message to every linked chat account of the unit whose user is still an active
 * member of it, in the caller's transaction (the outbox of DESIGN.md). Returns how many.
 */
export async function notifyUnitMembers(
  manager: EntityManager,
  unitId: string,
  kind: 'reminder' | 'correction' | 'report_review',
  replies: BotReply[],
): Promise<number> {
  const rows: unknown[] = await manager.query(
    `INSERT INTO outbox (kind, channel, chat_id, replies)
     SELECT $2, la.channel, la.chat_id, $3::jsonb
       FROM linked_accounts la JOIN users u ON u.id = la.user_id
      WHERE la.unit_id = $1 AND u.is_active AND u.unit_id = la.unit_id
     RETURNING id`,
    [unitId, kind, JSON.stringify(replies)],
  );
  return rows.length;
}

export function textReply(text: string): BotReply[] {
  return [{ type: 'text', text }];
}
