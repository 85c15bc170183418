/** Shapes of the knowledge-base and assistant endpoints (/api/v1/knowledge, /api/v1/assistant). */
import type { Role } from '../auth/roles';

export const FAQ_STATUSES = ['draft', 'published', 'archived'] as const;
export type FaqStatus = (typeof FAQ_STATUSES)[number];

export const ARTICLE_KINDS = ['article', 'warning'] as const;
export type ArticleKind = (typeof ARTICLE_KINDS)[number];

export interface TopicResponse {
  id: string;
  name: string;
  nameEn: string | null;
  publishedFaqCount: number;
}

export interface CreateTopicRequest {
  name: string;
  nameEn?: string | null;
}

export interface FaqResponse {
  id: string;
  key: string | null;
  topic: { id: string; name: string };
  question: string;
  alternates: string[];
  answer: string;
  questionEn: string | null;
  answerEn: string | null;
  alternatesEn: string[];
  tags: string[];
  sources: string[];
  status: FaqStatus;
  needsReview: boolean;
  /** The day the FAQ is due for review (YYYY-MM-DD, Vietnam), if any. */
  reviewDueOn: string | null;
  reviewedAt: string | null;
  publishedAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface CreateFaqRequest {
  key?: string | null;
  topicId: string;
  question: string;
  alternates?: string[];
  answer: string;
  questionEn?: string | null;
  answerEn?: string | null;
  alternatesEn?: string[];
  tags?: string[];
  sources?: string[];
  status?: FaqStatus;
  needsReview?: boolean;
  reviewDueOn?: string | null;
}

export type UpdateFaqRequest = Partial<CreateFaqRequest> & {
  /** Marks the FAQ as reviewed now (clears needsReview). */
  reviewed?: boolean;
};

/** Orders of the FAQ list: last changed first (the default) or last, question or topic A–Z. */
export const FAQ_SORTS = ['updated_desc', 'updated_asc', 'question', 'topic'] as const;
export type FaqSort = (typeof FAQ_SORTS)[number];

export interface FaqListQuery {
  status?: FaqStatus;
  topicId?: string;
  search?: string;
  needsReview?: boolean;
  /** Only FAQs whose review day has passed (Vietnam time). */
  reviewOverdue?: boolean;
  sort?: FaqSort;
  page?: number;
  pageSize?: number;
}

export interface FaqVersionResponse {
  version: number;
  changedBy: string | null;
  changedAt: string;
  snapshot: Record<string, unknown>;
}

/** One row of the FAQ import/export form (JSON; CSV and XLSX use the same columns). */
export interface FaqImportRow {
  id?: string;
  topic: string;
  question: string;
  alternates?: string[];
  answer: string;
  tags?: string[];
  status?: FaqStatus;
  /** Marks the FAQ as waiting for a staff review. */
  needsReview?: boolean;
  questionEn?: string;
  answerEn?: string;
  alternatesEn?: string[];
  sources?: string[];
}

export interface FaqImportRowResult {
  /** 1-based position among the file's FAQs (JSON: array index + 1; CSV/XLSX: data rows, header and blank lines not counted). */
  row: number;
  outcome: 'created' | 'updated' | 'unchanged' | 'rejected';
  id?: string;
  errors?: string[];
}

export interface FaqImportReport {
  created: number;
  updated: number;
  /** Rows identical to the FAQ they name: nothing written, no new version. */
  unchanged: number;
  rejected: number;
  /** True when nothing was written (allOrNothing with a rejected row, or dryRun). */
  rolledBack: boolean;
  rows: FaqImportRowResult[];
}

export interface ArticleResponse {
  id: string;
  kind: ArticleKind;
  /** Set on content the system itself shows (the emergency route: 'emergency-route'). */
  key: string | null;
  title: string;
  body: string;
  topicId: string | null;
  status: FaqStatus;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CreateArticleRequest {
  kind: ArticleKind;
  title: string;
  body: string;
  topicId?: string | null;
  status?: FaqStatus;
}

export type UpdateArticleRequest = Partial<CreateArticleRequest>;

export interface SynonymResponse {
  id: string;
  term: string;
  expansions: string[];
  mutual: boolean;
  broader: string[];
}

export interface CreateSynonymRequest {
  term: string;
  expansions: string[];
  mutual?: boolean;
  /** Wider terms a mention of the term also counts as (a country name → "nước ngoài"). */
  broader?: string[];
}

export interface GlossaryTermResponse {
  id: string;
  en: string[];
  vi: string[];
}

export interface CreateGlossaryTermRequest {
  en: string[];
  vi: string[];
}

export const ASK_STATUSES = ['answered', 'ambiguous', 'no_answer'] as const;
export type AskStatus = (typeof ASK_STATUSES)[number];

export interface AskRequest {
  text: string;
  locale?: 'vi' | 'en';
}

export interface AskResponse {
  status: AskStatus;
  /**
   * `answer` is the Markdown staff wrote; `answerHtml` the same rendered safely for web pages,
   * given by POST /assistant/ask (the chat channels render the Markdown themselves).
   */
  faq?: { id: string; question: string; answer: string; answerHtml?: string; topic: string };
  confidence: number;
  /**
   * For `answered` and `ambiguous`: the chance (0 to 1) that `faq`, the best-ranked FAQ, is the
   * right answer. Calibrated: of the questions given 0.8, about eight in ten had the right FAQ
   * first, whether the base holds 20 FAQs or 2,000, with or without alternates (`pnpm eval:qa`
   * prints how well this holds). Absent for `no_answer`.
   */
  chance?: number;
  suggestions: { id: string; question: string; confidence: number }[];
  /** Language of the answer given. */
  locale: 'vi' | 'en';
  /**
   * Whether the question is in the field at all: a `no_answer` outside it ("giá vàng hôm nay")
   * is not sent to the staff inbox.
   */
  inField: boolean;
  /** The message sounds like someone in danger: the emergency route comes first. */
  danger: boolean;
  /**
   * Set when the question went to the staff inbox: a `no_answer` in the field, or a message
   * that sounds like danger.
   */
  handoffId?: string;
  /**
   * Set when the matcher would have answered directly but people marked that answer 👎 for
   * this very question: it is offered among the choices instead (until the FAQ is edited).
   */
  disputed?: boolean;
}

/**
 * POST /assistant/explain (staff): what the bot would answer to a question, without logging it
 * or opening an inbox item, with the closest FAQs and their confidence whatever the outcome.
 */
export interface ExplainResponse extends AskResponse {
  nearest: { id: string; question: string; confidence: number }[];
}

export const HANDOFF_STATUSES = ['open', 'answered', 'closed'] as const;
export type HandoffStatus = (typeof HANDOFF_STATUSES)[number];

export interface HandoffItemResponse {
  id: string;
  channel: string;
  question: string;
  status: HandoffStatus;
  /**
   * The person's words sounded like danger (held, locked up, beaten, a ransom asked): listed
   * first among the open items. Staff may clear or set it (PATCH).
   */
  urgent: boolean;
  /** The staff member handling it (GET /assistant/handoffs/assignees), or nobody. */
  assigneeId: string | null;
  /**
   * The person's commune or ward from their warnings subscription (the current one first, else
   * the latest cancelled one), or null when they never chose one.
   */
  locality: { id: string; name: string } | null;
  /**
   * What the person last typed in this item's conversation when it is more than the question
   * itself (a later message: "họ đang đánh tôi"), else null. Buttons and commands are left out.
   */
  latestMessage: { text: string; at: string } | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

/** GET /assistant/handoffs/counts: the items waiting for staff, and how many of them are urgent. */
export interface HandoffCountsResponse {
  open: number;
  urgent: number;
}

/** PATCH /assistant/handoffs/:id: a new status, a new assignee (null: nobody), urgency. */
export interface UpdateHandoffRequest {
  status?: HandoffStatus;
  assigneeId?: string | null;
  urgent?: boolean;
}

/** A staff member an inbox item may be assigned to (active, with a role that works the inbox). */
export interface HandoffAssigneeResponse {
  id: string;
  fullName: string;
  role: Role;
}

/** GET /assistant/simulator: where the console's bot simulator loads the web chat from. */
export interface SimulatorSettingsResponse {
  /** The bot's web-chat origin (WEB_CHAT_URL); null when the API was not told. */
  webChatUrl: string | null;
}

export interface QuestionLogResponse {
  id: string;
  channel: string;
  text: string;
  normalised: string;
  locale: 'vi' | 'en';
  status: AskStatus;
  confidence: number;
  /** The chance the bot gave that its best FAQ was right (AskResponse.chance); null for `no_answer`. */
  chance: number | null;
  faqId: string | null;
  /** The 👍 or 👎 the person gave the answer (the last one), if any. */
  feedback: 'useful' | 'not_useful' | null;
  createdAt: string;
}

export const PROPOSAL_STATUSES = ['proposed', 'accepted', 'rejected'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/**
 * A person's question proposed as another phrasing (alternate) of a FAQ: they picked that FAQ
 * among the choices offered for it. An editor accepts it (it becomes an alternate, used at once)
 * or rejects it.
 */
export interface AlternateProposalResponse {
  id: string;
  faqId: string;
  /** The FAQ's question, to judge the proposal by. */
  faqQuestion: string;
  text: string;
  source: 'choice';
  status: ProposalStatus;
  createdAt: string;
  decidedAt: string | null;
}
