import type { BotLocale, BotReply } from '@gcm/domain';
import type { EntityManager } from 'typeorm';

/**
 * Queues a message to every linked chat account of the unit whose user is still an active
 * member of it, in the caller's transaction (the outbox of DESIGN.md). Returns how many. Given
 * one text per language, each account gets its conversation's language (Vietnamese when it
 * has chosen none).
 */
export async function notifyUnitMembers(
  manager: EntityManager,
  unitId: string,
  kind: 'reminder' | 'correction' | 'report_review',
  replies: BotReply[] | Record<BotLocale, BotReply[]>,
): Promise<number> {
  const byLocale = Array.isArray(replies) ? { vi: replies, en: replies } : replies;
  const rows: unknown[] = await manager.query(
    `INSERT INTO outbox (kind, channel, chat_id, replies)
     SELECT $2, la.channel, la.chat_id,
            CASE WHEN c.locale = 'en' THEN $4::jsonb ELSE $3::jsonb END
       FROM linked_accounts la JOIN users u ON u.id = la.user_id
       LEFT JOIN LATERAL (
         SELECT state->>'locale' AS locale FROM conversations
          WHERE channel = la.channel AND chat_id = la.chat_id LIMIT 1) c ON true
      WHERE la.unit_id = $1 AND u.is_active AND u.unit_id = la.unit_id
     RETURNING id`,
    [unitId, kind, JSON.stringify(byLocale.vi), JSON.stringify(byLocale.en)],
  );
  return rows.length;
}

export function textReply(text: string): BotReply[] {
  return [{ type: 'text', text }];
}
