import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { shiftIsoDate, Page, QuestionLogResponse, startOfLocalDay } from '@gcm/domain';
import { DataSource } from 'typeorm';
import { AppError } from '../../common/errors/app-error';
import { QuestionLogQueryDto } from './dto/assistant.dto';

/**
 * The feedback a logged question's answer got: the last 👍/👎 given in its conversation, after
 * the question and before the person's next question, on the FAQ given or one of those offered.
 * `q` is the question_log row.
 */
const FEEDBACK_OF_QUESTION = `LEFT JOIN LATERAL (
    SELECT f.useful FROM answer_feedback f
    WHERE q.conversation_id IS NOT NULL
      AND f.conversation_id = q.conversation_id
      AND f.created_at >= q.created_at
      AND (f.faq_id = q.faq_id OR q.suggestions @> jsonb_build_array(jsonb_build_object('id', f.faq_id::text)))
      AND NOT EXISTS (
        SELECT 1 FROM question_log n
        WHERE n.conversation_id = q.conversation_id
          AND n.created_at > q.created_at AND n.created_at <= f.created_at
      )
    ORDER BY f.created_at DESC
    LIMIT 1
  ) fb ON true`;

const FILTERS = `WHERE ($1::text IS NULL OR q.status = $1)
    AND ($2::text IS NULL OR q.channel = $2)
    AND ($3::timestamptz IS NULL OR q.created_at >= $3)
    AND ($4::timestamptz IS NULL OR q.created_at < $4)
    AND ($5::boolean IS NULL OR fb.useful = $5)`;

interface QuestionRow {
  id: string;
  channel: string;
  text: string;
  normalised: string;
  locale: 'vi' | 'en';
  status: QuestionLogResponse['status'];
  confidence: number;
  chance: number | null;
  faq_id: string | null;
  useful: boolean | null;
  created_at: Date;
}

/** The question log, newest first, filtered by outcome, channel, period (Vietnam days) and 👍/👎. */
@Injectable()
export class QuestionLogService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: QuestionLogQueryDto): Promise<Page<QuestionLogResponse>> {
    if (query.from && query.to && query.from > query.to) {
      throw AppError.validation([{ field: 'from', message: 'from must not be after to' }]);
    }
    const params = [
      query.status ?? null,
      query.channel ?? null,
      query.from ? startOfLocalDay(query.from) : null,
      query.to ? startOfLocalDay(shiftIsoDate(query.to, 1)) : null,
      query.feedback ? query.feedback === 'useful' : null,
    ];
    const [rows, [{ total }]] = await Promise.all([
      this.dataSource.query<QuestionRow[]>(
        `SELECT q.id, q.channel, q.text, q.normalised, q.locale, q.status, q.confidence, q.chance, q.faq_id,
                fb.useful, q.created_at
         FROM question_log q ${FEEDBACK_OF_QUESTION}
         ${FILTERS}
         ORDER BY q.created_at DESC, q.id
         LIMIT $6 OFFSET $7`,
        [...params, query.pageSize, (query.page - 1) * query.pageSize],
      ),
      this.dataSource.query<{ total: number }[]>(
        `SELECT count(*)::int AS total FROM question_log q ${FEEDBACK_OF_QUESTION} ${FILTERS}`,
        params,
      ),
    ]);
    return {
      items: rows.map(toQuestionLogResponse),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }
}

function toQuestionLogResponse(row: QuestionRow): QuestionLogResponse {
  return {
    id: row.id,
    channel: row.channel,
    text: row.text,
    normalised: row.normalised,
    locale: row.locale,
    status: row.status,
    confidence: row.confidence,
    chance: row.chance,
    faqId: row.faq_id,
    feedback: row.useful === null ? null : row.useful ? 'useful' : 'not_useful',
    createdAt: new Date(row.created_at).toISOString(),
  };
}
