import type { BotEvent, BotReply } from '@gcm/domain';
import type { EntityManager } from 'typeorm';
import type { AssistantService, QuestionLogRow } from '../assistant/assistant.service';

interface UpdateRow {
  event: BotEvent;
  conversationId: string;
  replies: BotReply[];
}

interface MessageRow {
  conversationId: string;
  handoffId: string | null;
  direction: 'in' | 'out';
  text: string | null;
  /** JSON. */
  reply: string | null;
}

/**
 * What a batch of updates writes, gathered so that each table gets one statement per batch
 * rather than one per update: on a busy bot most of an update's cost is round trips to the
 * database. flush() writes in foreign-key order (inbox items before the messages that point
 * at them) and may run several times in a batch.
 */
export class BatchWrites {
  private questions: QuestionLogRow[] = [];
  private updates: UpdateRow[] = [];
  private messages: MessageRow[] = [];

  constructor(private readonly assistant: AssistantService) {}

  get pending(): boolean {
    return this.questions.length + this.updates.length + this.messages.length > 0;
  }

  question(row: QuestionLogRow): void {
    this.questions.push(row);
  }

  /** The update as handled (once per channel and update id) and the messages both ways. */
  update(row: UpdateRow, inbound: string | null, handoffId: string | null): void {
    this.updates.push(row);
    const { conversationId } = row;
    if (inbound !== null) {
      this.messages.push({
        conversationId,
        handoffId,
        direction: 'in',
        text: inbound,
        reply: null,
      });
    }
    for (const reply of row.replies) {
      this.messages.push({
        conversationId,
        handoffId,
        direction: 'out',
        text: null,
        reply: JSON.stringify(reply),
      });
    }
  }

  async flush(manager: EntityManager): Promise<void> {
    const { questions, updates, messages } = this;
    this.questions = [];
    this.updates = [];
    this.messages = [];
    await this.assistant.logQuestions(manager, questions);
    if (updates.length > 0) {
      await manager.query(
        `INSERT INTO bot_updates (channel, update_id, conversation_id, event, replies)
         SELECT * FROM unnest($1::text[], $2::text[], $3::uuid[], $4::jsonb[], $5::jsonb[])`,
        [
          updates.map((u) => u.event.channel),
          updates.map((u) => u.event.updateId),
          updates.map((u) => u.conversationId),
          updates.map((u) => JSON.stringify(u.event)),
          updates.map((u) => JSON.stringify(u.replies)),
        ],
      );
    }
    if (messages.length > 0) {
      // unnest keeps the array order, so `seq` follows the conversation.
      await manager.query(
        `INSERT INTO conversation_messages (conversation_id, handoff_id, direction, text, reply)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::jsonb[])`,
        [
          messages.map((m) => m.conversationId),
          messages.map((m) => m.handoffId),
          messages.map((m) => m.direction),
          messages.map((m) => m.text),
          messages.map((m) => m.reply),
        ],
      );
    }
  }
}
