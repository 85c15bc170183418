/**
 * Index keys. Every Vietnamese syllable is indexed twice (diacritic-exact and folded) and every
 * pair of neighbouring syllables once more as a folded bigram, because Vietnamese words are
 * mostly two syllables ("hộ chiếu", "xuất cảnh") and a bigram hit means the word itself matched.
 * English text is indexed by stems and stem bigrams in its own key space.
 */
import { DOCUMENT_LIMITS, isVietnameseSyllable, tokenise, type Token } from '../text';
import { stemEnglish } from './english';
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

/** The word of a folded, exact or English key (pair keys have none). */
export function wordOf(key: Key): string {
  return words[Math.floor(key / KIND_COUNT)] ?? '';
}

// Exact keys are looked up for Vietnamese syllables (an unaccented one, "thi", is read exactly in
// a question typed with diacritics), so a foreign word of a FAQ ("visa") needs none.
function vietnameseKeys(tokens: readonly Token[]): Key[] {
  const keys: Key[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    keys.push(unitKey(FOLDED, token.folded, true));
    if (token.marked || isVietnameseSyllable(token.folded)) {
      keys.push(unitKey(EXACT, token.exact, true));
    }
    if (i > 0) keys.push(pairKey(PAIR, tokens[i - 1].folded, token.folded, true));
  }
  return keys;
}

function englishKeys(stems: readonly string[]): Key[] {
  const keys: Key[] = [];
  stems.forEach((stem, i) => {
    keys.push(unitKey(ENGLISH, stem, true));
    if (i > 0) keys.push(pairKey(ENGLISH_PAIR, stems[i - 1], stem, true));
  });
  return keys;
}

/** Keys of several Vietnamese texts (question, alternates...), with no bigram across two texts. */
export function vietnameseField(texts: readonly (string | undefined)[]): FieldContent {
  const keys: Key[] = [];
  let length = 0;
  for (const text of texts) {
    const tokens = tokenise(text, DOCUMENT_LIMITS);
    keys.push(...vietnameseKeys(tokens));
    length += tokens.length;
  }
  return { keys, length };
}

export function englishField(texts: readonly (string | undefined)[]): FieldContent {
  const keys: Key[] = [];
  let length = 0;
  for (const text of texts) {
    const stems = tokenise(text, DOCUMENT_LIMITS).map((t) => stemEnglish(t.folded));
    keys.push(...englishKeys(stems));
    length += stems.length;
  }
  return { keys, length };
}
