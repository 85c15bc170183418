import { Injectable } from '@nestjs/common';
import { INBOX_WORKERS, urgentNoticeReplies, type Channel } from '@gcm/domain';
import type { EntityManager } from 'typeorm';
import type { Env } from '../../config/env';
import { InjectEnv } from '../../config/env.provider';
import { OutboxService } from '../messaging/outbox.service';

/**
 * When an inbox item becomes urgent (someone waiting for staff sounds in danger), everyone who
 * works the inbox and has linked a chat account is told on it at once (outbox kind
 * `urgent_notice`), in their conversation's language: a console left in a background tab is not
 * enough. The notice says which channel and links to the item, never what the person wrote.
 */
@Injectable()
export class UrgentNoticesService {
  constructor(
    private readonly outbox: OutboxService,
    @InjectEnv() private readonly env: Env,
  ) {}

  /** Queues the notices in the caller's transaction; returns how many. */
  async notifyIn(manager: EntityManager, itemId: string, channel: Channel): Promise<number> {
    const chats: { channel: Channel; chat_id: string; locale: string | null }[] =
      await manager.query(
        `SELECT la.channel, la.chat_id, c.locale
         FROM linked_accounts la
         JOIN users u ON u.id = la.user_id
         JOIN units un ON un.id = la.unit_id AND un.deleted_at IS NULL
         LEFT JOIN LATERAL (
           SELECT state->>'locale' AS locale FROM conversations
           WHERE channel = la.channel AND chat_id = la.chat_id LIMIT 1) c ON true
         WHERE u.is_active AND u.unit_id = la.unit_id AND u.role = ANY($1)
         ORDER BY la.linked_at, la.id`,
        [INBOX_WORKERS],
      );
    const base = this.env.PUBLIC_URL?.replace(/\/+$/, '');
    const url = base ? `${base}/inbox?item=${itemId}` : null;
    await this.outbox.enqueue(
      manager,
      chats.map((chat) => ({
        kind: 'urgent_notice',
        channel: chat.channel,
        chatId: chat.chat_id,
        replies: urgentNoticeReplies(chat.locale === 'en' ? 'en' : 'vi', { channel, url }),
      })),
    );
    return chats.length;
  }
}
