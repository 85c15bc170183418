import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  answerReplies,
  BotEvent,
  BotEventResult,
  BotLocale,
  BotReply,
  botText,
  ConversationMessage,
  ConversationState,
  countMessage,
  faqReplies,
  FLOOD_LIMIT_PER_MINUTE,
  handoffReplies,
  INITIAL_STATE,
  Intent,
  interpret,
  languageReplies,
  menuReply,
  sayReplies,
  subscribeConsentReplies,
  subscribeLocalityReplies,
  subscribeTopicReplies,
  topicReplies,
  welcomeReplies,
} from '@gcm/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AssistantService, inLocale } from '../assistant/assistant.service';
import { FaqIndexService } from '../assistant/faq-index.service';
import { ConversationEntity } from './conversation.entity';
import { MAX_EVENT_TEXT } from './dto/bot-event.dto';

interface Turn {
  manager: EntityManager;
  conversation: ConversationEntity;
  state: ConversationState;
  event: BotEvent;
}

const WORDS = /[\p{L}\p{N}]/u;

/**
 * Runs a conversation, one channel update at a time: records the update once (a repeated one
 * gets the stored replies again), reads what the person wants (packages/domain dialog), carries
 * it out, and stores the messages and the new state, all in one transaction that holds the
 * conversation's row lock, so two updates of one chat never interleave.
 */
@Injectable()
export class ConversationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly index: FaqIndexService,
    private readonly assistant: AssistantService,
  ) {}

  async handle(event: BotEvent): Promise<BotEventResult> {
    await this.index.sync();
    return this.dataSource.transaction(async (manager) => {
      const conversation = await this.lockConversation(manager, event);
      const seen = await this.seenBefore(manager, event);
      if (seen) return seen;

      const state: ConversationState = { ...INITIAL_STATE, ...conversation.state };
      const { window, flooded } = countMessage(state.window, Date.now());
      state.window = window;
      const turn: Turn = { manager, conversation, state, event };
      const replies = flooded
        ? window.count === FLOOD_LIMIT_PER_MINUTE + 1
          ? sayReplies(state.locale, 'flood')
          : []
        : await this.carryOut(turn, interpret(state, event));

      await manager.query(
        `INSERT INTO bot_updates (channel, update_id, conversation_id, event, replies) VALUES ($1, $2, $3, $4, $5)`,
        [
          event.channel,
          event.updateId,
          conversation.id,
          JSON.stringify(event),
          JSON.stringify(replies),
        ],
      );
      await this.storeMessages(
        manager,
        conversation.id,
        event,
        replies,
        state.mode === 'handoff' ? state.handoffId : undefined,
      );
      await manager.query(`UPDATE conversations SET state = $2, updated_at = now() WHERE id = $1`, [
        conversation.id,
        JSON.stringify(state),
      ]);
      return { replies, duplicate: false };
    });
  }

  /**
   * An update seen before is not processed again. Its stored replies are handed out again only
   * when the earlier attempt has had RESEND_AFTER to deliver them and the platform still retries
   * (the bot crashed or failed before sending); a retry while the first attempt is still under
   * way gets nothing, so the person gets one answer.
   */
  private async seenBefore(
    manager: EntityManager,
    event: BotEvent,
  ): Promise<BotEventResult | null> {
    const rows = await manager.query(
      `SELECT replies, resend_after <= now() AS resend FROM bot_updates WHERE channel = $1 AND update_id = $2`,
      [event.channel, event.updateId],
    );
    if (rows.length === 0) return null;
    if (!rows[0].resend) return { replies: [], duplicate: true };
    await manager.query(
      `UPDATE bot_updates SET resend_after = now() + interval '20 seconds' WHERE channel = $1 AND update_id = $2`,
      [event.channel, event.updateId],
    );
    return { replies: rows[0].replies as BotReply[], duplicate: true };
  }

  /**
   * A chat's messages after `after`, both ways, oldest first: the web chat polls them for staff
   * replies and shows them all again after a reload.
   */
  async messages(channel: string, chatId: string, after: number): Promise<ConversationMessage[]> {
    const rows = await this.dataSource.query(
      `SELECT m.seq, m.direction, m.text, m.reply, m.created_at FROM conversation_messages m
       JOIN conversations c ON c.id = m.conversation_id
       WHERE c.channel = $1 AND c.chat_id = $2 AND m.seq > $3
       ORDER BY m.seq LIMIT 100`,
      [channel, chatId, after],
    );
    return rows.map(toConversationMessage);
  }

  private async lockConversation(
    manager: EntityManager,
    event: BotEvent,
  ): Promise<ConversationEntity> {
    const [row] = await manager.query(
      `INSERT INTO conversations (channel, chat_id, user_id, display_name, state)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (channel, chat_id) DO UPDATE SET display_name = coalesce(EXCLUDED.display_name, conversations.display_name),
         unreachable_at = CASE WHEN $6 THEN NULL ELSE conversations.unreachable_at END
       RETURNING id, channel, chat_id AS "chatId", state, unreachable_at AS "unreachableAt"`,
      [
        event.channel,
        event.chatId,
        event.user.id,
        event.user.displayName?.slice(0, 200) ?? null,
        JSON.stringify({
          ...INITIAL_STATE,
          locale: event.user.languageCode?.startsWith('en') ? 'en' : 'vi',
        }),
        event.type !== 'unfollow',
      ],
    );
    return row as ConversationEntity;
  }

  private async carryOut(turn: Turn, intent: Intent): Promise<BotReply[]> {
    const { manager, state } = turn;
    const locale = state.locale;
    switch (intent.kind) {
      case 'start':
        state.mode = state.mode === 'handoff' ? 'handoff' : 'idle';
        return welcomeReplies(locale, await this.topics(manager, locale));
      case 'help':
        return sayReplies(locale, 'help');
      case 'menu':
        return [menuReply(locale, await this.topics(manager, locale))];
      case 'choose_language':
        if (!intent.locale) return languageReplies();
        state.locale = intent.locale;
        return sayReplies(intent.locale, 'languageSet');
      case 'ask':
        return this.ask(turn, intent.text);
      case 'show_faq': {
        const faq = this.index.faq(intent.faqId);
        if (!faq) return [menuReply(locale, await this.topics(manager, locale))];
        return faqReplies(locale, { id: faq.id, ...inLocale(faq, locale) });
      }
      case 'topic':
        return topicReplies(locale, await this.topicFaqs(manager, intent.topicId, locale));
      case 'feedback':
        await manager.query(
          `INSERT INTO answer_feedback (conversation_id, faq_id, useful) SELECT $1, id, $3 FROM faqs WHERE id = $2`,
          [turn.conversation.id, intent.faqId, intent.useful],
        );
        return sayReplies(locale, intent.useful ? 'thanks' : 'thanksNotUseful');
      case 'handoff':
        return this.openHandoff(turn, intent.text);
      case 'handoff_message':
        await manager.query(
          `UPDATE handoff_items SET status = 'open', updated_at = now() WHERE id = $1 AND status = 'answered'`,
          [state.handoffId],
        );
        return sayReplies(locale, 'handoffNoted');
      case 'end_handoff':
        state.mode = 'idle';
        delete state.handoffId;
        return sayReplies(locale, 'handoffEnded');
      case 'subscribe':
        return subscribeTopicReplies(locale, await this.topics(manager, locale));
      case 'subscribe_topic':
        state.subscription = { topicId: intent.topicId };
        return subscribeLocalityReplies(locale, await this.localities(manager));
      case 'subscribe_locality':
        state.subscription = {
          topicId: state.subscription?.topicId ?? null,
          localityId: intent.localityId,
        };
        return subscribeConsentReplies(locale);
      case 'subscribe_confirm':
        return this.subscribe(turn);
      case 'unsubscribe': {
        const cancelled = await manager.query(
          `UPDATE subscriptions SET cancelled_at = now() WHERE conversation_id = $1 AND cancelled_at IS NULL RETURNING id`,
          [turn.conversation.id],
        );
        return sayReplies(locale, cancelled.length ? 'unsubscribed' : 'notSubscribed');
      }
      case 'cancel':
        delete state.subscription;
        return sayReplies(locale, 'cancelled');
      case 'unfollow':
        await manager.query(`UPDATE conversations SET unreachable_at = now() WHERE id = $1`, [
          turn.conversation.id,
        ]);
        return [];
      case 'unsupported':
        return sayReplies(locale, 'unsupported');
    }
  }

  private async ask(turn: Turn, raw: string): Promise<BotReply[]> {
    const { manager, state, conversation } = turn;
    const text = raw.slice(0, MAX_EVENT_TEXT);
    if (!WORDS.test(text)) return sayReplies(state.locale, 'unsupported');
    const result = await this.assistant.answer(manager, {
      text,
      locale: state.locale === 'en' ? 'en' : undefined,
      channel: conversation.channel,
      conversationId: conversation.id,
    });
    if (result.handoffId) {
      state.mode = 'handoff';
      state.handoffId = result.handoffId;
    }
    return answerReplies(result.locale, result);
  }

  private async openHandoff(turn: Turn, text?: string): Promise<BotReply[]> {
    const { manager, state, conversation } = turn;
    const [open] = state.handoffId
      ? await manager.query(`SELECT id FROM handoff_items WHERE id = $1 AND status <> 'closed'`, [
          state.handoffId,
        ])
      : [];
    if (open) return handoffReplies(state.locale, true);
    const transcript = await manager.query(
      `SELECT coalesce(text, '') AS text FROM conversation_messages WHERE conversation_id = $1 AND direction = 'in'
       ORDER BY seq DESC LIMIT 5`,
      [conversation.id],
    );
    const question =
      text ??
      (transcript
        .map((m: { text: string }) => m.text)
        .filter(Boolean)
        .reverse()
        .join('\n') ||
        botText(state.locale, 'talkToStaff'));
    const [item] = await manager.query(
      `INSERT INTO handoff_items (channel, question, conversation_id) VALUES ($1, $2, $3) RETURNING id`,
      [conversation.channel, question.slice(0, 1000), conversation.id],
    );
    state.mode = 'handoff';
    state.handoffId = item.id;
    return handoffReplies(state.locale, false);
  }

  private async subscribe(turn: Turn): Promise<BotReply[]> {
    const { manager, state, conversation } = turn;
    if (!state.subscription)
      return subscribeTopicReplies(state.locale, await this.topics(manager, state.locale));
    await manager.query(
      `INSERT INTO subscriptions (conversation_id, topic_id, locality_id, consent_text)
       SELECT $1, (SELECT id FROM topics WHERE id = $2), (SELECT id FROM units WHERE id = $3), $4`,
      [
        conversation.id,
        state.subscription.topicId,
        state.subscription.localityId ?? null,
        botText(state.locale, 'subscribeConsent'),
      ],
    );
    delete state.subscription;
    return sayReplies(state.locale, 'subscribed');
  }

  private async storeMessages(
    manager: EntityManager,
    conversationId: string,
    event: BotEvent,
    replies: BotReply[],
    handoffId: string | undefined,
  ): Promise<void> {
    const inbound = inboundText(event);
    const rows: [string, string | null, string | null][] = [
      ...(inbound === null ? [] : [['in', inbound, null] as [string, string, null]]),
      ...replies.map((r) => ['out', null, JSON.stringify(r)] as [string, null, string]),
    ];
    if (rows.length === 0) return;
    const values = rows
      .map((_, i) => `($1, $2, $${i * 3 + 3}, $${i * 3 + 4}, $${i * 3 + 5}::jsonb)`)
      .join(', ');
    await manager.query(
      `INSERT INTO conversation_messages (conversation_id, handoff_id, direction, text, reply) VALUES ${values}`,
      [conversationId, handoffId ?? null, ...rows.flat()],
    );
  }

  private async topics(
    manager: EntityManager,
    locale: BotLocale,
  ): Promise<{ id: string; name: string }[]> {
    const rows = await manager.query(
      `SELECT t.id, t.name, t.name_en FROM topics t
       WHERE EXISTS (SELECT 1 FROM faqs f WHERE f.topic_id = t.id AND f.status = 'published')
       ORDER BY t.name LIMIT 12`,
    );
    return rows.map((r: { id: string; name: string; name_en: string | null }) => ({
      id: r.id,
      name: (locale === 'en' && r.name_en) || r.name,
    }));
  }

  private async topicFaqs(
    manager: EntityManager,
    topicId: string,
    locale: BotLocale,
  ): Promise<{ id: string; question: string }[]> {
    const rows = await manager.query(
      `SELECT id, question, question_en FROM faqs WHERE topic_id = $1 AND status = 'published' ORDER BY updated_at DESC LIMIT 8`,
      [topicId],
    );
    return rows.map((r: { id: string; question: string; question_en: string | null }) => ({
      id: r.id,
      question: (locale === 'en' && r.question_en) || r.question,
    }));
  }

  private localities(manager: EntityManager): Promise<{ id: string; name: string }[]> {
    return manager.query(
      `SELECT id, name FROM units WHERE kind IN ('district', 'commune') AND deleted_at IS NULL ORDER BY kind, name LIMIT 10`,
    );
  }
}

/** What the person sent, as the transcript shows it. */
function inboundText(event: BotEvent): string | null {
  switch (event.type) {
    case 'text':
      return event.text.slice(0, MAX_EVENT_TEXT);
    case 'command':
      return `/${event.command}${event.argument ? ` ${event.argument}` : ''}`;
    case 'action':
      return `[${event.action}]`;
    case 'file':
      return `[tệp] ${event.fileName ?? ''}`.trim();
    case 'contact':
      return '[số điện thoại]';
    case 'unsupported':
      return `[${event.what}]`;
    default:
      return null;
  }
}

export function toConversationMessage(row: {
  seq: string;
  direction: 'in' | 'out';
  text: string | null;
  reply: BotReply | null;
  created_at: Date;
}): ConversationMessage {
  return {
    seq: Number(row.seq),
    direction: row.direction,
    ...(row.text !== null ? { text: row.text } : {}),
    ...(row.reply ? { reply: row.reply } : {}),
    createdAt: new Date(row.created_at).toISOString(),
  };
}
