/**
 * The dashboard's figures (GET /api/v1/statistics/questions) and the question log's filters
 * (GET /api/v1/assistant/questions). Days are calendar days in Asia/Ho_Chi_Minh, written
 * `YYYY-MM-DD`.
 */
import type { AskStatus } from './knowledge';

/** Where a question came from: a chat channel, or `api` (POST /assistant/ask, the portal). */
export const QUESTION_CHANNELS = ['telegram', 'zalo', 'web', 'api'] as const;
export type QuestionChannel = (typeof QUESTION_CHANNELS)[number];

/** The longest period the statistics cover at once, in days. */
export const STATISTICS_MAX_DAYS = 366;

export interface QuestionStatisticsQuery {
  /** First day, included (default: 6 days before `to`). */
  from?: string;
  /** Last day, included (default: today in Vietnam). */
  to?: string;
}

export interface QuestionStatisticsResponse {
  from: string;
  to: string;
  timeZone: 'Asia/Ho_Chi_Minh';
  /** Every day of the period in order, days without questions included. */
  days: { date: string; total: number; byChannel: Record<QuestionChannel, number> }[];
  /** Questions in the period by what the bot did: answered, offered choices, had no answer. */
  outcomes: Record<AskStatus, number> & { total: number };
  /** 👍 and 👎 given in the period; `usefulRate` is 👍 / (👍 + 👎), null without any. */
  feedback: { useful: number; notUseful: number; usefulRate: number | null };
  /** The most asked questions without an answer, grouped by their normalised text, accents ignored. */
  topUnanswered: { text: string; count: number; lastAskedAt: string }[];
  /**
   * The inbox now, whatever the period: open items, how many of them are urgent (the person
   * sounds in danger), and when the oldest one came in.
   */
  inbox: {
    open: number;
    urgent: number;
    oldestOpenAt: string | null;
    oldestOpenAgeSeconds: number | null;
  };
  /**
   * The emergency route the bot gives someone in danger, a warning staff edit: its article, null
   * when it is not published (the bot then gives its own sentence with 113 only), and whether it
   * names a hotline besides 113 (`namesHotline`); the dashboard asks staff to add one until then.
   */
  emergencyRoute: { articleId: string | null; namesHotline: boolean };
  generatedAt: string;
}

export const QUESTION_FEEDBACK = ['useful', 'not_useful'] as const;
export type QuestionFeedback = (typeof QUESTION_FEEDBACK)[number];

export interface QuestionLogQuery {
  status?: AskStatus;
  channel?: QuestionChannel;
  /** Only questions whose answer got this feedback. */
  feedback?: QuestionFeedback;
  /** First day, included. */
  from?: string;
  /** Last day, included. */
  to?: string;
  page?: number;
  pageSize?: number;
}
