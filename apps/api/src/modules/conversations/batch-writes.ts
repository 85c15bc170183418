import { RESEND_AFTER_SECONDS } from '@gcm/domain';
import type { BotEvent, BotReply, ConversationState } from '@gcm/domain';
import type { EntityManager } from 'typeorm';
import {
  QUESTION_LOG_CTES,
  questionLogParams,
  type QuestionLogRow,
} from '../assistant/assistant.service';

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

/** What a conversation becomes at the end of a batch. */
export interface ConversationOutcome {
  state: ConversationState;
  /** False after an unfollow; any other update shows the person is there. */
  reachable: boolean;
}

/**
 * Everything a batch of updates writes, in ONE statement: on a busy bot most of an update's cost
 * was round trips to the database. The statement's parts are data-modifying CTEs; the foreign
 * keys between them (a message pointing at the inbox item opened for its question) are checked
 * at the end of the statement, when all are in. flush() may run several times in a batch (see
 * ConversationsService.turn); the conversations' new state goes with the last.
 */
export class BatchWrites {
  private questions: QuestionLogRow[] = [];
  private updates: UpdateRow[] = [];
  private messages: MessageRow[] = [];

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

  async flush(
    manager: EntityManager,
    conversations = new Map<string, ConversationOutcome>(),
  ): Promise<void> {
    if (!this.pending && conversations.size === 0) return;
    const { questions, updates, messages } = this;
    this.questions = [];
    this.updates = [];
    this.messages = [];
    const ids = [...conversations.keys()];
    // unnest keeps the arrays' order, so `seq` follows each conversation.
    await manager.query(
      `WITH ${QUESTION_LOG_CTES}, updates AS (
         INSERT INTO bot_updates (channel, update_id, conversation_id, event, replies, resend_after)
         SELECT u.*, now() + make_interval(secs => $27)
         FROM unnest($14::text[], $15::text[], $16::uuid[], $17::jsonb[], $18::jsonb[]) AS u
       ), messages AS (
         INSERT INTO conversation_messages (conversation_id, handoff_id, direction, text, reply)
         SELECT * FROM unnest($19::uuid[], $20::uuid[], $21::text[], $22::text[], $23::jsonb[])
       ), saved AS (
         UPDATE conversations c SET state = v.state, updated_at = now(),
           unreachable_at = CASE WHEN v.reachable THEN NULL ELSE coalesce(c.unreachable_at, now()) END
         FROM unnest($24::uuid[], $25::jsonb[], $26::boolean[]) AS v(id, state, reachable)
         WHERE c.id = v.id
       ) SELECT 1`,
      [
        ...questionLogParams(questions),
        updates.map((u) => u.event.channel),
        updates.map((u) => u.event.updateId),
        updates.map((u) => u.conversationId),
        updates.map((u) => JSON.stringify(u.event)),
        updates.map((u) => JSON.stringify(u.replies)),
        messages.map((m) => m.conversationId),
        messages.map((m) => m.handoffId),
        messages.map((m) => m.direction),
        messages.map((m) => m.text),
        messages.map((m) => m.reply),
        ids,
        ids.map((id) => JSON.stringify(conversations.get(id)!.state)),
        ids.map((id) => conversations.get(id)!.reachable),
        RESEND_AFTER_SECONDS,
      ],
    );
  }
}
