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
  /** Confidence below which the result is `no_answer`. Default 0.32 (see confidence.ts). */
  threshold?: number;
  /** When the runner-up's confidence is within this of the best, the result is `ambiguous`. Default 0.05. */
  ambiguityMargin?: number;
  /** How many suggestions to return at most. Default 3. */
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

export interface MatchResult {
  status: MatchStatus;
  /** The best FAQ; present when status is `answered` or `ambiguous` (then it is the leading one). */
  best?: ScoredFaq;
  /** Confidence of the best candidate, 0 when nothing matched at all. */
  confidence: number;
  /** Best candidates above the threshold, best first; for `ambiguous` at least the top two. */
  suggestions: ScoredFaq[];
  /**
   * Language to answer in: 'en' only for an English question whose best FAQ has an English
   * answer (for `no_answer`, the language of the question, to say so in).
   */
  locale: Locale;
}
