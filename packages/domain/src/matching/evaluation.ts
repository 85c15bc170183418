/**
 * Measuring the matcher on a question set (the dev set, the frozen set): pure, no I/O, shared by
 * `scripts/eval-dev.ts`, the API's `bench/eval-qa.mjs` and the frozen set's test.
 *
 * A set is FAQs plus questions, each with the FAQ it should get (`expect`) or null when the
 * knowledge base has no answer (out of scope). Three outcomes are told apart, as a citizen sees
 * them: answered directly, offered as one of a few choices, or "no answer".
 */
import { foldDiacritics, hasDiacritics } from '../text';
import { createMatcher, type FaqMatcher } from './matcher';
import type { FaqEntry, GlossaryEntry, MatcherOptions, MatchResult, SynonymEntry } from './types';

export interface QaQuestion {
  q: string;
  expect: string | null;
  kind: string;
}

export interface QaSet {
  faqs: FaqEntry[];
  questions: QaQuestion[];
}

export interface Dictionaries {
  synonyms: readonly SynonymEntry[];
  glossary: readonly GlossaryEntry[];
}

/** Counts of one group of in-scope questions. */
export interface InScopeCounts {
  total: number;
  /** Answered directly with the right FAQ. */
  right: number;
  /** Answered directly with another FAQ: the outcome that must stay rare. */
  wrong: number;
  /** Offered choices, the right FAQ among them. */
  choicesRight: number;
  /** Offered choices, none of them right. */
  choicesWrong: number;
  noAnswer: number;
  /** The right FAQ ranked first / among the first three of `nearest`, whatever the outcome. */
  rankedFirst: number;
  rankedTop3: number;
}

export interface OutOfScopeCounts {
  total: number;
  answered: number;
  choices: number;
  refused: number;
  /** Refused and recognised as outside the field (the inbox is not asked). */
  outsideField: number;
}

/**
 * How well the matcher's `chance` (the probability it gives that its best FAQ is right) agrees
 * with what happened, by bands of chance: for each band, how many questions, the chance said on
 * average and the share whose best FAQ was in fact the right one (never, for a question no FAQ
 * answers).
 */
export interface Calibration {
  bands: { count: number; said: number; right: number }[];
}

const CALIBRATION_BANDS = 5;

export const emptyCalibration = (): Calibration => ({
  bands: Array.from({ length: CALIBRATION_BANDS }, () => ({ count: 0, said: 0, right: 0 })),
});

export function recordChance(calibration: Calibration, result: MatchResult, expect: string | null) {
  if (result.chance === undefined) return;
  const band =
    calibration.bands[
      Math.min(CALIBRATION_BANDS - 1, Math.floor(result.chance * CALIBRATION_BANDS))
    ];
  band.count++;
  band.said += result.chance;
  if (expect !== null && result.best?.id === expect) band.right++;
}

/**
 * Expected calibration error: the gap between the chance said and the share right, averaged
 * over bands weighted by their questions (0 = the chance means what it says).
 */
export function calibrationError(calibration: Calibration): number {
  const total = calibration.bands.reduce((sum, b) => sum + b.count, 0);
  if (total === 0) return 0;
  return calibration.bands.reduce((sum, b) => sum + Math.abs(b.said - b.right), 0) / total;
}

export interface QaReport {
  inScope: InScopeCounts;
  perKind: Map<string, InScopeCounts>;
  outOfScope: OutOfScopeCounts;
  /** `chance` against what happened, over every question (out of scope ones included). */
  calibration: Calibration;
  /** In-scope questions seen as outside the field (they would not reach the inbox). */
  inScopeOutsideField: number;
  misses: string[];
}

type Match = (text: string) => MatchResult;

const emptyInScope = (): InScopeCounts => ({
  total: 0,
  right: 0,
  wrong: 0,
  choicesRight: 0,
  choicesWrong: 0,
  noAnswer: 0,
  rankedFirst: 0,
  rankedTop3: 0,
});

/** How one result counts for a question that expects `expect` (not null). */
function countInScope(counts: InScopeCounts, result: MatchResult, expect: string): string {
  counts.total++;
  const rank = (result.nearest ?? []).findIndex((n) => n.id === expect);
  if (rank === 0) counts.rankedFirst++;
  if (rank >= 0 && rank < 3) counts.rankedTop3++;
  if (result.status === 'answered') {
    if (result.best?.id === expect) {
      counts.right++;
      return 'right';
    }
    counts.wrong++;
    return 'wrong';
  }
  if (result.status === 'ambiguous') {
    if (result.suggestions.some((s) => s.id === expect)) {
      counts.choicesRight++;
      return 'choicesRight';
    }
    counts.choicesWrong++;
    return 'choicesWrong';
  }
  counts.noAnswer++;
  return 'noAnswer';
}

export function evaluateQuestions(match: Match, questions: readonly QaQuestion[]): QaReport {
  const inScope = emptyInScope();
  const perKind = new Map<string, InScopeCounts>();
  const outOfScope: OutOfScopeCounts = {
    total: 0,
    answered: 0,
    choices: 0,
    refused: 0,
    outsideField: 0,
  };
  let inScopeOutsideField = 0;
  const misses: string[] = [];
  const calibration = emptyCalibration();
  for (const question of questions) {
    const result = match(question.q);
    recordChance(calibration, result, question.expect);
    const shown = `${result.status} ${result.best?.id ?? '-'} ${result.confidence}${result.inField ? '' : ' outside'}`;
    if (question.expect === null) {
      outOfScope.total++;
      if (result.status === 'answered') outOfScope.answered++;
      else if (result.status === 'ambiguous') outOfScope.choices++;
      else outOfScope.refused++;
      if (result.status === 'no_answer' && !result.inField) outOfScope.outsideField++;
      if (result.status !== 'no_answer') misses.push(`  [out_of_scope] ${shown} ← ${question.q}`);
      continue;
    }
    if (!result.inField) inScopeOutsideField++;
    const kind = perKind.get(question.kind) ?? emptyInScope();
    perKind.set(question.kind, kind);
    countInScope(kind, result, question.expect);
    const outcome = countInScope(inScope, result, question.expect);
    if (outcome !== 'right') {
      misses.push(
        `  [${question.kind}] ${outcome}: want ${question.expect}, ${shown} ← ${question.q}`,
      );
    }
  }
  return { inScope, perKind, outOfScope, calibration, inScopeOutsideField, misses };
}

export function evaluateSet(
  set: QaSet,
  dictionaries: Dictionaries,
  options?: MatcherOptions,
): QaReport {
  const matcher = createMatcher({ faqs: set.faqs, ...dictionaries, options });
  return evaluateQuestions((text) => matcher.match(text), set.questions);
}

export interface LeaveOutReport {
  /** Questions whose FAQ was removed: they must not be answered. */
  orphans: OutOfScopeCounts;
  /** `chance` against what happened over every question of the run (orphans are never right). */
  calibration: Calibration;
  /** The other questions, with their FAQ still there. */
  kept: InScopeCounts;
}

/**
 * Each FAQ removed once (folds of about four): its questions then have no answer in the base,
 * like a migration question nobody wrote a FAQ for. They must get choices or "no answer", never
 * a neighbour's answer.
 */
export function leaveOut(
  set: QaSet,
  dictionaries: Dictionaries,
  options?: MatcherOptions,
): LeaveOutReport {
  const folds = Math.max(1, Math.round(set.faqs.length / 4));
  const orphans: OutOfScopeCounts = {
    total: 0,
    answered: 0,
    choices: 0,
    refused: 0,
    outsideField: 0,
  };
  const kept = emptyInScope();
  const calibration = emptyCalibration();
  for (let fold = 0; fold < folds; fold++) {
    const removed = new Set(set.faqs.filter((_, i) => i % folds === fold).map((f) => f.id));
    const matcher = createMatcher({
      faqs: set.faqs.filter((f) => !removed.has(f.id)),
      ...dictionaries,
      options,
    });
    for (const question of set.questions) {
      if (question.expect === null) continue;
      const result = matcher.match(question.q);
      if (!removed.has(question.expect)) {
        countInScope(kept, result, question.expect);
        recordChance(calibration, result, question.expect);
        continue;
      }
      recordChance(calibration, result, null);
      orphans.total++;
      if (result.status === 'answered') orphans.answered++;
      else if (result.status === 'ambiguous') orphans.choices++;
      else orphans.refused++;
      if (result.status === 'no_answer' && !result.inField) orphans.outsideField++;
    }
  }
  return { orphans, kept, calibration };
}

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), so a seeded split is the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Distractor FAQs written from the set's own words (so they compete with the real ones), each
 * with `alternates` alternates: grown by them, the base must still answer its questions, with
 * the same chance meaning the same thing.
 */
export function distractorFaqs(
  set: QaSet,
  size: number,
  alternates: number,
  seed: number,
): FaqEntry[] {
  const random = seededRandom(seed);
  const words = set.faqs.flatMap((f) => `${f.question} ${f.answer}`.split(/\s+/));
  const phrase = (n: number): string =>
    Array.from({ length: n }, () => words[Math.floor(random() * words.length)]).join(' ');
  return Array.from({ length: size }, (_, i) => ({
    id: `syn-${i}`,
    question: `${phrase(8)}?`,
    alternates: Array.from({ length: alternates }, () => phrase(7)),
    answer: phrase(40),
  }));
}

/** The set with its knowledge base grown to `size` FAQs by distractors (questions unchanged). */
export function grownSet(set: QaSet, size: number, seed = 7): QaSet {
  const extra = Math.max(0, size - set.faqs.length);
  return { ...set, faqs: [...set.faqs, ...distractorFaqs(set, extra, 1, seed)] };
}

/**
 * The set's questions typed with diacritics (not its English ones), and the same questions typed
 * again without them, as many people type: what the diacritics are worth to the matcher.
 */
export function unaccentedSplit(set: QaSet): { accented: QaSet; unaccented: QaSet } {
  const accented = set.questions.filter((q) => q.kind !== 'english' && hasDiacritics(q.q));
  return {
    accented: { ...set, questions: accented },
    unaccented: { ...set, questions: accented.map((q) => ({ ...q, q: foldDiacritics(q.q) })) },
  };
}

/**
 * The in-scope and out-of-scope lines of the set's questions typed with diacritics, then of the
 * same questions typed without them (see unaccentedSplit).
 */
export function formatUnaccented(label: string, set: QaSet, dictionaries: Dictionaries): string[] {
  const { accented, unaccented } = unaccentedSplit(set);
  // The title and the three lines of the totals, without the kinds and the calibration.
  const totals = (title: string, part: QaSet): string[] =>
    formatReport(title, evaluateSet(part, dictionaries)).slice(0, 4);
  return [
    ...totals(`${label}, as typed, with diacritics`, accented),
    ...totals(`${label}, the same typed without diacritics`, unaccented),
  ];
}

/** Seed of the learning run's split: fixed, so the figures can be compared from run to run. */
export const LEARNING_SEED = 14;

/**
 * Learning from use: half of each FAQ's questions, drawn at random with a fixed seed (not by the
 * set's order, where the kinds come in a pattern), are recorded as alternates, as an editor would
 * from the question log; the matcher is measured on the other half and on every out-of-scope
 * question.
 */
/**
 * The learning run's split: for each FAQ, the first half (rounded up) of its questions in an
 * order drawn with `seed` (Fisher–Yates) is learnt as alternates; the rest, with the questions
 * no FAQ answers, is held out to measure on.
 */
export function learningSplit(
  set: QaSet,
  seed = LEARNING_SEED,
): { learnt: Map<string, string[]>; held: QaQuestion[] } {
  const random = seededRandom(seed);
  const byFaq = new Map<string, QaQuestion[]>();
  const held: QaQuestion[] = [];
  for (const question of set.questions) {
    if (question.expect === null) held.push(question);
    else byFaq.set(question.expect, [...(byFaq.get(question.expect) ?? []), question]);
  }
  const learnt = new Map<string, string[]>();
  for (const [id, questions] of byFaq) {
    const order = [...questions];
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    const half = Math.ceil(order.length / 2);
    learnt.set(
      id,
      order.slice(0, half).map((q) => q.q),
    );
    held.push(...order.slice(half));
  }
  return { learnt, held };
}

export function learningRun(
  set: QaSet,
  dictionaries: Dictionaries,
  options?: MatcherOptions,
  seed = LEARNING_SEED,
): QaReport {
  const { learnt, held } = learningSplit(set, seed);
  const matcher: FaqMatcher = createMatcher({ faqs: set.faqs, ...dictionaries, options });
  // Added one by one, as the API does when an editor records an alternate.
  for (const faq of set.faqs) {
    const alternates = learnt.get(faq.id);
    if (alternates) matcher.upsert({ ...faq, alternates: [...faq.alternates, ...alternates] });
  }
  return evaluateQuestions((text) => matcher.match(text), held);
}

const pct = (a: number, b: number): string =>
  b === 0 ? '  -  ' : `${((100 * a) / b).toFixed(1)}%`;

/** Report lines, the same in every tool that prints them. */
export function formatReport(title: string, report: QaReport): string[] {
  const { inScope: s, outOfScope: o } = report;
  const lines = [
    title,
    `  in scope (${s.total}): answered right ${pct(s.right, s.total)}, answered WRONG ${pct(s.wrong, s.total)}, ` +
      `right among choices ${pct(s.choicesRight, s.total)}, choices without it ${pct(s.choicesWrong, s.total)}, ` +
      `no answer ${pct(s.noAnswer, s.total)}`,
    `    right answered or among choices ${pct(s.right + s.choicesRight, s.total)}; ` +
      `seen as outside the field ${report.inScopeOutsideField}` +
      (s.rankedTop3 > 0
        ? `; ranked first ${pct(s.rankedFirst, s.total)}, among first three ${pct(s.rankedTop3, s.total)}`
        : ''),
    `  out of scope (${o.total}): answered directly ${pct(o.answered, o.total)}, choices ${pct(o.choices, o.total)}, ` +
      `refused ${pct(o.refused, o.total)} (outside the field, not forwarded: ${o.outsideField})`,
  ];
  for (const [kind, k] of [...report.perKind].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(
      `    ${kind.padEnd(16)} right ${pct(k.right, k.total).padStart(6)}  wrong ${pct(k.wrong, k.total).padStart(6)}  ` +
        `among choices ${pct(k.choicesRight, k.total).padStart(6)}  no answer ${pct(k.noAnswer, k.total).padStart(6)}  (${k.total})`,
    );
  }
  lines.push(formatCalibration('every question', report.calibration));
  return lines;
}

/** One line: the chance said against the share right, by band, and the calibration error. */
export function formatCalibration(label: string, calibration: Calibration): string {
  const bands = calibration.bands
    .map((b, i) => {
      const from = (100 * i) / CALIBRATION_BANDS;
      const range = `${from}–${from + 100 / CALIBRATION_BANDS}%`;
      return b.count === 0
        ? `${range}: -`
        : `${range}: ${b.count} said ${pct(b.said, b.count)} right ${pct(b.right, b.count)}`;
    })
    .join(' | ');
  return `  chance vs right, ${label}: ${bands}; calibration error ${(100 * calibrationError(calibration)).toFixed(1)} points`;
}

export function formatLeaveOut(report: LeaveOutReport): string[] {
  const { orphans: o, kept: k } = report;
  return [
    'Leave-FAQs-out (each FAQ removed once; its questions have no answer any more)',
    `  orphaned questions (${o.total}): answered directly ${pct(o.answered, o.total)}, choices ${pct(o.choices, o.total)}, ` +
      `no answer ${pct(o.refused, o.total)}`,
    `  other questions (${k.total}): answered right ${pct(k.right, k.total)}, answered wrong ${pct(k.wrong, k.total)}, ` +
      `right among choices ${pct(k.choicesRight, k.total)}, ranked first ${pct(k.rankedFirst, k.total)}`,
    formatCalibration('every question of the run', report.calibration),
  ];
}
