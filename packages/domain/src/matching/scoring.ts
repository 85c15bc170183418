/**
 * Scores every FAQ that shares something with the question.
 *
 * Each slot of the question weighs IDF × stop-word factor (its "informative mass"). A FAQ earns,
 * per slot, the BM25F-saturated frequency of the slot's best alternative, scaled by how good
 * that alternative is (literal, synonym, typo...). Two numbers come out per FAQ:
 * - `score`: the BM25-style sum, used to shortlist candidates;
 * - `coverage`: the share of the question's informative mass the FAQ explains (each credit
 *   capped at 1), used for ranking the shortlist and for the confidence.
 */
import { ENGLISH_STOP_WORDS } from './english';
import { bigramKey, englishBigramKey, englishKey, exactKey, foldedKey, type Key } from './keys';
import { QUALITY, type Alternative, type Query, type Slot } from './query-types';
import { stopFactor } from './stop-words';
import type { Saturations, TermIndex } from './term-index';

// Typed with accents, a syllable that only matches with other accents ("bán" vs "bạn") is
// probably a different word, so the exact spelling is rewarded over the folded one.
const FOLDED_MATCH_PENALTY = 0.4;
// ...and a syllable whose accents no FAQ uses at all, with nothing around it to suggest a slip
// ("lái" in "bằng lái" vs the FAQs' "lại"), is a different word: its letters earn little.
const UNKNOWN_ACCENTS_PENALTY = 0.15;
// A matching pair of syllables adds to, but counts less than, the two syllables themselves.
const BIGRAM_WEIGHT = 0.5;
// Unknown one- or two-letter tokens are mostly unlisted abbreviations or noise, not topics.
const SHORT_UNKNOWN_FACTOR = 0.5;
const ENGLISH_STOP_FACTOR = 0.05;

export interface ScoredCandidate {
  readonly id: string;
  readonly score: number;
  /** Share of the question's informative mass this FAQ explains, in [0, 1]. */
  readonly coverage: number;
}

/**
 * Per-document sums over a dense array, remembering which documents were touched so that
 * clearing and iterating cost only what was used.
 */
class Accumulator {
  readonly raw: Float64Array;
  readonly capped: Float64Array;
  readonly touched: number[] = [];
  /** Free per-document space for a caller, to be left zeroed. */
  readonly scratch: Float64Array;
  private readonly seen: Uint8Array;

  constructor(size: number) {
    this.raw = new Float64Array(size);
    this.capped = new Float64Array(size);
    this.scratch = new Float64Array(size);
    this.seen = new Uint8Array(size);
  }

  add(doc: number, raw: number, capped: number): void {
    if (!this.seen[doc]) {
      this.seen[doc] = 1;
      this.touched.push(doc);
    }
    this.raw[doc] += raw;
    this.capped[doc] += capped;
  }

  keepMax(doc: number, raw: number, capped: number): void {
    if (!this.seen[doc]) {
      this.seen[doc] = 1;
      this.touched.push(doc);
    }
    if (raw > this.raw[doc]) this.raw[doc] = raw;
    if (capped > this.capped[doc]) this.capped[doc] = capped;
  }

  clear(): void {
    const touched = this.touched;
    for (let i = 0; i < touched.length; i++) {
      const doc = touched[i];
      this.raw[doc] = 0;
      this.capped[doc] = 0;
      this.seen[doc] = 0;
    }
    touched.length = 0;
  }
}

// Accumulators are kept between questions (cleared after use, grown with the index), so a
// question does not allocate and zero arrays the size of the FAQ base.
let pool: { totals: Accumulator; slotBest: Accumulator; alternative: Accumulator } | undefined;

function accumulators(size: number): NonNullable<typeof pool> {
  if (!pool || pool.totals.raw.length < size) {
    const capacity = Math.max(size, 2 * (pool?.totals.raw.length ?? 0), 64);
    pool = {
      totals: new Accumulator(capacity),
      slotBest: new Accumulator(capacity),
      alternative: new Accumulator(capacity),
    };
  }
  return pool;
}

/** The `limit` best-scoring candidates, by decreasing score. */
export function scoreQuery(query: Query, index: TermIndex, limit: number): ScoredCandidate[] {
  const accumulated = accumulators(index.capacity);
  try {
    return score(query, index, limit, accumulated);
  } finally {
    // Left clean for the next question whatever happened.
    accumulated.totals.clear();
    accumulated.slotBest.clear();
    accumulated.alternative.clear();
  }
}

function score(
  query: Query,
  index: TermIndex,
  limit: number,
  { totals, slotBest, alternative }: NonNullable<typeof pool>,
): ScoredCandidate[] {
  let mass = 0;
  for (const slot of query.slots) {
    const weight = slotWeight(slot, index);
    mass += weight;
    const penalty = slot.massFrom === 'unknown' ? UNKNOWN_ACCENTS_PENALTY : FOLDED_MATCH_PENALTY;
    if (slot.alternatives.length === 1) {
      // One reading: its credit goes straight to the totals.
      accumulateAlternative(slot.alternatives[0], index, totals, penalty, weight);
      continue;
    }
    for (const alt of slot.alternatives) {
      accumulateAlternative(alt, index, alternative, penalty, 1);
      const touched = alternative.touched;
      for (let i = 0; i < touched.length; i++) {
        const doc = touched[i];
        slotBest.keepMax(doc, alternative.raw[doc], alternative.capped[doc]);
      }
      alternative.clear();
    }
    const touched = slotBest.touched;
    for (let i = 0; i < touched.length; i++) {
      const doc = touched[i];
      totals.add(doc, weight * slotBest.raw[doc], weight * slotBest.capped[doc]);
    }
    slotBest.clear();
  }
  // Syllable pairs typed in the same order as a FAQ writes them are evidence of their own (the
  // word itself, not two syllables scattered in the text); pairs no FAQ has are not counted,
  // most of them straddle two words.
  for (const { key, stopFactor: factor } of query.bigrams) {
    const df = index.df(key);
    if (df === 0) continue;
    const weight = BIGRAM_WEIGHT * factor * index.idf(df);
    mass += weight;
    addSaturations(index.saturations(key), weight, totals);
  }
  if (mass === 0) return [];
  return topByScore(totals, limit).map((doc) => ({
    id: index.idOf(doc) ?? '',
    score: totals.raw[doc],
    coverage: Math.min(1, totals.capped[doc] / mass),
  }));
}

/** The `limit` documents with the highest scores, best first, without sorting them all. */
function topByScore(totals: Accumulator, limit: number): number[] {
  const better = (a: number, b: number): boolean =>
    totals.raw[a] > totals.raw[b] || (totals.raw[a] === totals.raw[b] && a < b);
  const top: number[] = [];
  for (const doc of totals.touched) {
    if (top.length === limit && !better(doc, top[top.length - 1])) continue;
    let i = Math.min(top.length, limit - 1);
    while (i > 0 && better(doc, top[i - 1])) i--;
    top.splice(i, 0, doc);
    if (top.length > limit) top.pop();
  }
  return top;
}

/**
 * Informative mass of a slot: stop-word factor × IDF of its readings. A word no FAQ contains may
 * be the off-topic subject of the question or just chat filler, so it weighs like the rarest
 * known word (document frequency 1), not more.
 */
function slotWeight(slot: Slot, index: TermIndex): number {
  // A typed syllable weighs as itself (and, in English, its stem): the literal readings. A
  // phrase weighs as its readings, not as the looser ones (broader terms, translations).
  const sources =
    slot.massFrom === 'typed'
      ? slot.alternatives.filter((alt) => alt.quality === QUALITY.literal)
      : slot.alternatives.filter((alt) => !alt.broader && alt.quality >= QUALITY.synonym);
  let df = 0;
  if (slot.massFrom !== 'unknown') {
    for (const alt of sources) df = Math.max(df, alternativeDf(alt, index));
  }
  if (df > 0) return slot.stopFactor * index.idf(df);
  const short = slot.alternatives.every(
    (alt) => alt.lang === 'en' || alt.tokens.every((t) => t.folded.length <= 2 && !t.marked),
  );
  return slot.stopFactor * index.idf(1) * (short ? SHORT_UNKNOWN_FACTOR : 1);
}

/** The keys of an alternative: its syllables (or stems) and their neighbouring pairs. */
function alternativeKeys(alt: Alternative): { units: Key[]; pairs: Key[] } {
  if (alt.lang === 'en') {
    return {
      units: alt.stems.map(englishKey),
      pairs: alt.stems.slice(1).map((s, i) => englishBigramKey(alt.stems[i], s)),
    };
  }
  return {
    units: alt.tokens.map((t) => foldedKey(t.folded)),
    pairs: alt.tokens.slice(1).map((t, i) => bigramKey(alt.tokens[i].folded, t.folded)),
  };
}

// A phrase occurs in at most as many FAQs as its rarest part.
// A syllable typed with diacritics is as rare as it is with them ("sổ" is rare even though "sơ"
// is common); when no FAQ has those diacritics it is read as a slip (see query.ts), as its letters.
function alternativeDf(alt: Alternative, index: TermIndex): number {
  const { units, pairs } = alternativeKeys(alt);
  let df = Infinity;
  units.forEach((key, i) => {
    const token = alt.lang === 'vi' ? alt.tokens[i] : undefined;
    const exact = token?.marked ? index.df(exactKey(token.exact)) : 0;
    df = Math.min(df, exact > 0 ? exact : index.df(key));
  });
  for (const key of pairs) df = Math.min(df, index.df(key));
  return Number.isFinite(df) ? df : 0;
}

function unitStopFactor(alt: Alternative, i: number): number {
  if (alt.lang === 'vi') return stopFactor(alt.tokens[i], false);
  return ENGLISH_STOP_WORDS.has(alt.stems[i]) ? ENGLISH_STOP_FACTOR : 1;
}

/**
 * Credit of one alternative per FAQ. Its parts (syllables or stems, and their pairs) are weighted
 * by IDF and stop-word factor, so that in "không có việc làm" a FAQ must match "việc làm", not
 * "không có".
 */
function accumulateAlternative(
  alt: Alternative,
  index: TermIndex,
  out: Accumulator,
  foldedPenalty: number,
  scale: number,
): void {
  const { units, pairs } = alternativeKeys(alt);
  const stops = units.map((_, i) => unitStopFactor(alt, i));
  const parts = [
    ...units.map((key, i) => ({ key, weight: stops[i] * index.idf(index.df(key)), unit: i })),
    ...pairs.map((key, i) => ({
      key,
      weight: ((stops[i] + stops[i + 1]) / 2) * index.idf(index.df(key)),
      unit: -1,
    })),
  ];
  const total = parts.reduce((sum, p) => sum + p.weight, 0);
  if (total === 0) return;
  for (const { key, weight, unit } of parts) {
    const share = (scale * alt.quality * weight) / total;
    const token = alt.lang === 'vi' && unit >= 0 ? alt.tokens[unit] : undefined;
    if (token?.marked) addAccented(key, exactKey(token.exact), share, foldedPenalty, index, out);
    else addSaturations(index.saturations(key), share, out);
  }
}

function addSaturations({ docs, values }: Saturations, share: number, out: Accumulator): void {
  for (let i = 0; i < docs.length; i++) {
    const value = values[i];
    out.add(docs[i], share * value, share * (value < 1 ? value : 1));
  }
}

/** A syllable typed with accents: full credit for the same accents, less for other accents. */
function addAccented(
  folded: Key,
  exact: Key,
  share: number,
  foldedPenalty: number,
  index: TermIndex,
  out: Accumulator,
): void {
  const exactSats = index.saturations(exact);
  const foldedSats = index.saturations(folded);
  // Every FAQ with these letters has these accents: nothing to weigh against.
  if (exactSats.docs.length === foldedSats.docs.length) {
    addSaturations(exactSats, share, out);
    return;
  }
  const scratch = out.scratch;
  for (let i = 0; i < exactSats.docs.length; i++) scratch[exactSats.docs[i]] = exactSats.values[i];
  const { docs, values } = foldedSats;
  for (let i = 0; i < docs.length; i++) {
    const doc = docs[i];
    const other = values[i] * foldedPenalty;
    const sat = scratch[doc] > other ? scratch[doc] : other;
    out.add(doc, share * sat, share * (sat < 1 ? sat : 1));
  }
  for (let i = 0; i < exactSats.docs.length; i++) scratch[exactSats.docs[i]] = 0;
}
