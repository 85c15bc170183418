import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  answerReplies,
  BotEvent,
  BotEventOutcome,
  BotEventResult,
  BotLocale,
  BotReply,
  botText,
  Channel,
  ConversationMessage,
  ConversationState,
  countMessage,
  ErrorCode,
  faqReplies,
  FLOOD_LIMIT_PER_MINUTE,
  handoffReplies,
  INITIAL_STATE,
  Intent,
  interpret,
  languageReplies,
  menuReply,
  RESEND_AFTER_SECONDS,
  sayReplies,
  staleChoiceReplies,
  subscribeConsentReplies,
  subscribeLocalityReplies,
  subscribeTopicReplies,
  topicReplies,
  welcomeReplies,
} from '@gcm/domain';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { DATA_ERRORS } from '../../common/filters/all-exceptions.filter';
import { AssistantService, inLocale } from '../assistant/assistant.service';
import { FaqIndexService } from '../assistant/faq-index.service';
import { BatchWrites, ConversationOutcome } from './batch-writes';
import { MAX_EVENT_TEXT } from './dto/bot-event.dto';

interface Turn {
  manager: EntityManager;
  conversation: LockedConversation;
  state: ConversationState;
  event: BotEvent;
  writes: BatchWrites;
}

interface LockedConversation {
  id: string;
  channel: Channel;
  chatId: string;
  state: Partial<ConversationState>;
}

const WORDS = /[\p{L}\p{N}]/u;

/** The inbox item's question when the person asked for staff without typing one (staff read it). */
export const NO_QUESTION_TYPED = '(Người dân bấm “Gặp cán bộ” mà chưa nhập câu hỏi)';

/**
 * Topics offered in the menu and the subscription list, in the language's alphabetical order.
 * A Telegram inline keyboard takes at most 100 buttons, and those lists add two of their own
 * (staff; all topics and cancel); the web chat shows them all and Zalo five a message.
 */
export const MAX_MENU_TOPICS = 90;
/**
 * Zalo shows at most five buttons under a message, and each further message of a long list
 * takes a second of the chat's rate: its topic menu goes in pages of 8 (two messages with the
 * "more" and staff buttons), and its subscription list offers the first 13 topics besides "all
 * topics" (three messages).
 */
const MENU_PAGE_SIZE: Record<Channel, number> = {
  telegram: MAX_MENU_TOPICS,
  web: MAX_MENU_TOPICS,
  zalo: 8,
};
const SUBSCRIPTION_TOPICS: Record<Channel, number> = {
  telegram: MAX_MENU_TOPICS,
  web: MAX_MENU_TOPICS,
  zalo: 13,
};
const COLLATORS: Record<BotLocale, Intl.Collator> = {
  vi: new Intl.Collator('vi'),
  en: new Intl.Collator('en'),
};
/** An update seen before whose first attempt may still be delivering: nothing to send. */
const STILL_DELIVERING: BotEventResult = { replies: [], duplicate: true };

const chatKey = (e: { channel: string; chatId: string }) => `${e.channel}\u0000${e.chatId}`;
const updateKey = (e: { channel: string; updateId: string }) => `${e.channel}\u0000${e.updateId}`;

/**
 * Runs conversations, a batch of channel updates at a time (one, or whatever a busy bot
 * gathered meanwhile): records each update once (a repeated one gets the stored replies again),
 * reads what the person wants (packages/domain dialog), carries it out, and stores the messages
 * and the new state, in one transaction that holds the row locks of the batch's conversations,
 * so two updates of one chat never interleave. Within a batch, a chat's updates run in order.
 */
@Injectable()
export class ConversationsService {
  private readonly logger = new Logger('Conversations');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly index: FaqIndexService,
    private readonly assistant: AssistantService,
  ) {}

  async handle(event: BotEvent): Promise<BotEventResult> {
    await this.index.sync();
    const [result] = await this.dataSource.transaction((manager) =>
      this.runBatch(manager, [event]),
    );
    return result;
  }

  /**
   * One outcome per event, in order. The batch runs as one transaction; should it fail, each
   * event runs again on its own, so one that cannot be handled holds back no other.
   */
  async handleBatch(events: BotEvent[]): Promise<BotEventOutcome[]> {
    await this.index.sync();
    try {
      return await this.dataSource.transaction((manager) => this.runBatch(manager, events));
    } catch (error) {
      if (events.length === 1) {
        this.logger.error(
          `${events[0].channel} update ${events[0].updateId} could not be handled: ${errorText(error)}`,
        );
        return [failure(error)];
      }
      this.logger.warn(
        `A batch of ${events.length} updates failed (${errorText(error)}): handling them one by one`,
      );
    }
    const outcomes: BotEventOutcome[] = [];
    for (const event of events) {
      try {
        const [result] = await this.dataSource.transaction((manager) =>
          this.runBatch(manager, [event]),
        );
        outcomes.push(result);
      } catch (error) {
        this.logger.error(
          `${event.channel} update ${event.updateId} could not be handled: ${errorText(error)}`,
        );
        outcomes.push(failure(error));
      }
    }
    return outcomes;
  }

  private async runBatch(manager: EntityManager, events: BotEvent[]): Promise<BotEventResult[]> {
    const conversations = await this.lockConversations(manager, events);
    const seen = await this.seenBefore(manager, events);
    const writes = new BatchWrites();
    const outcomes = new Map<string, ConversationOutcome>();
    const results: BotEventResult[] = [];
    for (const event of events) {
      const earlier = seen.get(updateKey(event));
      if (earlier) {
        results.push(earlier);
        continue;
      }
      // The same update twice in one batch: the second is a retry of the first.
      seen.set(updateKey(event), STILL_DELIVERING);
      const conversation = conversations.get(chatKey(event))!;
      const outcome = outcomes.get(conversation.id) ?? {
        state: { ...INITIAL_STATE, ...conversation.state },
        reachable: true,
      };
      outcomes.set(conversation.id, outcome);
      outcome.reachable = event.type !== 'unfollow';
      const replies = await this.turn({
        manager,
        conversation,
        state: outcome.state,
        event,
        writes,
      });
      const { state } = outcome;
      writes.update(
        { event, conversationId: conversation.id, replies },
        inboundText(event),
        state.mode === 'handoff' ? (state.handoffId ?? null) : null,
      );
      results.push({ replies, duplicate: false });
    }
    await writes.flush(manager, outcomes);
    return results;
  }

  private async turn(turn: Turn): Promise<BotReply[]> {
    const { state } = turn;
    const { window, flooded } = countMessage(state.window, Date.now());
    state.window = window;
    if (flooded) {
      return window.count === FLOOD_LIMIT_PER_MINUTE + 1 ? sayReplies(state.locale, 'flood') : [];
    }
    const intent = interpret(state, turn.event);
    // Questions are logged with the batch; anything else may read what earlier updates of the
    // batch wrote (the transcript, an inbox item just opened), so those go in first.
    if (intent.kind !== 'ask' && turn.writes.pending) await turn.writes.flush(turn.manager);
    return this.carryOut(turn, intent);
  }

  /**
   * Updates seen before (by channel and update id) are not processed again. Their stored
   * replies are handed out again only when the earlier attempt has had RESEND_AFTER_SECONDS to deliver
   * them and the platform still retries (the bot crashed or failed before sending); a retry
   * while the first attempt is still under way gets nothing, so the person gets one answer.
   * A bot that knows its send failed says so (releaseUpdate): the wait is then over at once.
   */
  private async seenBefore(
    manager: EntityManager,
    events: BotEvent[],
  ): Promise<Map<string, BotEventResult>> {
    const rows: { channel: string; update_id: string; replies: BotReply[]; resend: boolean }[] =
      await manager.query(
        `SELECT channel, update_id, replies, resend_after <= now() AS resend FROM bot_updates
         WHERE (channel, update_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
        [events.map((e) => e.channel), events.map((e) => e.updateId)],
      );
    const resend = rows.filter((r) => r.resend);
    if (resend.length > 0) {
      await manager.query(
        `UPDATE bot_updates SET resend_after = now() + make_interval(secs => $3)
         WHERE (channel, update_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
        [resend.map((r) => r.channel), resend.map((r) => r.update_id), RESEND_AFTER_SECONDS],
      );
    }
    return new Map(
      rows.map((r) => [
        updateKey({ channel: r.channel, updateId: r.update_id }),
        r.resend ? { replies: r.replies, duplicate: true } : STILL_DELIVERING,
      ]),
    );
  }

  /**
   * The bot failed to send an update's replies: its next delivery gets them at once (seenBefore
   * hands them out once `resend_after` has passed). False when the update was never recorded.
   */
  async releaseUpdate(channel: Channel, updateId: string): Promise<boolean> {
    // In a SELECT: TypeORM answers a bare UPDATE … RETURNING as [rows, count], never empty.
    const released = await this.dataSource.query(
      `WITH released AS (
         UPDATE bot_updates SET resend_after = now() WHERE channel = $1 AND update_id = $2 RETURNING 1
       ) SELECT * FROM released`,
      [channel, updateId],
    );
    return released.length > 0;
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

  /**
   * Creates the batch's conversations that are new and locks them all, in one statement and in
   * key order, so that two batches sharing chats cannot deadlock.
   */
  private async lockConversations(
    manager: EntityManager,
    events: BotEvent[],
  ): Promise<Map<string, LockedConversation>> {
    const latest = new Map<string, BotEvent>();
    for (const event of events) latest.set(chatKey(event), event);
    const keys = [...latest.keys()].sort();
    const chats = keys.map((key) => latest.get(key)!);
    const rows: LockedConversation[] = await manager.query(
      `INSERT INTO conversations (channel, chat_id, user_id, display_name, state)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::jsonb[])
       ON CONFLICT (channel, chat_id) DO UPDATE SET display_name = coalesce(EXCLUDED.display_name, conversations.display_name)
       RETURNING id, channel, chat_id AS "chatId", state`,
      [
        chats.map((e) => e.channel),
        chats.map((e) => e.chatId),
        chats.map((e) => e.user.id),
        chats.map((e) => e.user.displayName?.slice(0, 200) ?? null),
        chats.map((e) =>
          JSON.stringify({
            ...INITIAL_STATE,
            locale: e.user.languageCode?.startsWith('en') ? 'en' : 'vi',
          }),
        ),
      ],
    );
    return new Map(rows.map((row) => [chatKey(row), row]));
  }

  private async carryOut(turn: Turn, intent: Intent): Promise<BotReply[]> {
    const { manager, state } = turn;
    const locale = state.locale;
    const { channel } = turn.conversation;
    // Broadcasts reach Zalo and Telegram only: the web chat says so instead of subscribing.
    const web = channel === 'web';
    if (web && SUBSCRIPTION_INTENTS.has(intent.kind)) {
      delete state.subscription;
      if (intent.kind === 'unsubscribe') {
        await manager.query(
          `UPDATE subscriptions SET cancelled_at = now() WHERE conversation_id = $1 AND cancelled_at IS NULL`,
          [turn.conversation.id],
        );
      }
      return sayReplies(locale, 'alertsElsewhere');
    }
    switch (intent.kind) {
      case 'start':
        state.mode = state.mode === 'handoff' ? 'handoff' : 'idle';
        return welcomeReplies(locale, await this.topics(turn), MENU_PAGE_SIZE[channel]);
      case 'help':
        return sayReplies(locale, web ? 'helpWeb' : 'help');
      case 'menu':
        return [menuReply(locale, await this.topics(turn), MENU_PAGE_SIZE[channel], intent.page)];
      case 'choose_language':
        if (!intent.locale) return languageReplies();
        state.locale = intent.locale;
        return sayReplies(intent.locale, 'languageSet');
      case 'ask':
        return this.ask(turn, intent.text);
      case 'show_faq': {
        const faq = this.index.faq(intent.faqId);
        if (!faq) return this.staleMenu(turn);
        return faqReplies(locale, { id: faq.id, ...inLocale(faq, locale) });
      }
      case 'topic':
        if (!(await this.exists(manager, TOPIC_EXISTS, intent.topicId))) {
          return this.staleMenu(turn);
        }
        return topicReplies(locale, await this.topicFaqs(manager, intent.topicId, locale));
      case 'feedback': {
        const stored = isUuid(intent.faqId)
          ? await manager.query(
              `WITH stored AS (
                 INSERT INTO answer_feedback (conversation_id, faq_id, useful)
                 SELECT $1, id, $3 FROM faqs WHERE id = $2 RETURNING id
               ) SELECT id FROM stored`,
              [turn.conversation.id, intent.faqId, intent.useful],
            )
          : [];
        if (stored.length === 0) return this.staleMenu(turn);
        return sayReplies(locale, intent.useful ? 'thanks' : 'thanksNotUseful');
      }
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
        return subscribeTopicReplies(locale, await this.subscriptionTopics(turn));
      case 'subscribe_topic':
        if (intent.topicId && !(await this.exists(manager, TOPIC_EXISTS, intent.topicId))) {
          delete state.subscription;
          return staleChoiceReplies(
            locale,
            subscribeTopicReplies(locale, await this.subscriptionTopics(turn)),
          );
        }
        state.subscription = { topicId: intent.topicId };
        return subscribeLocalityReplies(locale, await this.localities(manager));
      case 'subscribe_locality':
        // An area chosen without a topic first (an old button) starts the choice over: the
        // subscription must not fall back to every topic.
        if (!state.subscription) {
          return subscribeTopicReplies(locale, await this.subscriptionTopics(turn));
        }
        if (
          intent.localityId &&
          !(await this.exists(manager, LOCALITY_EXISTS, intent.localityId))
        ) {
          return staleChoiceReplies(
            locale,
            subscribeLocalityReplies(locale, await this.localities(manager)),
          );
        }
        state.subscription = {
          topicId: state.subscription.topicId,
          localityId: intent.localityId,
        };
        return subscribeConsentReplies(locale);
      case 'subscribe_confirm':
        return this.subscribe(turn);
      case 'unsubscribe': {
        // In a SELECT: TypeORM answers a bare UPDATE … RETURNING as [rows, count], never empty.
        const cancelled = await manager.query(
          `WITH cancelled AS (
             UPDATE subscriptions SET cancelled_at = now() WHERE conversation_id = $1 AND cancelled_at IS NULL RETURNING id
           ) SELECT id FROM cancelled`,
          [turn.conversation.id],
        );
        return sayReplies(locale, cancelled.length ? 'unsubscribed' : 'notSubscribed');
      }
      case 'cancel':
        delete state.subscription;
        return sayReplies(locale, 'cancelled');
      case 'unfollow':
        // Marked unreachable with the new state at the end of the batch: nothing more is sent.
        return [];
      case 'unsupported':
        return sayReplies(locale, 'unsupported');
    }
  }

  private async ask(turn: Turn, raw: string): Promise<BotReply[]> {
    const { writes, state, conversation } = turn;
    const text = raw.slice(0, MAX_EVENT_TEXT);
    if (!WORDS.test(text)) return sayReplies(state.locale, 'unsupported');
    const { response: result, log } = this.assistant.prepareAnswer({
      text,
      locale: state.locale === 'en' ? 'en' : undefined,
      channel: conversation.channel,
      conversationId: conversation.id,
    });
    writes.question(log);
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
    // What the person typed since their last inbox item closed (within a day), leaving out
    // commands, buttons and files (stored as "/…" and "[…]", but keeping a file's caption:
    // "[tệp: x.jpg] caption") and messages that joined another item: the question staff read
    // first.
    const typed: { text: string }[] = await manager.query(
      `SELECT regexp_replace(m.text, '^\\[tệp[^]]*\\] ', '') AS text FROM conversation_messages m
       WHERE m.conversation_id = $1 AND m.direction = 'in' AND m.handoff_id IS NULL
         AND m.text IS NOT NULL AND left(m.text, 1) <> '/'
         AND (left(m.text, 1) <> '[' OR m.text ~ '^\\[tệp[^]]*\\] .')
         AND m.created_at > now() - interval '1 day'
         AND m.created_at > coalesce(
           (SELECT max(h.closed_at) FROM handoff_items h WHERE h.conversation_id = $1), '-infinity')
       ORDER BY m.seq DESC LIMIT 5`,
      [conversation.id],
    );
    const question =
      text ??
      (typed
        .map((m) => m.text.trim())
        .filter((t) => WORDS.test(t))
        .reverse()
        .join('\n') ||
        NO_QUESTION_TYPED);
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
    const chosen = state.subscription;
    if (!chosen || chosen.localityId === undefined)
      return subscribeTopicReplies(state.locale, await this.subscriptionTopics(turn));
    // The topic or area may have been deleted since it was chosen: choose again rather than
    // subscribe to every topic or area.
    const gone =
      (chosen.topicId && !(await this.exists(manager, TOPIC_EXISTS, chosen.topicId))) ||
      (chosen.localityId && !(await this.exists(manager, LOCALITY_EXISTS, chosen.localityId)));
    if (gone) {
      delete state.subscription;
      return staleChoiceReplies(
        state.locale,
        subscribeTopicReplies(state.locale, await this.subscriptionTopics(turn)),
      );
    }
    await manager.query(
      `INSERT INTO subscriptions (conversation_id, topic_id, locality_id, consent_text)
       VALUES ($1, $2, $3, $4)`,
      [
        conversation.id,
        chosen.topicId,
        chosen.localityId,
        botText(state.locale, 'subscribeConsent'),
      ],
    );
    delete state.subscription;
    return sayReplies(state.locale, 'subscribed');
  }

  /** The topic menu after a button that no longer leads anywhere. */
  private async staleMenu(turn: Turn): Promise<BotReply[]> {
    const { state } = turn;
    return staleChoiceReplies(state.locale, [
      menuReply(state.locale, await this.topics(turn), MENU_PAGE_SIZE[turn.conversation.channel]),
    ]);
  }

  /** Whether a button's id names a row: a malformed id names none (and never reaches SQL). */
  private async exists(manager: EntityManager, query: string, id: string): Promise<boolean> {
    if (!isUuid(id)) return false;
    return (await manager.query(query, [id])).length > 0;
  }

  /** The topics a subscription can choose from on this turn's channel. */
  private async subscriptionTopics(turn: Turn): Promise<{ id: string; name: string }[]> {
    return (await this.topics(turn)).slice(0, SUBSCRIPTION_TOPICS[turn.conversation.channel]);
  }

  private async topics({ manager, state }: Turn): Promise<{ id: string; name: string }[]> {
    const { locale } = state;
    const rows: { id: string; name: string; name_en: string | null }[] = await manager.query(
      `SELECT t.id, t.name, t.name_en FROM topics t
       WHERE EXISTS (SELECT 1 FROM faqs f WHERE f.topic_id = t.id AND f.status = 'published')`,
    );
    // Sorted here, not by the database: PGlite has no ICU collations, and the server's default
    // one may not know that Đ comes right after D.
    const collator = COLLATORS[locale];
    return rows
      .map((r) => ({ id: r.id, name: (locale === 'en' && r.name_en) || r.name }))
      .sort((a, b) => collator.compare(a.name, b.name))
      .slice(0, MAX_MENU_TOPICS);
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isUuid = (id: string) => UUID.test(id);

const TOPIC_EXISTS = `SELECT 1 FROM topics WHERE id = $1`;
/** The areas offered for a subscription: districts and communes not deleted. */
const LOCALITY_EXISTS = `SELECT 1 FROM units WHERE id = $1 AND deleted_at IS NULL AND kind IN ('district', 'commune')`;

const SUBSCRIPTION_INTENTS = new Set<Intent['kind']>([
  'subscribe',
  'subscribe_topic',
  'subscribe_locality',
  'subscribe_confirm',
  'unsubscribe',
]);

/**
 * An update the API could not handle; the bot answers its webhook 5xx and it comes again. One
 * with a value the database cannot store would fail every time: refused like invalid input.
 */
function failure(error: unknown): BotEventOutcome {
  const pgCode =
    error instanceof QueryFailedError
      ? (error.driverError as { code?: string } | undefined)?.code
      : undefined;
  const refused = pgCode ? DATA_ERRORS[pgCode] : undefined;
  if (refused) return { error: { code: ErrorCode.ValidationFailed, message: refused } };
  return {
    error: {
      code: ErrorCode.Internal,
      message: 'This update could not be handled now; send it again later.',
    },
  };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
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
    case 'file': {
      // `[tệp: hop-dong.jpg] Đây là ảnh hợp đồng`, as packages/domain's fileLabel.
      const label = event.fileName ? `[tệp: ${event.fileName}]` : '[tệp]';
      const caption = event.caption?.trim().slice(0, MAX_EVENT_TEXT);
      return caption ? `${label} ${caption}` : label;
    }
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
