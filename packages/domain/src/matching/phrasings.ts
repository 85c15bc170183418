/**
 * The other direction of the match: how much of a FAQ's own phrasing the question accounts for.
 *
 * Query coverage alone is fooled by questions that share a generic part with a FAQ but are about
 * something else ("bị mất căn cước" vs "bị mất hộ chiếu": the FAQ's "hộ chiếu" is unexplained).
 * Each phrasing (question, each alternate, topic; and their English versions) is scored on its
 * own, and the best one counts, since any of them says what the FAQ is about.
 *
 * A phrasing is read like a question (query.ts), with the same dictionary: its units are the
 * dictionary's phrases and the remaining syllables, so "xuất khẩu lao động" is one thing the
 * question may or may not mention, as "du học" is, however many syllables each has; and the
 * question accounts for a unit through any reading both share ("xkld" for "đi làm việc ở nước
 * ngoài" through "xuất khẩu lao động").
 */
import { DOCUMENT_LIMITS, tokenise, type Token } from '../text';
import { englishBigramKey, englishKey, exactKey, foldedKey, bigramKey, type Key } from './keys';
import type { Lexicon } from './lexicon';
import { buildQuery } from './query';
import { QUALITY, type Alternative, type Query, type Slot } from './query-types';
import type { TermIndex } from './term-index';
import type { FaqEntry } from './types';
import { TypoIndex } from './typo';

// A syllable the question has only with other diacritics ("bán" for the FAQ's "bạn") is probably
// another word; one whose diacritics no FAQ uses at all, even more so (see query.ts).
const OTHER_ACCENTS = 0.4;
const UNKNOWN_ACCENTS = 0.15;
// A phrasing about another thing of the kind the question names counts this much.
const CONTRAST_FACTOR = 0.1;

/** One unit of a phrasing: its readings (key → quality), the keys it is as rare as, its weight. */
export interface Unit {
  /** Readings (numbered, see readingId) and their quality, the unit's own first. */
  readonly readingIds: Int32Array;
  readonly readingQualities: Float64Array;
  /** Broader terms of the unit ("nước ngoài" for "Nhật"): what kind of thing it is. */
  readonly kinds: readonly number[];
  /** Per syllable, the query keys that account for it: [exact, typed plain, other accents]. */
  readonly syllables: readonly (readonly [number, number, number])[];
  readonly rarityKeys: readonly Key[];
  readonly stop: number;
}

/** The units of one phrasing, and their weights as of an index version (recomputed lazily). */
export interface Phrasing {
  readonly units: readonly Unit[];
  weights: Float64Array;
  version: number;
}

/** The texts a FAQ is phrased in, tokenised once; read into units when the dictionary is known. */
export interface PhrasingTexts {
  readonly vietnamese: readonly (readonly Token[])[];
  readonly english: readonly (readonly Token[])[];
}

export function phrasingTextsOf(faq: FaqEntry): PhrasingTexts {
  const tokens = (texts: readonly (string | undefined)[]): Token[][] =>
    texts.map((t) => tokenise(t ?? '', DOCUMENT_LIMITS)).filter((t) => t.length > 0);
  return {
    vietnamese: tokens([faq.question, ...(faq.alternates ?? []), faq.topic]),
    english: tokens([faq.questionEn, ...(faq.alternatesEn ?? [])]),
  };
}

const NO_TYPOS = new TypoIndex();

/**
 * The units of each phrasing, read with the dictionary as a well-typed question would be. The
 * FAQ's own question comes first (phrasingCoverage relies on it), then its alternates, its topic
 * and the English ones.
 */
export function phrasingsOf(texts: PhrasingTexts, lexicon: Lexicon): Phrasing[] {
  return [
    ...texts.vietnamese.map((tokens) => phrasingOf(tokens, false, lexicon)),
    ...texts.english.map((tokens) => phrasingOf(tokens, true, lexicon)),
  ];
}

// The same text (a topic many FAQs share, a repeated alternate) is read once per dictionary.
// Likewise each unit (a word or phrase and its readings).
const MAX_CACHED = 50_000;
const caches = new WeakMap<
  Lexicon,
  { phrasings: Map<string, Phrasing>; units: Map<string, Unit> }
>();

function phrasingOf(tokens: readonly Token[], english: boolean, lexicon: Lexicon): Phrasing {
  let cached = caches.get(lexicon);
  if (!cached) {
    cached = { phrasings: new Map(), units: new Map() };
    caches.set(lexicon, cached);
  }
  const cache = cached.phrasings;
  const key = `${english ? 'en' : 'vi'}:${tokens.map((t) => t.text).join(' ')}`;
  let phrasing = cache.get(key);
  if (!phrasing) {
    const ctx = {
      lexicon,
      foldedTypos: NO_TYPOS,
      exactTypos: NO_TYPOS,
      inVocabulary: () => true,
      exactInVocabulary: () => true,
      pairInVocabulary: () => true,
    };
    if (cached.units.size >= MAX_CACHED) cached.units.clear();
    const read = units(buildQuery(tokens, english, ctx, false), cached.units);
    phrasing = { units: read, weights: new Float64Array(read.length), version: -1 };
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(key, phrasing);
  }
  return phrasing;
}

function units(query: Query, known: Map<string, Unit>): Unit[] {
  const literals = query.slots.map((slot) =>
    slot.alternatives.find((alt) => alt.quality === QUALITY.literal),
  );
  // A syllable that is part of a phrase of the phrasing is the same thing said again ("khám
  // sức khỏe ... khám ở đâu"), not one more thing to account for.
  const inPhrases = new Set<string>();
  for (const literal of literals) {
    if (literal?.lang === 'vi' && literal.tokens.length > 1) {
      for (const t of literal.tokens) inPhrases.add(t.folded);
    }
  }
  const seen = new Set<string>();
  const out: Unit[] = [];
  query.slots.forEach((slot, i) => {
    const literal = literals[i];
    if (!literal) return;
    if (literal.lang === 'vi' && literal.tokens.length === 1) {
      if (inPhrases.has(literal.tokens[0].folded)) return;
    }
    const text =
      literal.lang === 'vi'
        ? literal.tokens.map((t) => t.exact).join(' ')
        : literal.stems.join(' ');
    const key = `${literal.lang}|${slot.massFrom}|${slot.stopFactor}|${text}`;
    if (seen.has(key)) return;
    seen.add(key);
    let unit = known.get(key);
    if (!unit) {
      unit = unitOf(slot, literal, readingKey(literal));
      known.set(key, unit);
    }
    out.push(unit);
  });
  return out;
}

function unitOf(slot: Slot, literal: Alternative, own: string): Unit {
  const { readings, kinds } = readingsOf(slot, true);
  const ownId = readingId(own, true);
  const ordered = [...readings].sort((a, b) => Number(b[0] === ownId) - Number(a[0] === ownId));
  return {
    readingIds: Int32Array.from(ordered, ([id]) => id),
    readingQualities: Float64Array.from(ordered, ([, quality]) => quality),
    kinds,
    syllables:
      literal.lang === 'vi'
        ? literal.tokens.map(
            (t) =>
              [
                readingId(`x:${t.exact}`, true),
                readingId(`f:${t.folded}`, true),
                readingId(`m:${t.folded}`, true),
              ] as const,
          )
        : [],
    rarityKeys: rarityKeys(literal),
    stop: slot.stopFactor,
  };
}

// A broader term is not what the FAQ is about (a question about "nước ngoài" does not account for
// the FAQ's "Nhật"): it says what kind of thing the unit is.
function readingsOf(
  slot: Slot,
  learn: boolean,
): { readings: Map<number, number>; kinds: number[] } {
  const readings = new Map<number, number>();
  const kinds: number[] = [];
  for (const alt of slot.alternatives) {
    const id = readingId(readingKey(alt), learn);
    if (id < 0) continue;
    if (alt.broader) kinds.push(id);
    else readings.set(id, Math.max(readings.get(id) ?? 0, alt.quality));
  }
  return { readings, kinds };
}

/**
 * Reading keys are numbered, process-wide, so comparing them is cheap. Only FAQ phrasings add to
 * the numbering; a question's reading that no phrasing has gets none, as it can match nothing.
 */
const readingIds = new Map<string, number>();
const MAX_READING_IDS = 2 ** 24;

function readingId(key: string, learn: boolean): number {
  let id = readingIds.get(key);
  if (id === undefined) {
    if (!learn || readingIds.size >= MAX_READING_IDS) return -1;
    id = readingIds.size;
    readingIds.set(key, id);
  }
  return id;
}

function readingKey(alt: Alternative): string {
  return alt.lang === 'vi'
    ? `v:${alt.tokens.map((t) => t.folded).join(' ')}`
    : `e:${alt.stems.join(' ')}`;
}

// A unit is as rare as its rarest syllable (with its diacritics) or pair.
function rarityKeys(alt: Alternative): Key[] {
  if (alt.lang === 'en') {
    return [
      ...alt.stems.map(englishKey),
      ...alt.stems.slice(1).map((s, i) => englishBigramKey(alt.stems[i], s)),
    ];
  }
  return [
    ...alt.tokens.map((t) => (t.marked ? exactKey(t.exact) : foldedKey(t.folded))),
    ...alt.tokens.slice(1).map((t, i) => bigramKey(alt.tokens[i].folded, t.folded)),
  ];
}

/**
 * What the question can account for: every reading of every slot, and every syllable of them,
 * typed with diacritics (exact) or without (any diacritics), with the quality of the best; and
 * the slots that name a thing of some kind ("Nhật": a country), to tell a FAQ about another
 * thing of that kind.
 */
export interface QueryReadings {
  /** The quality the question has a reading with, 0 when it has not. */
  quality(id: number): number;
  readonly kinded: readonly {
    readonly kinds: readonly number[];
    readonly own: readonly number[];
  }[];
}

/**
 * The qualities of the question being assessed, indexed by reading id: a lookup is an array
 * read, where a Map's costs ten times more, and the assessment makes thousands per question.
 * Entries count only when stamped with the current question's number, so nothing is cleared
 * between questions. Matching is synchronous: one question is assessed at a time.
 */
class QualityTable {
  private values = new Float64Array(1024);
  private stamps = new Uint32Array(1024);
  private stamp = 0;

  /** Starts a new question; the previous one's entries no longer count. */
  next(): void {
    this.stamp += 1;
    if (this.stamp === 0xffffffff) {
      this.stamps.fill(0);
      this.stamp = 1;
    }
  }

  get(id: number): number {
    return id < this.stamps.length && this.stamps[id] === this.stamp ? this.values[id] : 0;
  }

  raise(id: number, quality: number): void {
    if (id >= this.stamps.length) this.grow(id);
    if (this.stamps[id] !== this.stamp) {
      this.stamps[id] = this.stamp;
      this.values[id] = quality;
    } else if (quality > this.values[id]) {
      this.values[id] = quality;
    }
  }

  private grow(id: number): void {
    let size = this.stamps.length;
    while (size <= id) size *= 2;
    const values = new Float64Array(size);
    const stamps = new Uint32Array(size);
    values.set(this.values);
    stamps.set(this.stamps);
    this.values = values;
    this.stamps = stamps;
  }
}

const qualities = new QualityTable();

export function queryReadings(query: Query): QueryReadings {
  qualities.next();
  const kinded: { kinds: number[]; own: number[] }[] = [];
  const add = (key: string, quality: number): void => {
    const id = readingId(key, false);
    if (id >= 0 && quality > 0) qualities.raise(id, quality);
  };
  for (const slot of query.slots) {
    const unknown = slot.massFrom === 'unknown';
    for (const alt of slot.alternatives) {
      add(readingKey(alt), alt.quality * (unknown ? UNKNOWN_ACCENTS : 1));
      // Syllables count one by one only as typed (or respelled): a phrase the question does not
      // have is not half there because a synonym of another word shares a syllable with it.
      if (alt.lang === 'en' || (slot.massFrom === 'readings' && alt.quality < QUALITY.literal)) {
        continue;
      }
      for (const t of alt.tokens) {
        if (!t.marked) add(`f:${t.folded}`, alt.quality);
        else {
          add(`x:${t.exact}`, alt.quality * (unknown ? UNKNOWN_ACCENTS : 1));
          add(`m:${t.folded}`, alt.quality * (unknown ? UNKNOWN_ACCENTS : OTHER_ACCENTS));
        }
      }
    }
    const { readings, kinds } = readingsOf(slot, false);
    if (kinds.length > 0) kinded.push({ kinds, own: [...readings.keys()] });
  }
  return { quality: (id) => qualities.get(id), kinded };
}

/** A unit's coverage, given how far the question has one of its readings (`reading`). */
function coverageWith(unit: Unit, query: QueryReadings, reading: number): number {
  if (unit.syllables.length === 0 || reading >= 1) return reading;
  // How far the question accounts for each syllable: exact, without or with other diacritics.
  let sum = 0;
  for (const [exact, plain, other] of unit.syllables) {
    sum += Math.max(query.quality(exact), query.quality(plain), query.quality(other));
  }
  return Math.max(reading, sum / unit.syllables.length);
}

/** How far the question has one of the unit's readings (the word or phrase itself or a synonym). */
function readingCoverage(unit: Unit, query: QueryReadings): number {
  let best = 0;
  const { readingIds, readingQualities } = unit;
  for (let i = 0; i < readingIds.length && best < 1; i++) {
    const found = query.quality(readingIds[i]) * readingQualities[i];
    if (found > best) best = found;
  }
  return best;
}

type KindedSlot = QueryReadings['kinded'][number];

/** Whether the phrasing names the slot's thing itself (one of its readings). */
function namesOwn(phrasing: Phrasing, slot: KindedSlot): boolean {
  return phrasing.units.some((unit) => slot.own.some((key) => unit.readingIds.includes(key)));
}

/** Weights of a phrasing's units (stop factor × IDF), recomputed when the index has changed. */
function weightsOf(phrasing: Phrasing, index: TermIndex): Float64Array {
  if (phrasing.version !== index.version) {
    phrasing.units.forEach((unit, i) => {
      let df = Infinity;
      for (const key of unit.rarityKeys) df = Math.min(df, index.df(key));
      phrasing.weights[i] = unit.stop * index.idf(Number.isFinite(df) ? df : 0);
    });
    phrasing.version = index.version;
  }
  return phrasing.weights;
}

/**
 * Best share, over the FAQ's phrasings, of a phrasing's informative mass found in the question.
 *
 * A phrasing that names another thing of a kind the question names, and not the question's
 * ("căn cước" asked, "hộ chiếu" written; "Nhật" asked, "Hàn Quốc" written; "nước ngoài" asked,
 * "trong nước" written), counts a tenth. So does every phrasing of a FAQ whose own question
 * names another such thing and none of whose phrasings names the question's: "Bị mất hộ chiếu ở
 * trong nước thì phải làm gì?" is not the answer to "mất hộ chiếu ở nước ngoài" because its
 * alternate "mất passport" does not say where.
 */
export function phrasingCoverage(
  phrasings: readonly Phrasing[],
  query: QueryReadings,
  index: TermIndex,
): number {
  let best = 0;
  // The question's things that the FAQ's own question (phrasings[0], see phrasingsOf) names
  // another of: what the FAQ's question names is what it is about; an alternate is an example.
  let questionContrasts: KindedSlot[] = [];
  phrasings.forEach((phrasing, p) => {
    const weights = weightsOf(phrasing, index);
    let total = 0;
    let covered = 0;
    // Kinds of the things this phrasing names that the question does not say. A shared syllable
    // is not saying it: "nước ngoài" does not account for "trong nước" (at home).
    const otherKinds: number[] = [];
    for (let i = 0; i < phrasing.units.length; i++) {
      const unit = phrasing.units[i];
      const reading = readingCoverage(unit, query);
      const coverage = coverageWith(unit, query, reading);
      total += weights[i];
      covered += weights[i] * coverage;
      if (unit.kinds.length > 0 && coverage < 1 && reading === 0) otherKinds.push(...unit.kinds);
    }
    if (total === 0) return;
    const contrasts =
      otherKinds.length === 0
        ? []
        : query.kinded.filter(
            (slot) =>
              slot.kinds.some((kind) => otherKinds.includes(kind)) && !namesOwn(phrasing, slot),
          );
    if (p === 0) questionContrasts = contrasts;
    best = Math.max(best, (covered / total) * (contrasts.length > 0 ? CONTRAST_FACTOR : 1));
  });
  const contrasted = questionContrasts.some(
    (slot) => !phrasings.some((phrasing) => namesOwn(phrasing, slot)),
  );
  return contrasted ? best * CONTRAST_FACTOR : best;
}
