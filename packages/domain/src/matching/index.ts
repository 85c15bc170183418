/**
 * FAQ matcher (design notes and measurements filled in below).
 */
export { createMatcher, type FaqMatcher, type MatcherConfig } from './matcher';
export { STARTER_SYNONYMS } from './starter-synonyms';
export { STARTER_GLOSSARY } from './starter-glossary';
export type {
  FaqEntry,
  GlossaryEntry,
  Locale,
  MatcherOptions,
  MatchRequestOptions,
  MatchResult,
  MatchStatus,
  ScoredFaq,
  SynonymEntry,
} from './types';
