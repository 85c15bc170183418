/**
 * Index keys. Every Vietnamese syllable is indexed twice (diacritic-exact and folded) and every
 * pair of neighbouring syllables once more as a folded bigram, because Vietnamese words are
 * mostly two syllables ("hộ chiếu", "xuất cảnh") and a bigram hit means the word itself matched.
 * English text is indexed by stems and stem bigrams in its own key space.
 */
import { DOCUMENT_LIMITS, isVietnameseSyllable, tokenise, type Token } from '../text';
import { englishStem } from './english';
import type { FieldContent } from './term-index';

/**
 * A key is a small integer: the id of a word, or of a pair of words, in a process-wide
 * vocabulary, times the number of key kinds, plus the kind. Small integers hash far faster than
 * built strings, which matters when 10,000 FAQs make millions of postings. Only FAQ texts add to
 * the vocabulary; a question's word or pair that no FAQ ever used gets NO_KEY, which matches
 * nothing, so arbitrary input cannot grow memory.
 */
export type Key = number;
export const NO_KEY: Key = -1;

const KIND_COUNT = 8;
const FOLDED = 0;
const EXACT = 1;
const ENGLISH = 2;
const PAIR = 3;
const ENGLISH_PAIR = 4;
// Ids stay below 2^27 so that keys stay small integers (V8 "Smi"s).
const MAX_IDS = 2 ** 27;

const wordIds = new Map<string, number>();
const words: string[] = [];
const pairIds = new Map<number, Map<number, number>>();
let pairCount = 0;

function wordId(word: string, learn: boolean): number | undefined {
  let id = wordIds.get(word);
  if (id === undefined && learn && words.length < MAX_IDS) {
    id = words.length;
    wordIds.set(word, id);
    words.push(word);
  }
  return id;
}

function pairId(first: number, second: number, learn: boolean): number | undefined {
  let seconds = pairIds.get(first);
  let id = seconds?.get(second);
  if (id === undefined && learn && pairCount < MAX_IDS) {
    if (!seconds) {
      seconds = new Map();
      pairIds.set(first, seconds);
    }
    id = pairCount++;
    seconds.set(second, id);
  }
  return id;
}

function unitKey(kind: number, word: string, learn = false): Key {
  const id = wordId(word, learn);
  return id === undefined ? NO_KEY : id * KIND_COUNT + kind;
}

function pairKey(kind: number, a: string, b: string, learn = false): Key {
  const first = wordId(a, learn);
  const second = wordId(b, learn);
  const id = first === undefined || second === undefined ? undefined : pairId(first, second, learn);
  return id === undefined ? NO_KEY : id * KIND_COUNT + kind;
}

export const foldedKey = (syllable: string): Key => unitKey(FOLDED, syllable);
export const exactKey = (syllable: string): Key => unitKey(EXACT, syllable);
export const englishKey = (stem: string): Key => unitKey(ENGLISH, stem);
export const bigramKey = (a: string, b: string): Key => pairKey(PAIR, a, b);
export const englishBigramKey = (a: string, b: string): Key => pairKey(ENGLISH_PAIR, a, b);

export const isFoldedKey = (key: Key): boolean => key >= 0 && key % KIND_COUNT === FOLDED;
export const isExactKey = (key: Key): boolean => key >= 0 && key % KIND_COUNT === EXACT;

/**
 * A map keyed by Key, kept as one dense array per kind of key indexed by the word or pair id:
 * ids are handed out in sequence, so lookups are array reads rather than hashing.
 */
export class KeyTable<T> {
  private readonly byKind: (T | undefined)[][] = Array.from({ length: KIND_COUNT }, () => []);

  get(key: Key): T | undefined {
    return key < 0 ? undefined : this.byKind[key % KIND_COUNT][Math.floor(key / KIND_COUNT)];
  }

  set(key: Key, value: T | undefined): void {
    if (key >= 0) this.byKind[key % KIND_COUNT][Math.floor(key / KIND_COUNT)] = value;
  }
}

/** The word of a folded, exact or English key (pair keys have none). */
export function wordOf(key: Key): string {
  return words[Math.floor(key / KIND_COUNT)] ?? '';
}

// Exact keys are looked up for Vietnamese syllables (an unaccented one, "thi", is read exactly in
// a question typed with diacritics), so a foreign word of a FAQ ("visa") needs none.
function vietnameseKeys(tokens: readonly Token[], keys: Key[]): void {
  let previous: number | undefined;
  for (const token of tokens) {
    const folded = wordId(token.folded, true);
    if (folded === undefined) {
      previous = undefined;
      continue;
    }
    keys.push(folded * KIND_COUNT + FOLDED);
    if (token.marked || isVietnameseSyllable(token.folded)) {
      keys.push(unitKey(EXACT, token.exact, true));
    }
    if (previous !== undefined) {
      const pair = pairId(previous, folded, true);
      if (pair !== undefined) keys.push(pair * KIND_COUNT + PAIR);
    }
    previous = folded;
  }
}

function englishKeys(stems: readonly string[]): Key[] {
  const keys: Key[] = [];
  stems.forEach((stem, i) => {
    keys.push(unitKey(ENGLISH, stem, true));
    if (i > 0) keys.push(pairKey(ENGLISH_PAIR, stems[i - 1], stem, true));
  });
  return keys;
}

/**
 * Keys of several Vietnamese texts (question, alternates...), tokenised, with no bigram across
 * two texts. The length, for BM25's length normalisation, is that of the average text: each text
 * is one way of saying the same thing, and recording more ways does not make any of them longer.
 * `extras` (tags) add keys but do not count as texts.
 */
export function vietnameseField(
  texts: readonly (readonly Token[])[],
  extras: readonly (readonly Token[])[] = [],
): FieldContent {
  const keys: Key[] = [];
  let length = 0;
  for (const tokens of texts) {
    vietnameseKeys(tokens, keys);
    length += tokens.length;
  }
  for (const tokens of extras) vietnameseKeys(tokens, keys);
  return { keys, length: texts.length > 0 ? length / texts.length : 0 };
}

export function englishField(texts: readonly (string | undefined)[]): FieldContent {
  const keys: Key[] = [];
  let length = 0;
  let count = 0;
  for (const text of texts) {
    const stems = tokenise(text, DOCUMENT_LIMITS).map(englishStem);
    if (stems.length === 0) continue;
    keys.push(...englishKeys(stems));
    length += stems.length;
    count++;
  }
  return { keys, length: count > 0 ? length / count : 0 };
}
