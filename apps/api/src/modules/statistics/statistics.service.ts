import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ASK_STATUSES,
  AskStatus,
  eachIsoDate,
  namesHotline,
  QUESTION_CHANNELS,
  QuestionChannel,
  QuestionStatisticsResponse,
  REPORTING_TIME_ZONE,
} from '@gcm/domain';
import { DataSource } from 'typeorm';
import type { ResolvedPeriod } from '../../common/dto/period.dto';
import { publishedEmergencyRoute } from '../knowledge/emergency-route';

/**
 * How many unanswered questions the dashboard lists. They are grouped by their normalised text
 * without accents or punctuation, so that "Giá vé?" and "gia ve" count as one question.
 */
export const TOP_UNANSWERED = 10;

interface CountRow {
  day: string;
  channel: string;
  status: AskStatus;
  n: number;
}

/**
 * The dashboard's figures, computed from the question log, the answer feedback and the inbox,
 * and whether the emergency route names a hotline yet.
 * Days are Vietnam's: a question asked at 23:30 on 05/12 in Vietnam (16:30 UTC) counts on 05/12,
 * one at 00:30 on 06/12 (17:30 UTC the day before) on 06/12.
 */
@Injectable()
export class StatisticsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async questions(period: ResolvedPeriod, now = new Date()): Promise<QuestionStatisticsResponse> {
    const range = [period.start, period.end];
    const [counts, [feedback], top, [inbox], route] = await Promise.all([
      this.dataSource.query<CountRow[]>(
        `SELECT to_char((created_at AT TIME ZONE '${REPORTING_TIME_ZONE}')::date, 'YYYY-MM-DD') AS day,
                channel, status, count(*)::int AS n
         FROM question_log WHERE created_at >= $1 AND created_at < $2
         GROUP BY 1, 2, 3`,
        range,
      ),
      this.dataSource.query<{ useful: number; not_useful: number }[]>(
        `SELECT count(*) FILTER (WHERE useful)::int AS useful,
                count(*) FILTER (WHERE NOT useful)::int AS not_useful
         FROM answer_feedback WHERE created_at >= $1 AND created_at < $2`,
        range,
      ),
      this.dataSource.query<{ text: string; n: number; last_asked_at: Date }[]>(
        `SELECT (array_agg(text ORDER BY created_at DESC))[1] AS text, count(*)::int AS n,
                max(created_at) AS last_asked_at
         FROM question_log
         WHERE status = 'no_answer' AND created_at >= $1 AND created_at < $2
         GROUP BY btrim(regexp_replace(unaccent(normalised), '[^[:alnum:]]+', ' ', 'g'))
         ORDER BY n DESC, last_asked_at DESC
         LIMIT ${TOP_UNANSWERED}`,
        range,
      ),
      this.dataSource.query<{ open: number; urgent: number; oldest: Date | null }[]>(
        `SELECT count(*)::int AS open, count(*) FILTER (WHERE urgent)::int AS urgent,
                min(created_at) AS oldest
         FROM handoff_items WHERE status = 'open'`,
      ),
      publishedEmergencyRoute(this.dataSource.manager),
    ]);

    const days = eachIsoDate(period.from, period.to).map((date) => ({
      date,
      total: 0,
      byChannel: Object.fromEntries(QUESTION_CHANNELS.map((c) => [c, 0])) as Record<
        QuestionChannel,
        number
      >,
    }));
    const byDate = new Map(days.map((day) => [day.date, day]));
    const outcomes = {
      ...(Object.fromEntries(ASK_STATUSES.map((s) => [s, 0])) as Record<AskStatus, number>),
      total: 0,
    };
    for (const row of counts) {
      const day = byDate.get(row.day);
      if (!day) continue;
      day.total += row.n;
      if (row.channel in day.byChannel) day.byChannel[row.channel as QuestionChannel] += row.n;
      outcomes[row.status] += row.n;
      outcomes.total += row.n;
    }

    const rated = feedback.useful + feedback.not_useful;
    const oldest = inbox.oldest ? new Date(inbox.oldest) : null;
    return {
      from: period.from,
      to: period.to,
      timeZone: REPORTING_TIME_ZONE,
      days,
      outcomes,
      feedback: {
        useful: feedback.useful,
        notUseful: feedback.not_useful,
        usefulRate: rated === 0 ? null : Math.round((feedback.useful / rated) * 1000) / 1000,
      },
      topUnanswered: top.map((row) => ({
        text: row.text,
        count: row.n,
        lastAskedAt: new Date(row.last_asked_at).toISOString(),
      })),
      inbox: {
        open: inbox.open,
        urgent: inbox.urgent,
        oldestOpenAt: oldest?.toISOString() ?? null,
        oldestOpenAgeSeconds: oldest
          ? Math.max(0, Math.floor((now.getTime() - oldest.getTime()) / 1000))
          : null,
      },
      emergencyRoute: {
        articleId: route?.id ?? null,
        namesHotline: route ? namesHotline(route.body) : false,
      },
      generatedAt: now.toISOString(),
    };
  }
}
