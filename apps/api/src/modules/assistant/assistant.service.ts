import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AskResponse,
  ErrorCode,
  ExplainResponse,
  HandoffCountsResponse,
  HandoffItemResponse,
  HandoffAssigneeResponse,
  INBOX_WORKERS,
  MatchResult,
  normaliseText,
  renderMarkdown,
  soundsLikeDanger,
  UpdateHandoffRequest,
} from '@gcm/domain';
import { DataSource, EntityManager, In } from 'typeorm';
import type { Actor } from '../../common/decorators/access.decorators';
import { AppError } from '../../common/errors/app-error';
import { AuditService } from '../audit/audit.service';
import { UserEntity } from '../users/user.entity';
import { ASK_MAX_CHARS, HandoffListQueryDto, toHandoffItemResponse } from './dto/assistant.dto';
import { FaqIndexService, IndexedFaq } from './faq-index.service';
import { HandoffItemEntity } from './handoff-item.entity';

export interface AskInput {
  text: string;
  locale?: 'vi' | 'en';
  /** Where the question came from: 'api', 'web', 'telegram', 'zalo'. */
  channel: string;
  /** The chat it came from, so that a staff reply can reach it. */
  conversationId?: string;
  /** false: a question with no answer opens no inbox item (default true). */
  openHandoff?: boolean;
}

/** One question_log row, and the inbox item it opens when nothing answered it. */
export interface QuestionLogRow {
  id: string;
  channel: string;
  text: string;
  normalised: string;
  locale: string;
  status: AskResponse['status'];
  confidence: number;
  chance: number | null;
  faqId: string | null;
  /** JSON. */
  suggestions: string;
  handoffId: string | null;
  conversationId: string | null;
  /** The question sounds like danger: its inbox item, if one is opened, is urgent. */
  urgent: boolean;
}

/**
 * Data-modifying CTEs (`asked`, `logged`, `opened`) that log questions and open the inbox items
 * of those without an answer, from the arrays of questionLogParams() as $1 to $13: a caller may
 * add its own writes to the same statement, numbering its parameters from $14.
 */
export const QUESTION_LOG_CTES = `asked AS (
    SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
      $7::real[], $8::uuid[], $9::jsonb[], $10::uuid[], $11::uuid[], $12::real[], $13::boolean[])
      AS a(id, channel, text, normalised, locale, status, confidence, faq_id, suggestions, handoff_id, conversation_id, chance, urgent)
  ), logged AS (
    INSERT INTO question_log (id, channel, text, normalised, locale, status, confidence, faq_id, suggestions, conversation_id, chance)
    SELECT id, channel, text, normalised, locale, status, confidence, faq_id, suggestions, conversation_id, chance FROM asked
  ), opened AS (
    INSERT INTO handoff_items (id, question_log_id, channel, question, conversation_id, urgent)
    SELECT handoff_id, id, channel, text, conversation_id, urgent FROM asked WHERE handoff_id IS NOT NULL
  )`;

export function questionLogParams(rows: readonly QuestionLogRow[]): unknown[] {
  const column = <K extends keyof QuestionLogRow>(key: K) => rows.map((row) => row[key]);
  return [
    column('id'),
    column('channel'),
    column('text'),
    column('normalised'),
    column('locale'),
    column('status'),
    column('confidence'),
    column('faqId'),
    column('suggestions'),
    column('handoffId'),
    column('conversationId'),
    column('chance'),
    column('urgent'),
  ];
}

const HTML_TAG = /<\/?[a-z!][^<>]{0,500}>/gi;

/**
 * Answers citizens' questions from the published FAQs only: the matcher's FAQ when it is sure,
 * up to three choices when the right one is probably among them, or an honest "no answer" that
 * puts a question of the field (or one that sounds like danger) in the staff inbox; a question
 * outside the field is not. Every question is logged.
 */
@Injectable()
export class AssistantService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly index: FaqIndexService,
    private readonly audit: AuditService,
  ) {}

  async ask(input: AskInput): Promise<AskResponse> {
    await this.index.sync();
    const response = await this.answer(this.dataSource.manager, input);
    // Web pages calling the endpoint get the answer as safe HTML too; the chat channels render
    // the Markdown their own way, so the conversation path does not pay for it.
    if (response.faq) response.faq.answerHtml = renderMarkdown(response.faq.answer);
    return response;
  }

  /**
   * What the bot would answer to `text`, for staff trying a question: nothing is logged and no
   * inbox item opened; the closest FAQs come with their confidence whatever the outcome.
   */
  async explain(text: string, locale?: 'vi' | 'en'): Promise<ExplainResponse> {
    await this.index.sync();
    const result = this.index.matchCurrent(text, { locale });
    const input: AskInput = { text, locale, channel: 'console', openHandoff: false };
    const { response } = this.prepareAnswer(input, result);
    if (response.faq) response.faq.answerHtml = renderMarkdown(response.faq.answer);
    const nearest = (result.nearest ?? []).flatMap(({ id, confidence }) => {
      const faq = this.index.faq(id);
      return faq ? [{ id, question: faq.question, confidence: round(confidence) }] : [];
    });
    return { ...response, nearest };
  }

  /**
   * Answers with the index as last synced and logs through `manager`, so a caller can run it
   * inside its own transaction (having called FaqIndexService.sync() before opening it).
   */
  async answer(manager: EntityManager, input: AskInput): Promise<AskResponse> {
    const { response, log } = this.prepareAnswer(input);
    await this.logQuestions(manager, [log]);
    return response;
  }

  /**
   * The answer and its question-log row, without writing anything: a caller answering many
   * questions in one transaction logs them together with logQuestions(). A question with no
   * answer gets the id of the inbox item logQuestions() will open for it.
   */
  prepareAnswer(
    input: AskInput,
    matched: MatchResult = this.index.matchCurrent(input.text, { locale: input.locale }),
  ): { response: AskResponse; log: QuestionLogRow } {
    const text = input.text
      .replace(HTML_TAG, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, ASK_MAX_CHARS);
    const normalised = normaliseText(text, ASK_MAX_CHARS);
    const disputed =
      matched.status === 'answered' &&
      !!matched.best &&
      this.index.isDisputed(matched.best.id, text);
    const result = disputed ? asChoices(matched) : matched;
    const locale = result.locale;
    const danger = soundsLikeDanger(input.text);
    const best = result.best && this.index.faq(result.best.id);
    const response: AskResponse = {
      status: result.status,
      confidence: round(result.confidence),
      ...(result.chance !== undefined ? { chance: result.chance } : {}),
      suggestions: result.suggestions.flatMap((s) => {
        const faq = this.index.faq(s.id);
        return faq
          ? [
              {
                id: s.id,
                question: inLocale(faq, locale).question,
                confidence: round(s.confidence),
              },
            ]
          : [];
      }),
      locale,
      inField: result.inField || danger,
      danger,
      ...(disputed ? { disputed } : {}),
    };
    if (best && result.status !== 'no_answer') {
      const content = inLocale(best, locale);
      response.faq = { id: best.id, ...content };
    }
    // Staff get a migration question nobody wrote a FAQ for, and anything that sounds like
    // danger; not a question outside the field ("giá vàng hôm nay"): the person is told what
    // this channel answers and may still ask for staff.
    const forStaff = danger || (result.status === 'no_answer' && result.inField);
    if (forStaff && input.openHandoff !== false) {
      response.handoffId = randomUUID();
    }

    const log: QuestionLogRow = {
      id: randomUUID(),
      channel: input.channel,
      text,
      normalised,
      locale,
      status: result.status,
      confidence: result.confidence,
      chance: result.chance ?? null,
      faqId: response.faq?.id ?? null,
      suggestions: JSON.stringify(result.suggestions),
      handoffId: response.handoffId ?? null,
      conversationId: input.conversationId ?? null,
      urgent: danger,
    };
    return { response, log };
  }

  /** Logs questions and opens the inbox items of those without an answer, in one statement. */
  async logQuestions(manager: EntityManager, rows: QuestionLogRow[]): Promise<void> {
    if (rows.length === 0) return;
    await manager.query(`WITH ${QUESTION_LOG_CTES} SELECT 1`, questionLogParams(rows));
  }

  handoffs(query: HandoffListQueryDto): Promise<[HandoffItemEntity[], number]> {
    const list = this.dataSource.getRepository(HandoffItemEntity).createQueryBuilder('h');
    if (query.status) list.where('h.status = :status', { status: query.status });
    // Someone who sounds in danger first while their item is open; then the newest activity:
    // what staff just answered or reopened, then what just arrived.
    return list
      .orderBy(`CASE WHEN h.urgent AND h.status = 'open' THEN 0 ELSE 1 END`)
      .addOrderBy('h.updated_at', 'DESC')
      .addOrderBy('h.created_at', 'DESC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
  }

  /** The items waiting for staff and how many of them are urgent: the console's badge. */
  async handoffCounts(): Promise<HandoffCountsResponse> {
    const [counts]: HandoffCountsResponse[] = await this.dataSource.query(
      `SELECT count(*)::int AS open, count(*) FILTER (WHERE urgent)::int AS urgent
       FROM handoff_items WHERE status = 'open'`,
    );
    return counts!;
  }

  /** Items as the console shows them: with their person's locality and latest message. */
  async describeHandoffs(items: readonly HandoffItemEntity[]): Promise<HandoffItemResponse[]> {
    const [localities, latest] = await Promise.all([
      this.localities(items),
      this.latestMessages(items),
    ]);
    return items.map((item) =>
      toHandoffItemResponse(
        item,
        localities.get(item.conversationId ?? '') ?? null,
        latest.get(item.id) ?? null,
      ),
    );
  }

  /**
   * What each item's person last sent in it, when that is not the question itself: buttons
   * ("[…]") and commands ("/…") left out; a file's caption, or the file's label when it has none
   * ("[tệp: anh.jpg]", as the transcript shows it: a photo sent while waiting is news to staff).
   * One index walk per item, newest message first.
   */
  private async latestMessages(
    items: readonly HandoffItemEntity[],
  ): Promise<Map<string, { text: string; at: string }>> {
    const chats = items.filter((item) => item.conversationId !== null);
    if (chats.length === 0) return new Map();
    const rows: { id: string; text: string; created_at: Date }[] = await this.dataSource.query(
      `SELECT h.id, m.text, m.created_at
       FROM unnest($1::uuid[], $2::uuid[]) AS h(id, conversation_id)
       CROSS JOIN LATERAL (
         SELECT regexp_replace(c.text, '^\\[tệp[^]]*\\] ', '') AS text, c.created_at
         FROM conversation_messages c
         WHERE c.conversation_id = h.conversation_id AND c.handoff_id = h.id
           AND c.direction = 'in' AND c.text IS NOT NULL AND left(c.text, 1) <> '/'
           AND (left(c.text, 1) <> '[' OR left(c.text, 4) = '[tệp')
         ORDER BY c.seq DESC LIMIT 1) m`,
      [chats.map((item) => item.id), chats.map((item) => item.conversationId)],
    );
    const questions = new Map(items.map((item) => [item.id, item.question.trim()]));
    return new Map(
      rows
        .filter((row) => !questions.get(row.id)!.endsWith(row.text.trim()))
        .map((row) => [row.id, { text: row.text, at: new Date(row.created_at).toISOString() }]),
    );
  }

  /**
   * The commune or ward of each item's person, by conversation: from their current warnings
   * subscription with an area, else the latest cancelled one (still where they said they live).
   */
  private async localities(
    items: readonly HandoffItemEntity[],
  ): Promise<Map<string, { id: string; name: string }>> {
    const ids = [...new Set(items.map((i) => i.conversationId).filter((id) => id !== null))];
    if (ids.length === 0) return new Map();
    const rows: { conversation_id: string; id: string; name: string }[] =
      await this.dataSource.query(
        `SELECT DISTINCT ON (s.conversation_id) s.conversation_id, u.id, u.name
         FROM subscriptions s JOIN units u ON u.id = s.locality_id
         WHERE s.conversation_id = ANY($1::uuid[])
         ORDER BY s.conversation_id, (s.cancelled_at IS NULL) DESC, s.consented_at DESC`,
        [ids],
      );
    return new Map(rows.map((r) => [r.conversation_id, { id: r.id, name: r.name }]));
  }

  /** Staff an inbox item may be assigned to: active accounts whose role works the inbox. */
  async assignees(): Promise<HandoffAssigneeResponse[]> {
    const users = await this.dataSource.getRepository(UserEntity).find({
      where: { isActive: true, role: In([...INBOX_WORKERS]) },
      order: { fullName: 'ASC' },
    });
    return users.map((u) => ({ id: u.id, fullName: u.fullName, role: u.role }));
  }

  /** A new status, a new assignee, or both; what does not change is not audited. */
  async updateHandoff(
    actor: Actor,
    id: string,
    change: UpdateHandoffRequest,
  ): Promise<HandoffItemEntity> {
    return this.dataSource.transaction(async (manager) => {
      const item = await manager.findOne(HandoffItemEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!item) throw new AppError(ErrorCode.NotFound, 404, 'No such inbox item.');
      if (change.assigneeId) await this.checkAssignee(manager, change.assigneeId);
      const status = change.status ?? item.status;
      const assigneeId = change.assigneeId === undefined ? item.assigneeId : change.assigneeId;
      const urgent = change.urgent ?? item.urgent;
      // Closing twice (a double click, two staff at once) changes nothing and is not audited.
      const same = item.status === status && item.assigneeId === assigneeId;
      if (same && item.urgent === urgent) return item;
      const before = { ...item };
      item.urgent = urgent;
      if (item.status !== status) {
        item.status = status;
        item.closedAt = status === 'closed' ? new Date() : null;
      }
      item.assigneeId = assigneeId;
      const saved = await manager.save(item);
      if (before.status !== 'closed' && status === 'closed' && item.conversationId) {
        // The person's next message goes to the matcher again.
        await manager.query(
          `UPDATE conversations SET state = (state - 'handoffId' - 'handoffLocale') || '{"mode": "idle"}' WHERE id = $1 AND state->>'handoffId' = $2`,
          [item.conversationId, id],
        );
      }
      await this.audit.record(manager, actor, {
        action: 'handoff.update',
        entityType: 'handoff',
        entityId: id,
        before,
        after: saved,
      });
      return saved;
    });
  }

  private async checkAssignee(manager: EntityManager, userId: string): Promise<void> {
    const user = await manager.findOne(UserEntity, { where: { id: userId } });
    if (!user || !user.isActive || !INBOX_WORKERS.includes(user.role)) {
      throw AppError.validation(
        [
          {
            field: 'assigneeId',
            message:
              'assigneeId must be an active staff member who works the inbox: choose one from GET /assistant/handoffs/assignees',
          },
        ],
        'assigneeId names no one who works the inbox.',
      );
    }
  }
}

export function inLocale(
  faq: IndexedFaq,
  locale: 'vi' | 'en',
): { question: string; answer: string; topic: string } {
  if (locale === 'en' && faq.answerEn) {
    return {
      question: faq.questionEn ?? faq.question,
      answer: faq.answerEn,
      topic: faq.topicEn ?? faq.topic,
    };
  }
  return { question: faq.question, answer: faq.answer, topic: faq.topic };
}

/**
 * A direct answer people disputed for this very question, turned into choices: the disputed FAQ
 * first (it may still be the one), then the runners-up, up to three.
 */
function asChoices(result: MatchResult): MatchResult {
  const best = result.best!;
  const others = [...result.suggestions, ...(result.nearest ?? [])].filter((s) => s.id !== best.id);
  const unique = others.filter((s, i) => others.findIndex((o) => o.id === s.id) === i);
  return { ...result, status: 'ambiguous', suggestions: [best, ...unique].slice(0, 3) };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
