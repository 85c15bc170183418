import { DOCUMENT_LIMITS, tokenise, type Token } from '../text';
import { decide, DEFAULT_DECISION } from './confidence';
import { looksEnglish } from './english';
import { FieldVocabulary, fieldShare, fieldTextsOf } from './field';
import {
  bigramKey,
  englishField,
  exactKey,
  foldedKey,
  isExactKey,
  isFoldedKey,
  vietnameseField,
  wordOf,
} from './keys';
import { Lexicon } from './lexicon';
import {
  phrasingCoverage,
  phrasingsOf,
  phrasingTextsOf,
  queryReadings,
  type Phrasing,
  type PhrasingTexts,
} from './phrasings';
import { bestOverlap, syllableBag, type SyllableBag } from './overlap';
import { buildQuery } from './query';
import { CONTENT_STOP_FACTOR } from './stop-words';
import { scoreQuery } from './scoring';
import { TermIndex, type DocumentFields } from './term-index';
import { TypoIndex } from './typo';
import type {
  FaqEntry,
  GlossaryEntry,
  MatcherOptions,
  MatchRequestOptions,
  MatchResult,
  SynonymEntry,
} from './types';

export interface MatcherConfig {
  faqs: readonly FaqEntry[];
  synonyms?: readonly SynonymEntry[];
  glossary?: readonly GlossaryEntry[];
  options?: MatcherOptions;
}

export interface FaqMatcher {
  /** Finds the FAQ that answers `text`, or says honestly that none does. Never throws. */
  match(text: unknown, options?: MatchRequestOptions): MatchResult;
  /**
   * Every FAQ sharing a word (or a dictionary reading of one) with `text`, best first by the
   * same score `match` starts from: for staff searching the knowledge base, not for answering.
   */
  rank(text: unknown, options?: MatchRequestOptions): { id: string; score: number }[];
  /** Adds a FAQ or replaces the one with the same id; cost proportional to that FAQ's length. */
  upsert(faq: FaqEntry): void;
  /** Removes a FAQ; returns false when the id was unknown. */
  remove(id: string): boolean;
  /** Replaces the synonym dictionary and/or glossary; the FAQ index is kept as it is. */
  setDictionaries(dictionaries: {
    synonyms?: readonly SynonymEntry[];
    glossary?: readonly GlossaryEntry[];
  }): void;
  /** Number of FAQs indexed. */
  readonly size: number;
}

function documentFields(faq: FaqEntry, phrasings: PhrasingTexts): DocumentFields {
  const tags = (faq.tags ?? []).map((tag) => tokenise(tag, DOCUMENT_LIMITS));
  return {
    question: vietnameseField(phrasings.vietnamese, tags),
    answer: vietnameseField([tokenise(faq.answer, DOCUMENT_LIMITS)]),
    questionEn: englishField([faq.questionEn, ...(faq.alternatesEn ?? [])]),
    answerEn: englishField([faq.answerEn]),
  };
}

/**
 * The phrasings the word overlap compares a Vietnamese question with: not the topic, which many
 * FAQs share, nor the English ones.
 */
function overlapTexts(faq: FaqEntry): Token[][] {
  return [faq.question, ...(faq.alternates ?? [])]
    .map((text) => tokenise(text ?? '', DOCUMENT_LIMITS))
    .filter((tokens) => tokens.length > 0);
}

// Only the best-scoring FAQs are assessed for confidence; a FAQ ranked lower by the BM25 score
// would not become the best by its phrasing alone.
const ASSESSED_CANDIDATES = 20;

export function createMatcher(config: MatcherConfig): FaqMatcher {
  const foldedTypos = new TypoIndex();
  const exactTypos = new TypoIndex();
  const index = new TermIndex((key, added) => {
    const typos = isFoldedKey(key) ? foldedTypos : isExactKey(key) ? exactTypos : undefined;
    const word = wordOf(key);
    if (added) typos?.add(word);
    else typos?.delete(word);
  });
  const hasEnglishAnswer = new Set<string>();
  const vocabulary = new FieldVocabulary();
  const phrasingTexts = new Map<string, PhrasingTexts>();
  // Phrasings read with the current dictionary, made when a FAQ is first assessed.
  const phrasings = new Map<string, Phrasing[]>();
  // Each FAQ's Vietnamese question and alternates as bags of syllables (overlap.ts).
  const bags = new Map<string, SyllableBag[]>();
  let synonyms = config.synonyms ?? [];
  let glossary = config.glossary ?? [];
  let lexicon = new Lexicon(synonyms, glossary);
  const decision = { ...DEFAULT_DECISION, ...config.options };

  const upsert = (faq: FaqEntry): void => {
    const texts = phrasingTextsOf(faq);
    index.upsert(faq.id, documentFields(faq, texts));
    phrasingTexts.set(faq.id, texts);
    vocabulary.upsert(faq.id, fieldTextsOf(faq));
    // Read now rather than on the first question that reaches this FAQ: the first questions
    // after a start or an import then take about half as long (scripts/eval-dev.ts --bench).
    phrasings.set(faq.id, phrasingsOf(texts, lexicon));
    bags.set(faq.id, overlapTexts(faq).map(syllableBag));
    if (faq.answerEn?.trim()) hasEnglishAnswer.add(faq.id);
    else hasEnglishAnswer.delete(faq.id);
  };
  for (const faq of config.faqs) upsert(faq);

  const phrasingsFor = (id: string): Phrasing[] => phrasings.get(id) ?? [];

  const understand = (text: unknown, options: MatchRequestOptions | undefined) => {
    const tokens = tokenise(text);
    const english = options?.locale
      ? options.locale === 'en'
      : looksEnglish(tokens, (folded) => lexicon.isAbbreviation(folded));
    // An English question is read through the glossary; its words are not compared as typed.
    const bag = english ? undefined : syllableBag(tokens);
    return { english, query: queryOf(tokens, english), bag };
  };
  const queryOf = (tokens: ReturnType<typeof tokenise>, english: boolean) =>
    buildQuery(tokens, english, {
      lexicon,
      foldedTypos,
      exactTypos,
      inVocabulary: (folded) => index.df(foldedKey(folded)) > 0,
      exactInVocabulary: (exact) => index.df(exactKey(exact)) > 0,
      pairInVocabulary: (first, second, anchor) => {
        const pair = index.saturations(bigramKey(first.folded, second.folded)).docs;
        const neighbour = anchor === 0 ? first : second;
        if (!neighbour.marked) return pair.length > 0;
        const withAccents = new Set(index.saturations(exactKey(neighbour.exact)).docs);
        return pair.some((doc) => withAccents.has(doc));
      },
    });

  return {
    match(text, options) {
      const { english, query, bag } = understand(text, options);
      const candidates = scoreQuery(query, index, ASSESSED_CANDIDATES);
      const read = candidates.map((c) => phrasingsFor(c.id));
      // After the candidates' phrasings are read: a reading no phrasing has cannot match.
      const readings = queryReadings(query);
      const assessed = candidates.map(({ id, score, coverage }, i) => ({
        id,
        score,
        coverage,
        phrasingCoverage: phrasingCoverage(read[i], readings, index),
        overlap: bag ? bestOverlap(bag, bags.get(id) ?? []) : 0,
      }));
      const signals = {
        share: fieldShare(query, vocabulary),
        contentWords: query.slots.filter((s) => s.stopFactor >= CONTENT_STOP_FACTOR).length,
      };
      // For scripts/fit-decision.ts: what the decision is made from.
      const debug = (globalThis as { __matchDebug?: (a: unknown) => void }).__matchDebug;
      if (debug) debug({ assessed, signals });
      const result = decide(assessed, signals, decision);
      const answerInEnglish = english && (!result.best || hasEnglishAnswer.has(result.best.id));
      return { ...result, locale: answerInEnglish ? 'en' : 'vi' };
    },
    rank(text, options) {
      const { query } = understand(text, options);
      return scoreQuery(query, index, Math.max(1, index.size)).map(({ id, score }) => ({
        id,
        score,
      }));
    },
    upsert,
    remove(id) {
      hasEnglishAnswer.delete(id);
      phrasingTexts.delete(id);
      vocabulary.remove(id);
      phrasings.delete(id);
      bags.delete(id);
      return index.remove(id);
    },
    setDictionaries(dictionaries) {
      synonyms = dictionaries.synonyms ?? synonyms;
      glossary = dictionaries.glossary ?? glossary;
      lexicon = new Lexicon(synonyms, glossary);
      for (const [id, texts] of phrasingTexts) phrasings.set(id, phrasingsOf(texts, lexicon));
    },
    get size() {
      return index.size;
    },
  };
}
