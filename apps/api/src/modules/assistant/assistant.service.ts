import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AskResponse, ErrorCode, HandoffStatus, normaliseText, renderMarkdown } from '@gcm/domain';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../common/decorators/access.decorators';
import { AppError } from '../../common/errors/app-error';
import { AuditService } from '../audit/audit.service';
import { ASK_MAX_CHARS, HandoffListQueryDto, QuestionLogQueryDto } from './dto/assistant.dto';
import { FaqIndexService, IndexedFaq } from './faq-index.service';
import { HandoffItemEntity } from './handoff-item.entity';
import { QuestionLogEntity } from './question-log.entity';

export interface AskInput {
  text: string;
  locale?: 'vi' | 'en';
  /** Where the question came from: 'api', 'web', 'telegram', 'zalo'. */
  channel: string;
  /** The chat it came from, so that a staff reply can reach it. */
  conversationId?: string;
}

const HTML_TAG = /<\/?[a-z!][^<>]{0,500}>/gi;

/**
 * Answers citizens' questions from the published FAQs only: the matcher's best FAQ, a choice
 * between close ones, or an honest "no answer" that puts the question in the staff inbox.
 * Every question is logged.
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
   * Answers with the index as last synced and logs through `manager`, so a caller can run it
   * inside its own transaction (having called FaqIndexService.sync() before opening it).
   */
  async answer(manager: EntityManager, input: AskInput): Promise<AskResponse> {
    const result = this.index.matchCurrent(input.text, { locale: input.locale });
    const locale = result.locale;
    const best = result.best && this.index.faq(result.best.id);
    const response: AskResponse = {
      status: result.status,
      confidence: round(result.confidence),
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
    };
    if (best && result.status !== 'no_answer') {
      const content = inLocale(best, locale);
      response.faq = { id: best.id, ...content };
    }

    const text = input.text
      .replace(HTML_TAG, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, ASK_MAX_CHARS);
    // One statement logs the question and, when nothing fits, opens the inbox item: atomic,
    // and a single round trip on the hot path.
    const [row] = await manager.query(
      `WITH logged AS (
         INSERT INTO question_log (channel, text, normalised, locale, status, confidence, faq_id, suggestions)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id
       ), opened AS (
         INSERT INTO handoff_items (question_log_id, channel, question, conversation_id)
         SELECT id, $1, $2, $9 FROM logged WHERE $5 = 'no_answer' RETURNING id
       ) SELECT (SELECT id FROM opened) AS handoff_id`,
      [
        input.channel,
        text,
        normaliseText(text, ASK_MAX_CHARS),
        locale,
        result.status,
        result.confidence,
        response.faq?.id ?? null,
        JSON.stringify(result.suggestions),
        input.conversationId ?? null,
      ],
    );
    if (row.handoff_id) response.handoffId = row.handoff_id;
    return response;
  }

  questions(query: QuestionLogQueryDto): Promise<[QuestionLogEntity[], number]> {
    return this.dataSource.getRepository(QuestionLogEntity).findAndCount({
      where: query.status ? { status: query.status } : {},
      order: { createdAt: 'DESC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
  }

  handoffs(query: HandoffListQueryDto): Promise<[HandoffItemEntity[], number]> {
    return this.dataSource.getRepository(HandoffItemEntity).findAndCount({
      where: query.status ? { status: query.status } : {},
      order: { createdAt: 'ASC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
  }

  async setHandoffStatus(
    actor: Actor,
    id: string,
    status: HandoffStatus,
  ): Promise<HandoffItemEntity> {
    return this.dataSource.transaction(async (manager) => {
      const item = await manager.findOne(HandoffItemEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!item) throw new AppError(ErrorCode.NotFound, 404, 'No such inbox item.');
      const before = { ...item };
      item.status = status;
      item.closedAt = status === 'closed' ? new Date() : null;
      const saved = await manager.save(item);
      if (status === 'closed' && item.conversationId) {
        // The person's next message goes to the matcher again.
        await manager.query(
          `UPDATE conversations SET state = (state - 'handoffId') || '{"mode": "idle"}' WHERE id = $1 AND state->>'handoffId' = $2`,
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

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
