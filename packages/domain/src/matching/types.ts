/** Public shapes of the FAQ matcher. */

export type Locale = 'vi' | 'en';

/** One staff-curated FAQ as the matcher sees it. Vietnamese is required, English optional. */
export interface FaqEntry {
  id: string;
  question: string;
  /** Other phrasings of the question that editors recorded. */
  alternates: string[];
  answer: string;
  topic?: string;
  tags?: string[];
  questionEn?: string;
  answerEn?: string;
  alternatesEn?: string[];
}

/**
 * An editor-maintained abbreviation or synonym: when a question contains `term`, the matcher also
 * looks for each expansion, and a question containing an expansion also looks for `term`.
 * `expansions` may be empty when the entry only gives broader terms.
 * With `mutual: true` the expansions are synonyms of each other too (a group of equivalents,
 * e.g. "visa" / "thị thực"); without it they are only alternatives for the term (an abbreviation
 * such as "hc" may mean "hộ chiếu" or "học", which are not synonyms).
 */
export interface SynonymEntry {
  term: string;
  expansions: string[];
  mutual?: boolean;
  /**
   * More general terms that also cover `term`, one way and with less confidence: "Nhật" is a
   * "nước ngoài", but a question about "nước ngoài" is not about Japan.
   */
  broader?: string[];
}

/** An editor-maintained English ↔ Vietnamese field term; every English phrase maps to every Vietnamese one. */
export interface GlossaryEntry {
  en: string[];
  vi: string[];
}

export interface MatcherOptions {
  /** Confidence the best FAQ needs at least to be the answer directly. Default 0.3. */
  threshold?: number;
  /**
   * Chance of being right (decision-model.ts) the best FAQ needs to be the answer directly.
   * Default: the fitted one (ANSWER_PROBABILITY).
   */
  answerProbability?: number;
  /** Share of the FAQ's own phrasing the question must account for to be answered. Default 0.4. */
  minPhrasing?: number;
  /** Share of the question the FAQ must explain to be answered directly. Default 0.5. */
  minCoverage?: number;
  /** Lead over the runner-up needed to be answered directly, as a share of the best's confidence. Default 0.1. */
  minLead?: number;
  /** Confidence the best FAQ needs for choices to be offered. Default 0.2. */
  choiceThreshold?: number;
  /** Confidence another of the best-ranked FAQs needs to be offered beside it. Default 0.05. */
  choiceFloor?: number;
  /** Share of the question's content words the field must know (field.ts). Default 0.4. */
  fieldThreshold?: number;
  /** How many choices to offer at most. Default 3. */
  maxSuggestions?: number;
}

export interface MatchRequestOptions {
  /** Language of the question when the caller knows it (e.g. the user's UI language); detected otherwise. */
  locale?: Locale;
}

export interface ScoredFaq {
  id: string;
  /** Calibrated confidence in [0, 1]. */
  confidence: number;
}

export type MatchStatus = 'answered' | 'ambiguous' | 'no_answer';

/**
 * Three outcomes: `answered` (sure: the best FAQ is the answer), `ambiguous` (the right FAQ is
 * probably among `suggestions`: the person chooses) and `no_answer` (nothing close).
 */
export interface MatchResult {
  status: MatchStatus;
  /** The best FAQ; present when status is `answered` or `ambiguous` (then it is the leading one). */
  best?: ScoredFaq;
  /** Confidence of the best candidate, 0 when nothing matched at all. */
  confidence: number;
  /**
   * For `answered` and `ambiguous`: the chance that the best FAQ is the right answer, from the
   * fitted model (decision-model.ts). Calibrated on questions nobody tuned the ranking on, with
   * 20 FAQs or 2,000, with or without alternates: of the questions given 0.8, about eight in ten
   * had the right FAQ first.
   */
  chance?: number;
  /** The choices, best first (for `answered`, the answer and the close runners-up); none for `no_answer`. */
  suggestions: ScoredFaq[];
  /**
   * Whether the question is in the knowledge base's field at all (field.ts): a question outside
   * it ("giá vàng hôm nay") is `no_answer` and is not for staff to answer either.
   */
  inField: boolean;
  /**
   * Language to answer in: 'en' only for an English question whose best FAQ has an English
   * answer (for `no_answer`, the language of the question, to say so in).
   */
  locale: Locale;
  /**
   * The closest FAQs whatever the outcome, best first, with their confidence (up to five): for
   * staff, to see what the bot weighed and to add a question to the FAQ it nearly matched.
   */
  nearest?: ScoredFaq[];
}
