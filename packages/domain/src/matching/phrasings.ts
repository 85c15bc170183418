/**
 * The other direction of the match: how much of a FAQ's own phrasing the question accounts for.
 *
 * Query coverage alone is fooled by questions that share a generic part with a FAQ but are about
 * something else ("bị mất căn cước" vs "bị mất hộ chiếu": the FAQ's "hộ chiếu" is unexplained).
 * Each phrasing (question, each alternate, topic; and their English versions) is scored on its
 * own, and the best one counts, since any of them says what the FAQ is about.
 */
import { DOCUMENT_LIMITS, tokenise, type Token } from '../text';
import { stemEnglish } from './english';
import { englishKey, foldedKey, type Key } from './keys';
import type { Query } from './query-types';
import { UNKNOWN_ACCENTS_PENALTY } from './scoring';
import { stopFactor } from './stop-words';
import type { TermIndex } from './term-index';
import type { FaqEntry } from './types';

/** Folded syllables (Vietnamese) or stems (English) of one phrasing, without repeats. */
export type Phrasing = readonly { readonly key: Key; readonly stop: number }[];

function phrasing(text: string, english: boolean): Phrasing {
  return uniqueUnits(tokenise(text, DOCUMENT_LIMITS), english);
}

function uniqueUnits(tokens: readonly Token[], english: boolean): Phrasing {
  const seen = new Map<Key, number>();
  for (const token of tokens) {
    const key = english ? englishKey(stemEnglish(token.folded)) : foldedKey(token.folded);
    if (!seen.has(key)) seen.set(key, stopFactor(token, english));
  }
  return [...seen].map(([key, stop]) => ({ key, stop }));
}

export function phrasingsOf(faq: FaqEntry): Phrasing[] {
  const texts = [faq.question, ...(faq.alternates ?? []), faq.topic ?? ''].filter((t) => t.trim());
  const englishTexts = [faq.questionEn ?? '', ...(faq.alternatesEn ?? [])].filter((t) => t.trim());
  return [
    ...texts.map((t) => phrasing(t, false)),
    ...englishTexts.map((t) => phrasing(t, true)),
  ].filter((p) => p.length > 0);
}

/**
 * Every key the question can account for, through any reading of any of its slots, with the
 * quality of the best such reading (a typo guess accounts for less than a typed word).
 */
export function queryKeys(query: Query): Map<Key, number> {
  const keys = new Map<Key, number>();
  const add = (key: Key, quality: number): void => {
    keys.set(key, Math.max(keys.get(key) ?? 0, quality));
  };
  for (const slot of query.slots) {
    const factor = slot.massFrom === 'unknown' ? UNKNOWN_ACCENTS_PENALTY : 1;
    for (const alt of slot.alternatives) {
      if (alt.lang === 'vi') {
        for (const t of alt.tokens) add(foldedKey(t.folded), alt.quality * factor);
      } else for (const stem of alt.stems) add(englishKey(stem), alt.quality);
    }
  }
  return keys;
}

/** Best share, over the FAQ's phrasings, of a phrasing's informative mass found in the question. */
export function phrasingCoverage(
  phrasings: readonly Phrasing[],
  keys: ReadonlyMap<Key, number>,
  index: TermIndex,
): number {
  let best = 0;
  for (const units of phrasings) {
    let total = 0;
    let covered = 0;
    for (const { key, stop } of units) {
      const weight = stop * index.idf(index.df(key));
      total += weight;
      covered += weight * (keys.get(key) ?? 0);
    }
    if (total > 0) best = Math.max(best, covered / total);
  }
  return best;
}
