import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  answerReplies,
  BotEvent,
  BotEventOutcome,
  BotEventResult,
  BotReply,
  Channel,
  dangerReplies,
  ConversationMessage,
  type ConversationState,
  countMessage,
  ErrorCode,
  faqReplies,
  FLOOD_LIMIT_PER_MINUTE,
  handoffReplies,
  INITIAL_STATE,
  Intent,
  interpret,
  languageReplies,
  leaveUnitFlows,
  reportTexts,
  unitHelpReplies,
  unitMenuReply,
  urgentHandoffReplies,
  menuReply,
  moreReplies,
  outOfScopeReplies,
  ReplyDelivery,
  RESEND_AFTER_SECONDS,
  sayReplies,
  soundsLikeDanger,
  staleChoiceReplies,
  tipReplies,
  topicReplies,
  welcomeReplies,
} from '@gcm/domain';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { DATA_ERRORS } from '../../common/filters/all-exceptions.filter';
import { isDatabaseUnavailable } from '../../database/database-availability';
import { AssistantService, inLocale } from '../assistant/assistant.service';
import { FaqIndexService } from '../assistant/faq-index.service';
import { emergencyRoute } from '../knowledge/emergency-route';
import { BatchWrites, ConversationOutcome } from './batch-writes';
import {
  exists,
  isUuid,
  MENU_PAGE_SIZE,
  WHOLE_LABELS,
  TOPIC_EXISTS,
  topicFaqs,
  topics,
} from './conversation-lists';
import { isSubscriptionIntent, subscriptionStep } from './subscription-flow';
import type { LockedConversation, Turn } from './turn';
import { TaskUpdatesService } from '../plan/task-updates.service';
import { OutboxService } from '../messaging/outbox.service';
import { CompaniesService } from '../companies/companies.service';
import { companyStep } from './company-flow';
import { helpNearbyStep, helpTopicOf } from './help-nearby-flow';
import { linkStep } from './link-flow';
import { reportStep } from './report-flow';
import { taskUpdateStep } from './task-update-flow';
import { leaveTip, tipStep } from './tip-flow';
import { TipsService } from '../tips/tips.service';
import type { Env } from '../../config/env';
import { InjectEnv } from '../../config/env.provider';
import { REPORT_DRAFTS, type ReportDrafts, UNIT_ACCOUNTS, type UnitAccounts } from './unit-ports';
import { MAX_EVENT_TEXT } from './dto/bot-event.dto';
import { UrgentNoticesService } from './urgent-notices.service';

const WORDS = /[\p{L}\p{N}]/u;

/** The inbox item's question when the person asked for staff without typing one (staff read it). */
export const NO_QUESTION_TYPED = '(Người dân bấm “Gặp cán bộ” mà chưa nhập câu hỏi)';

/** An update seen before whose first attempt may still be delivering: nothing to send now. */
const STILL_DELIVERING: BotEventResult = { replies: [], duplicate: true, delivering: true };
/** An update seen before whose replies the bot delivered: nothing to send, ever. */
const DELIVERED: BotEventResult = { replies: [], duplicate: true };

const chatKey = (e: { channel: string; chatId: string }) => `${e.channel}\u0000${e.chatId}`;
const updateKey = (e: { channel: string; updateId: string }) => `${e.channel}\u0000${e.updateId}`;

/**
 * Runs conversations, a batch of channel updates at a time (one, or whatever a busy bot
 * gathered meanwhile): records each update once (a repeated one gets the stored replies again),
 * reads what the person wants (packages/domain dialog), carries it out, and stores the messages
 * and the new state, in one transaction that holds the row locks of the batch's conversations,
 * so two updates of one chat never interleave. Within a batch, a chat's updates run in order.
 */
/**
 * A 👍/👎 ($3) on FAQ $2 in conversation $1, tied to the question it was given for: the
 * conversation's latest question answered directly with that FAQ. A verdict on such a question
 * changes which answers are disputed (FaqIndexService), so it bumps dispute_revision.
 */
const STORE_FEEDBACK = `WITH asked AS (
    SELECT id FROM question_log
    WHERE conversation_id = $1 AND faq_id = $2 AND status = 'answered'
    ORDER BY created_at DESC LIMIT 1
  ), stored AS (
    INSERT INTO answer_feedback (conversation_id, faq_id, useful, question_log_id)
    SELECT $1, id, $3, (SELECT id FROM asked) FROM faqs WHERE id = $2
    RETURNING id, question_log_id
  ), bumped AS (
    UPDATE knowledge_state SET dispute_revision = dispute_revision + 1
    WHERE id = 1 AND EXISTS (SELECT 1 FROM stored WHERE question_log_id IS NOT NULL)
  ) SELECT id FROM stored`;

@Injectable()
export class ConversationsService {
  private readonly logger = new Logger('Conversations');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly index: FaqIndexService,
    private readonly assistant: AssistantService,
    private readonly taskUpdates: TaskUpdatesService,
    private readonly outbox: OutboxService,
    private readonly companies: CompaniesService,
    private readonly tips: TipsService,
    @InjectEnv() private readonly env: Env,
    private readonly urgentNotices: UrgentNoticesService,
    @Inject(UNIT_ACCOUNTS) private readonly accounts: UnitAccounts,
    @Inject(REPORT_DRAFTS) private readonly drafts: ReportDrafts,
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
   * event runs again on its own, so one that cannot be handled holds back no other. Should the
   * database be away, the whole request fails (503 database_unavailable).
   */
  async handleBatch(events: BotEvent[]): Promise<BotEventOutcome[]> {
    await this.index.sync();
    try {
      return await this.dataSource.transaction((manager) => this.runBatch(manager, events));
    } catch (error) {
      // Without the database no event can be handled: the request answers 503 (and the bot's
      // webhooks 5xx, so the platforms send them again), rather than each event failing alone.
      if (isDatabaseUnavailable(error)) throw error;
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
      const handoffBefore = outcome.state.handoffId;
      const tipBefore = reportingTip(outcome.state);
      const replies = await this.turn({
        manager,
        conversation,
        state: outcome.state,
        event,
        writes,
      });
      const { state } = outcome;
      // What a person tells the police is stored sealed in `tips` only: the transcript and the
      // stored update say that something was sent, not what.
      const confidential = tipBefore || reportingTip(state);
      writes.update(
        { event: confidential ? redacted(event) : event, conversationId: conversation.id, replies },
        confidential ? inboundTipText(event) : inboundText(event),
        state.mode === 'handoff' ? (state.handoffId ?? null) : null,
      );
      // Both ways into the inbox (asking for staff, a question without an answer) give a new id.
      const handoffOpened = state.mode === 'handoff' && state.handoffId !== handoffBefore;
      results.push({ replies, duplicate: false, handoffOpened });
    }
    await writes.flush(manager, outcomes);
    return results;
  }

  private async turn(turn: Turn): Promise<BotReply[]> {
    const { state } = turn;
    // An officer going through a report or a task update answers one short question after
    // another (19 fields and their buttons in a few minutes): those are not flooding.
    if (!state.report && !state.taskUpdate) {
      const { window, flooded } = countMessage(state.window, Date.now());
      state.window = window;
      if (flooded) {
        return window.count === FLOOD_LIMIT_PER_MINUTE + 1 ? sayReplies(state.locale, 'flood') : [];
      }
    }
    const intent = interpret(state, turn.event);
    // The question "Có phải bạn muốn báo tin…" is answered by its buttons or not at all.
    if (!intent.kind.startsWith('tip_')) delete state.tipOffer;
    // Questions are logged with the batch; anything else may read what earlier updates of the
    // batch wrote (the transcript, an inbox item just opened), so those go in first.
    if (intent.kind !== 'ask' && turn.writes.pending) await turn.writes.flush(turn.manager);
    return this.carryOut(turn, intent);
  }

  /**
   * Updates seen before (by channel and update id) are not processed again. Their stored
   * replies are handed out again only when the earlier attempt has had RESEND_AFTER_SECONDS to
   * deliver them without saying it did (markDelivered) and the platform still retries (the bot
   * died or failed before sending); a retry while the first attempt may still be under way gets
   * nothing now (`delivering`: to come again later), and one after the bot said it delivered
   * gets nothing at all, so the person gets one answer. A bot that knows its send failed says so
   * (releaseUpdate): the wait is then over at once.
   */
  private async seenBefore(
    manager: EntityManager,
    events: BotEvent[],
  ): Promise<Map<string, BotEventResult>> {
    const rows: {
      channel: string;
      update_id: string;
      replies: BotReply[];
      sent_parts: number;
      resend: boolean;
      delivered: boolean;
    }[] = await manager.query(
      `SELECT channel, update_id, replies, sent_parts, resend_after <= now() AS resend,
              resend_after = 'infinity' AS delivered
       FROM bot_updates
       WHERE (channel, update_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
      [events.map((e) => e.channel), events.map((e) => e.updateId)],
    );
    const resend = rows.filter((r) => r.resend && !r.delivered);
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
        r.delivered
          ? DELIVERED
          : r.resend
            ? { replies: r.replies, duplicate: true, sentParts: r.sent_parts }
            : STILL_DELIVERING,
      ]),
    );
  }

  /**
   * The bot delivered these updates' replies: a later delivery of one of them gets nothing to
   * send, however late (resend_after = 'infinity'). Updates never recorded are passed over.
   */
  async markDelivered(updates: { channel: Channel; updateId: string }[]): Promise<void> {
    await this.dataSource.query(
      `UPDATE bot_updates SET resend_after = 'infinity'
       WHERE (channel, update_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
      [updates.map((u) => u.channel), updates.map((u) => u.updateId)],
    );
  }

  /**
   * The bot failed to send an update's replies: its next delivery gets them at once (seenBefore
   * hands them out once `resend_after` has passed), unless another delivery said it delivered
   * them. `sentParts`, the platform messages of them that went out, is kept (it only grows) and
   * handed to that delivery, which sends only the rest. False when the update was never recorded.
   */
  async releaseUpdate(channel: Channel, updateId: string, sentParts = 0): Promise<boolean> {
    // In a SELECT: TypeORM answers a bare UPDATE … RETURNING as [rows, count], never empty.
    const released = await this.dataSource.query(
      `WITH released AS (
         UPDATE bot_updates
         SET resend_after = CASE WHEN resend_after = 'infinity' THEN resend_after ELSE now() END,
             sent_parts = GREATEST(sent_parts, $3)
         WHERE channel = $1 AND update_id = $2 RETURNING 1
       ) SELECT * FROM released`,
      [channel, updateId, sentParts],
    );
    return released.length > 0;
  }

  /**
   * The bot answered the update's platform already and could not send its replies: they go to
   * the outbox (kind `reply`) after the `sentParts` that went out, not before
   * `retryAfterSeconds`, for any bot instance to deliver; the update then counts as delivered.
   * `missing` when it was never recorded, `done` when its replies were delivered or queued
   * already.
   */
  async redeliverUpdate(request: {
    channel: Channel;
    updateId: string;
    sentParts: number;
    retryAfterSeconds?: number;
  }): Promise<'queued' | 'missing' | 'done'> {
    const { channel, updateId, sentParts, retryAfterSeconds } = request;
    return this.dataSource.transaction(async (manager) => {
      const [row]: { chat_id: string; replies: BotReply[]; sent_parts: number; done: boolean }[] =
        await manager.query(
          `SELECT c.chat_id, u.replies, u.sent_parts, u.resend_after = 'infinity' AS done
           FROM bot_updates u JOIN conversations c ON c.id = u.conversation_id
           WHERE u.channel = $1 AND u.update_id = $2
           FOR UPDATE OF u`,
          [channel, updateId],
        );
      if (!row) return 'missing';
      if (row.done) return 'done';
      await this.outbox.enqueue(manager, [
        {
          kind: 'reply',
          channel,
          chatId: row.chat_id,
          replies: row.replies,
          sentParts: Math.max(row.sent_parts, sentParts),
          availableAt: new Date(Date.now() + (retryAfterSeconds ?? 0) * 1000),
        },
      ]);
      await manager.query(
        `UPDATE bot_updates SET resend_after = 'infinity', sent_parts = GREATEST(sent_parts, $3)
         WHERE channel = $1 AND update_id = $2`,
        [channel, updateId, sentParts],
      );
      return 'queued';
    });
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
    if (isSubscriptionIntent(intent)) return subscriptionStep(turn, intent);
    switch (intent.kind) {
      case 'start':
        state.mode = state.mode === 'handoff' ? 'handoff' : 'idle';
        await leaveTip(turn, this.tips);
        leaveUnitFlows(state);
        delete state.nearby;
        delete state.companyCheck;
        return [
          ...welcomeReplies(locale, await topics(turn), MENU_PAGE_SIZE[channel]),
          ...(await this.unitMenu(turn)),
        ];
      case 'help':
        if (channel === 'web') return sayReplies(locale, 'helpWeb');
        return unitHelpReplies(sayReplies(locale, 'help'), await this.account(turn), locale);
      case 'menu':
        await leaveTip(turn, this.tips);
        leaveUnitFlows(state);
        delete state.nearby;
        delete state.companyCheck;
        return [
          menuReply(locale, await topics(turn), MENU_PAGE_SIZE[channel], intent.page),
          ...(intent.page ? [] : await this.unitMenu(turn)),
        ];
      case 'choose_language':
        if (!intent.locale) return languageReplies();
        state.locale = intent.locale;
        return sayReplies(intent.locale, 'languageSet');
      case 'ask':
        return this.ask(turn, intent.text);
      case 'show_faq': {
        const faq = this.index.faq(intent.faqId);
        if (!faq) return this.staleMenu(turn);
        return faqReplies(
          locale,
          { id: faq.id, ...inLocale(faq, locale) },
          await helpTopicOf(manager, faq.id),
        );
      }
      case 'show_more': {
        const faq = this.index.faq(intent.faqId);
        if (!faq) return this.staleMenu(turn);
        return moreReplies(
          locale,
          { id: faq.id, ...inLocale(faq, locale) },
          await helpTopicOf(manager, faq.id),
        );
      }
      case 'pick_choice': {
        const faq = this.index.faq(intent.faqId);
        if (!faq) return this.staleMenu(turn);
        // The question the choices were offered for, proposed as this FAQ's alternate: an
        // editor accepts it (or not) before the matcher uses it.
        if (state.choices) {
          await manager.query(
            `INSERT INTO alternate_proposals (faq_id, text, source, question_log_id, conversation_id)
             VALUES ($1, $2, 'choice', $3, $4)`,
            [faq.id, state.choices.text, state.choices.questionLogId, turn.conversation.id],
          );
          delete state.choices;
        }
        return faqReplies(
          locale,
          { id: faq.id, ...inLocale(faq, locale) },
          await helpTopicOf(manager, faq.id),
        );
      }
      case 'topic':
        if (!(await exists(manager, TOPIC_EXISTS, intent.topicId))) {
          return this.staleMenu(turn);
        }
        return topicReplies(
          locale,
          await topicFaqs(manager, intent.topicId, locale),
          WHOLE_LABELS[channel],
        );
      case 'feedback': {
        const stored = isUuid(intent.faqId)
          ? await manager.query(STORE_FEEDBACK, [turn.conversation.id, intent.faqId, intent.useful])
          : [];
        if (stored.length === 0) return this.staleMenu(turn);
        return sayReplies(locale, intent.useful ? 'thanks' : 'thanksNotUseful');
      }
      case 'handoff':
        return this.openHandoff(turn, intent.text);
      case 'handoff_message': {
        // A new message reopens an answered item; one that sounds like danger makes it urgent
        // and gets the emergency route first, whatever staff are doing.
        const danger = soundsLikeDanger(intent.text);
        const [changed]: { became_urgent: boolean; channel: Channel }[] = await manager.query(
          `WITH before AS (SELECT urgent FROM handoff_items WHERE id = $1),
           changed AS (
             UPDATE handoff_items SET status = 'open', urgent = urgent OR $2, updated_at = now()
             WHERE id = $1 AND (status = 'answered' OR (status = 'open' AND $2))
             RETURNING urgent, channel)
           SELECT changed.urgent AND NOT before.urgent AS became_urgent, changed.channel
           FROM changed, before`,
          [state.handoffId, danger],
        );
        if (changed?.became_urgent) {
          await this.urgentNotices.notifyIn(manager, state.handoffId!, changed.channel);
        }
        const said = state.handoffLocale ?? locale;
        return danger
          ? urgentHandoffReplies(said, await emergencyRoute(manager))
          : sayReplies(said, 'handoffNoted');
      }
      case 'end_handoff': {
        const said = state.handoffLocale ?? locale;
        state.mode = 'idle';
        delete state.handoffId;
        delete state.handoffLocale;
        return sayReplies(said, 'handoffEnded');
      }
      case 'find_help':
      case 'find_help_place':
      case 'find_help_text': {
        const replies = await helpNearbyStep(turn, intent);
        // A long text that names no place is a question after all.
        return replies ?? this.ask(turn, intent.kind === 'find_help_text' ? intent.text : '');
      }
      case 'check_company':
      case 'check_company_text':
      case 'check_company_pick':
      case 'check_company_none':
        delete state.nearby;
        return companyStep(turn, intent, this.companies);
      case 'cancel': {
        if (await leaveTip(turn, this.tips)) return tipReplies(locale, { kind: 'cancelled' });
        const reportOpen = state.report !== undefined;
        // Corrections of a submitted report are not saved before "Gửi lại": they are dropped.
        const correcting = state.report?.correction !== undefined;
        delete state.subscription;
        delete state.nearby;
        delete state.companyCheck;
        leaveUnitFlows(state);
        if (!reportOpen) return sayReplies(locale, 'cancelled');
        return [
          {
            type: 'text',
            text: correcting ? reportTexts(locale).discarded : reportTexts(locale).paused,
            format: 'markdown',
          },
        ];
      }
      case 'link':
      case 'unlink':
      case 'account':
        return linkStep(turn, intent, this.accounts);
      case 'task_update':
      case 'task_update_task':
      case 'task_update_text':
      case 'task_update_file':
      case 'task_update_no_file':
      case 'task_update_send':
        return taskUpdateStep(turn, intent, await this.account(turn), this.taskUpdates);
      case 'reports':
      case 'report_open':
      case 'report_answer':
      case 'report_choice':
      case 'report_toggle':
      case 'report_done':
      case 'report_discard':
      case 'report_skip':
      case 'report_back':
      case 'report_review':
      case 'report_edit':
      case 'report_fields':
      case 'report_submit':
        return reportStep(turn, intent, await this.account(turn), this.drafts);
      case 'tip_start':
      case 'tip_offer':
      case 'tip_offer_no':
      case 'tip_text':
      case 'tip_file':
      case 'tip_next':
      case 'tip_anonymous':
      case 'tip_give_contact':
      case 'tip_place':
      case 'tip_send':
      case 'tip_done': {
        const outcome = await tipStep(turn, intent, this.tips, this.env.TIPS_RETENTION_DAYS);
        return Array.isArray(outcome) ? outcome : this.ask(turn, outcome.ask);
      }
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
      openHandoff: !turn.event.handoffsPaused,
    });
    writes.question(log);
    delete state.choices;
    const locale = result.locale;
    if (result.handoffId) {
      state.mode = 'handoff';
      state.handoffId = result.handoffId;
      if (locale === state.locale) delete state.handoffLocale;
      else state.handoffLocale = locale;
      // The item itself is written with the question log at the end of the batch.
      if (log.urgent) {
        await this.urgentNotices.notifyIn(turn.manager, result.handoffId, conversation.channel);
      }
    }
    // The emergency route is content staff write in Vietnamese; in English, the bot's own
    // sentence with the route's hotlines (replies.ts).
    const emergency = () => emergencyRoute(turn.manager);
    if (result.status === 'ambiguous') {
      state.choices = { questionLogId: log.id, text: log.text };
    }
    if (result.danger) {
      const faq = result.status === 'answered' ? result.faq : undefined;
      const choices = result.status === 'ambiguous' ? result.suggestions : [];
      return dangerReplies(
        locale,
        await emergency(),
        faq,
        Boolean(result.handoffId),
        choices,
        WHOLE_LABELS[conversation.channel],
      );
    }
    if (result.status === 'no_answer' && !result.inField) {
      return outOfScopeReplies(
        state.locale,
        await topics(turn),
        MENU_PAGE_SIZE[conversation.channel],
      );
    }
    if (result.status === 'no_answer' && !result.handoffId) {
      return sayReplies(locale, 'noAnswerHandoffsPaused');
    }
    return answerReplies(
      locale,
      result,
      result.status === 'no_answer' ? await emergency() : undefined,
      result.status === 'answered' && result.faq
        ? await helpTopicOf(turn.manager, result.faq.id)
        : undefined,
      WHOLE_LABELS[conversation.channel],
    );
  }

  private async openHandoff(turn: Turn, text?: string): Promise<BotReply[]> {
    const { manager, state, conversation } = turn;
    const [open] = state.handoffId
      ? await manager.query(`SELECT id FROM handoff_items WHERE id = $1 AND status <> 'closed'`, [
          state.handoffId,
        ])
      : [];
    if (open) return handoffReplies(state.locale, true);
    if (turn.event.handoffsPaused) return sayReplies(state.locale, 'handoffsPaused');
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
    const urgent = soundsLikeDanger(question);
    const [item] = await manager.query(
      `INSERT INTO handoff_items (channel, question, conversation_id, urgent) VALUES ($1, $2, $3, $4) RETURNING id`,
      [conversation.channel, question.slice(0, 1000), conversation.id, urgent],
    );
    if (urgent) await this.urgentNotices.notifyIn(manager, item.id, conversation.channel);
    state.mode = 'handoff';
    state.handoffId = item.id;
    delete state.handoffLocale;
    return handoffReplies(state.locale, false);
  }

  /**
   * The staff user this chat reports as, or null: none on the web chat, and none while the
   * user is deactivated or moved, or the unit deleted (still linked, but not reporting).
   */
  private async account(turn: Turn) {
    const { conversation, manager } = turn;
    if (conversation.channel === 'web') return null;
    const account = await this.accounts.find(manager, conversation.channel, conversation.chatId);
    return account?.active ? account : null;
  }

  /** A linked account's own buttons (reports, task updates, the link), after the topic menu. */
  private async unitMenu(turn: Turn): Promise<BotReply[]> {
    const account = await this.account(turn);
    return account ? [unitMenuReply(account, turn.state.locale)] : [];
  }

  /** The topic menu after a button that no longer leads anywhere. */
  private async staleMenu(turn: Turn): Promise<BotReply[]> {
    const { state } = turn;
    return staleChoiceReplies(state.locale, [
      menuReply(state.locale, await topics(turn), MENU_PAGE_SIZE[turn.conversation.channel]),
    ]);
  }
}

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

/** Whether the conversation is in "Báo tin" (writing, adding, or asked whether to report). */
function reportingTip(state: ConversationState): boolean {
  return state.tip !== undefined || state.tipOffer !== undefined;
}

/** A step of "Báo tin" as the transcript shows it: that something was sent, never what. */
function inboundTipText(event: BotEvent): string | null {
  switch (event.type) {
    case 'text':
    case 'contact':
      return '[báo tin: nội dung được mã hóa]';
    case 'file':
      return '[báo tin: tệp]';
    case 'command':
      return `/${event.command}`;
    default:
      return inboundText(event);
  }
}

/** The event as `bot_updates` keeps it during "Báo tin": without what the person typed or sent. */
function redacted(event: BotEvent): BotEvent {
  switch (event.type) {
    case 'text':
      return { ...event, text: '[báo tin]' };
    case 'contact':
      return { ...event, phone: '[báo tin]' };
    case 'file': {
      const { caption: _caption, fileName: _name, ...rest } = event;
      return { ...rest, fileRef: '[báo tin]' };
    }
    case 'command': {
      const { argument: _argument, ...rest } = event;
      return rest;
    }
    default:
      return event;
  }
}

export function toConversationMessage(row: {
  seq: string;
  direction: 'in' | 'out';
  text: string | null;
  reply: BotReply | null;
  created_at: Date;
  delivery_status?: ReplyDelivery['status'] | null;
  delivery_sent_at?: Date | null;
  delivery_error?: string | null;
}): ConversationMessage {
  return {
    seq: Number(row.seq),
    direction: row.direction,
    ...(row.text !== null ? { text: row.text } : {}),
    ...(row.reply ? { reply: row.reply } : {}),
    createdAt: new Date(row.created_at).toISOString(),
    ...(row.delivery_status
      ? {
          delivery: {
            status: row.delivery_status,
            sentAt: row.delivery_sent_at ? new Date(row.delivery_sent_at).toISOString() : null,
            error: row.delivery_error ?? null,
          },
        }
      : {}),
  };
}
