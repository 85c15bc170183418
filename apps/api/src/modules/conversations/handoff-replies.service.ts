import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ConversationMessage, ErrorCode, INITIAL_STATE, staffReplyReplies } from '@gcm/domain';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/decorators/access.decorators';
import { AppError } from '../../common/errors/app-error';
import { AuditService } from '../audit/audit.service';
import { HandoffItemEntity } from '../assistant/handoff-item.entity';
import { OutboxService } from '../messaging/outbox.service';
import { ConversationEntity } from './conversation.entity';
import { toConversationMessage } from './conversations.service';

/** Staff answering the inbox: the reply reaches the person on their channel through the outbox. */
@Injectable()
export class HandoffRepliesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
  ) {}

  async reply(actor: Actor, handoffId: string, body: string): Promise<ConversationMessage> {
    return this.dataSource.transaction(async (manager) => {
      const item = await manager.findOne(HandoffItemEntity, {
        where: { id: handoffId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!item) throw new AppError(ErrorCode.NotFound, 404, 'No such inbox item.');
      if (item.status === 'closed') {
        throw new AppError(
          ErrorCode.Conflict,
          409,
          'This inbox item is closed: reopen it (status "open") to reply on it, or reply on the person\'s open item.',
        );
      }
      if (!item.conversationId) {
        throw new AppError(
          ErrorCode.Conflict,
          409,
          'This question came through the public API, not a chat: there is no one to reply to.',
        );
      }
      const conversation = await manager.findOneOrFail(ConversationEntity, {
        where: { id: item.conversationId },
      });
      if (conversation.unreachableAt) {
        throw new AppError(
          ErrorCode.Conflict,
          409,
          'The person has blocked the bot or unfollowed: the reply cannot be delivered.',
        );
      }
      const text = body.normalize('NFC').trim();
      const replies = staffReplyReplies(conversation.state.locale ?? INITIAL_STATE.locale, text);
      const [message] = await manager.query(
        `INSERT INTO conversation_messages (conversation_id, handoff_id, direction, reply)
         VALUES ($1, $2, 'out', $3) RETURNING seq, direction, text, reply, created_at`,
        [conversation.id, item.id, JSON.stringify(replies[0])],
      );
      // The web chat reads the conversation's messages itself; the other channels need a delivery.
      if (conversation.channel !== 'web') {
        await this.outbox.enqueue(manager, [
          {
            kind: 'staff_reply',
            channel: conversation.channel,
            chatId: conversation.chatId,
            replies,
          },
        ]);
      }
      const before = { status: item.status };
      await manager.update(HandoffItemEntity, item.id, { status: 'answered' });
      // The person's next messages keep joining this item until staff close it, unless the
      // conversation is with another item still under way: that one keeps it.
      await manager.query(
        `UPDATE conversations c SET state = c.state || jsonb_build_object('mode', 'handoff', 'handoffId', $2::text)
         WHERE c.id = $1 AND NOT EXISTS (
           SELECT 1 FROM handoff_items h
           WHERE h.id::text = c.state->>'handoffId' AND h.id <> $2 AND h.status <> 'closed')`,
        [conversation.id, item.id],
      );
      await this.audit.record(manager, actor, {
        action: 'handoff.reply',
        entityType: 'handoff',
        entityId: item.id,
        before,
        after: { status: 'answered', reply: text },
      });
      return toConversationMessage({
        ...message,
        ...(conversation.channel !== 'web' ? { delivery_status: 'pending' } : {}),
      });
    });
  }

  /** The conversation behind an inbox item, oldest first (at most the last 100 messages). */
  async transcript(handoffId: string): Promise<ConversationMessage[]> {
    const item = await this.dataSource
      .getRepository(HandoffItemEntity)
      .findOne({ where: { id: handoffId } });
    if (!item) throw new AppError(ErrorCode.NotFound, 404, 'No such inbox item.');
    if (!item.conversationId) return [];
    // A staff reply and its outbox row are written in one transaction, so both carry its now():
    // the row with the same chat and creation time is the reply's delivery.
    const rows = await this.dataSource.query(
      `SELECT m.*, o.status AS delivery_status, o.sent_at AS delivery_sent_at,
              o.last_error AS delivery_error
       FROM (SELECT seq, direction, text, reply, created_at, handoff_id FROM conversation_messages
             WHERE conversation_id = $1 ORDER BY seq DESC LIMIT 100) m
       JOIN conversations c ON c.id = $1
       LEFT JOIN LATERAL (
         SELECT status, sent_at, last_error FROM outbox
         WHERE m.handoff_id IS NOT NULL AND m.direction = 'out' AND kind = 'staff_reply'
           AND channel = c.channel AND chat_id = c.chat_id AND created_at = m.created_at
         LIMIT 1) o ON true
       ORDER BY m.seq`,
      [item.conversationId],
    );
    return rows.map(toConversationMessage);
  }
}
