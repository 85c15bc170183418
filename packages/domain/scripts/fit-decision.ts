/**
 * Fits the decision model (src/matching/decision-model.ts): the chance that the best-ranked FAQ
 * is right, from features of the ranking. Tuning sets only: the dev set and qa-tune (never the
 * frozen set, which measures what this fits).
 *
 *   npx tsx scripts/fit-decision.ts [--write] [--data DIR,DIR]
 *
 * Samples come from four views of each set: the set as it is; half of each FAQ's questions
 * recorded as alternates (learning); the base grown by 500 distractor FAQs written from its own
 * words; and each FAQ left out once (its questions must not be answered: a missing FAQ and a
 * close neighbour, the case that matters most). The model is fitted on the first three, so that
 * a probability means the same whatever the size of the base and whether staff recorded
 * alternates; the fourth only weighs in the choice of the threshold. Every question offered
 * anything (in the field, best confidence ≥ the choices' floor) is used, with whether the best
 * FAQ passes the readable floors as a feature: the probability is then a calibrated chance for
 * every answered or ambiguous result (the API's `chance`), and only questions past the floors
 * may be answered. The model is an L2-regularised logistic
 * regression; 5-fold cross-validation grouped by FAQ (questions of one FAQ are never split
 * between fitting and checking) gives held-out probabilities, from which the answer threshold is
 * chosen: the lowest that keeps answered-wrong ≤ 2 % of in-scope questions in each view (a
 * point under the 3 % target: the figures of one split vary by about a point), out-of-scope
 * questions answered ≤ 2.5 % and left-out questions answered ≤ 8 % (about what the matcher did
 * before this model).
 * With --write the coefficients and threshold are written into decision-model.ts.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createMatcher,
  STARTER_GLOSSARY,
  STARTER_SYNONYMS,
  type QaQuestion,
  type QaSet,
} from '../src/matching';
import { distractorFaqs, learningSplit } from '../src/matching/evaluation';
import { loadSet } from './qa-set';
import {
  DEFAULT_DECISION,
  mayAnswer,
  offerConfidence,
  rankCandidates,
  type Assessed,
  type QuestionSignals,
} from '../src/matching/confidence';
import {
  decisionFeatures,
  FEATURE_NAMES,
  type DecisionModel,
} from '../src/matching/decision-model';

const args = process.argv.slice(2);
const fixtures = join(import.meta.dirname, '../test/fixtures');
const dataFlag = args.indexOf('--data');
const dirs =
  dataFlag >= 0
    ? args[dataFlag + 1].split(',')
    : ['qa-dev', 'qa-tune'].map((d) => join(fixtures, d)).filter((d) => existsSync(d));
if (dirs.some((d) => d.includes('qa-frozen')))
  throw new Error('The frozen set is never fitted on.');

type View = 'base' | 'leaveOut' | 'learning' | 'grown';
interface Sample {
  x: number[];
  y: number;
  view: View;
  /** in-scope, out-of-scope, or orphan (its FAQ removed). */
  kind: 'in' | 'oos' | 'orphan';
  group: string;
  /** Whether it reaches the decision at all (else it is never answered). */
  decides: boolean;
  /** Whether it is offered anything (in the field, best confidence ≥ the choices' floor). */
  offered: boolean;
}

const dictionaries = { synonyms: STARTER_SYNONYMS, glossary: STARTER_GLOSSARY };
let captured: { assessed: Assessed[]; signals: QuestionSignals } | undefined;
(globalThis as { __matchDebug?: (a: unknown) => void }).__matchDebug = (a) => {
  captured = a as typeof captured;
};

function sampleOf(
  matcher: ReturnType<typeof createMatcher>,
  q: QaQuestion,
  view: View,
  setName: string,
  orphan = false,
): Sample | undefined {
  captured = undefined;
  matcher.match(q.q);
  // Set by the matcher's debug hook during match().
  const seen = captured as { assessed: Assessed[]; signals: QuestionSignals } | undefined;
  if (!seen) return undefined;
  const ranked = rankCandidates(seen.assessed);
  const group = `${setName}:${q.expect ?? `oos-${q.q.length % 5}`}`;
  const kind = orphan ? 'orphan' : q.expect === null ? 'oos' : 'in';
  if (ranked.length === 0) {
    return { x: [], y: 0, view, kind, group, decides: false, offered: false };
  }
  const first = ranked[0];
  const offered =
    seen.signals.share >= DEFAULT_DECISION.fieldThreshold &&
    offerConfidence(ranked, DEFAULT_DECISION) >= DEFAULT_DECISION.choiceThreshold;
  const floors = mayAnswer(ranked, DEFAULT_DECISION);
  const decides = offered && floors;
  const y = !orphan && q.expect !== null && first.id === q.expect ? 1 : 0;
  const x = decisionFeatures(ranked, seen.signals, floors);
  return { x, y, view, kind, group, decides, offered };
}

function samplesOf(set: QaSet, name: string): Sample[] {
  const out: Sample[] = [];
  const push = (s: Sample | undefined): void => {
    if (s) out.push(s);
  };
  const base = createMatcher({ faqs: set.faqs, ...dictionaries });
  for (const q of set.questions) push(sampleOf(base, q, 'base', name));
  // Each FAQ removed once, in folds of about four.
  const folds = Math.max(1, Math.round(set.faqs.length / 4));
  for (let fold = 0; fold < folds; fold++) {
    const removed = new Set(set.faqs.filter((_, i) => i % folds === fold).map((f) => f.id));
    const m = createMatcher({ faqs: set.faqs.filter((f) => !removed.has(f.id)), ...dictionaries });
    for (const q of set.questions) {
      if (q.expect !== null && removed.has(q.expect)) push(sampleOf(m, q, 'leaveOut', name, true));
    }
  }
  // Learning: half of each FAQ's questions as alternates (as evaluation.ts's learning run).
  const { learnt, held } = learningSplit(set);
  const learning = createMatcher({
    faqs: set.faqs.map((f) => ({
      ...f,
      alternates: [...f.alternates, ...(learnt.get(f.id) ?? [])],
    })),
    ...dictionaries,
  });
  for (const q of held) push(sampleOf(learning, q, 'learning', name));
  const grown = createMatcher({
    faqs: [...set.faqs, ...distractorFaqs(set, 500, 1, 7)],
    ...dictionaries,
  });
  for (const q of set.questions) push(sampleOf(grown, q, 'grown', name));
  return out;
}

// ---- Logistic regression (Newton's method, L2 on the weights, standardised features) ----

const LAMBDA = 1;

function standardise(samples: Sample[]): { mean: number[]; scale: number[] } {
  const n = FEATURE_NAMES.length;
  const mean = Array.from({ length: n }, (_, j) => avg(samples.map((s) => s.x[j])));
  const scale = mean.map((m, j) =>
    Math.max(1e-6, Math.sqrt(avg(samples.map((s) => (s.x[j] - m) ** 2)))),
  );
  return { mean, scale };
}

const avg = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

function fit(samples: Sample[]): DecisionModel {
  const { mean, scale } = standardise(samples);
  const d = FEATURE_NAMES.length + 1;
  const rows = samples.map((s) => [1, ...s.x.map((v, j) => (v - mean[j]) / scale[j])]);
  let w = new Array<number>(d).fill(0);
  for (let iter = 0; iter < 50; iter++) {
    const grad = new Array<number>(d).fill(0);
    const hess = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    rows.forEach((r, k) => {
      const p = sigmoid(r.reduce((a, v, j) => a + v * w[j], 0));
      const e = p - samples[k].y;
      const h = p * (1 - p);
      for (let i = 0; i < d; i++) {
        grad[i] += e * r[i];
        for (let j = 0; j < d; j++) hess[i][j] += h * r[i] * r[j];
      }
    });
    for (let i = 1; i < d; i++) {
      grad[i] += LAMBDA * w[i];
      hess[i][i] += LAMBDA;
    }
    const step = solve(hess, grad);
    w = w.map((v, i) => v - step[i]);
    if (Math.max(...step.map(Math.abs)) < 1e-8) break;
  }
  return {
    features: FEATURE_NAMES,
    mean: mean.map(round6),
    scale: scale.map(round6),
    weights: w.slice(1).map(round6),
    bias: round6(w[0]),
  };
}

function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
    [m[c], m[p]] = [m[p], m[c]];
    for (let r = 0; r < n; r++) {
      if (r === c || m[c][c] === 0) continue;
      const f = m[r][c] / m[c][c];
      for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k];
    }
  }
  return m.map((row, i) => (row[i] === 0 ? 0 : row[n] / row[i]));
}

const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

function predict(model: DecisionModel, x: number[]): number {
  let z = model.bias;
  model.weights.forEach((w, j) => (z += (w * (x[j] - model.mean[j])) / model.scale[j]));
  return sigmoid(z);
}

// ---- Main ----

const all: Sample[] = [];
for (const dir of dirs) {
  const name = dir.split('/').pop() ?? dir;
  const samples = samplesOf(loadSet(dir), name);
  console.log(
    `${name}: ${samples.length} samples, ${samples.filter((s) => s.decides).length} reach the decision`,
  );
  all.push(...samples);
}
const offered = all.filter((s) => s.offered);
// The chance is fitted on the views where every in-scope question has its FAQ (as it is, with
// alternates, grown): with each FAQ left out once as well, half the questions would have none,
// and the chance would say far less than it should of a base that has its FAQs. The left-out
// view still chooses the threshold (its questions must rarely be answered).
const deciding = offered.filter((s) => s.view !== 'leaveOut');

// Grouped 5-fold cross-validation: held-out probability for every offered sample.
const groups = [...new Set(offered.map((s) => s.group))].sort();
const foldOf = new Map(groups.map((g, i) => [g, i % 5]));
const held = new Map<Sample, number>();
for (let fold = 0; fold < 5; fold++) {
  const model = fit(deciding.filter((s) => foldOf.get(s.group) !== fold));
  for (const s of offered.filter((s) => foldOf.get(s.group) === fold))
    held.set(s, predict(model, s.x));
}
const logLoss = avg(
  deciding.map((s) => {
    const p = Math.min(1 - 1e-9, Math.max(1e-9, held.get(s) ?? 0.5));
    return -(s.y * Math.log(p) + (1 - s.y) * Math.log(1 - p));
  }),
);
console.log(`cross-validated log loss ${logLoss.toFixed(3)} on ${deciding.length} samples`);

// Calibration: predicted vs observed, by band.
console.log('calibration (held-out): band, samples, mean predicted, share right');
for (let b = 0; b < 10; b++) {
  const inBand = deciding.filter((s) => {
    const p = held.get(s) ?? 0;
    return p >= b / 10 && (p < (b + 1) / 10 || b === 9);
  });
  if (inBand.length === 0) continue;
  console.log(
    `  ${(b / 10).toFixed(1)}–${((b + 1) / 10).toFixed(1)} ${String(inBand.length).padStart(5)} ` +
      `${avg(inBand.map((s) => held.get(s) ?? 0)).toFixed(2)} ${avg(inBand.map((s) => s.y)).toFixed(2)}`,
  );
}

// What the chosen threshold must keep, cross-validated, in every view: answered-wrong a point
// under the issue's 3 % target (one split's figures vary by about a point), out-of-scope
// questions almost never answered, left-out questions about as rarely as the old rule did.
const MAX_WRONG = 0.02;
const MAX_OOS = 0.025;
const MAX_ORPHANS = 0.08;
const views: View[] = ['base', 'learning', 'grown'];
const pct = (a: number, b: number): string =>
  `${((100 * a) / Math.max(1, b)).toFixed(1)}`.padStart(5);
interface Row {
  t: number;
  ok: boolean;
  line: string;
}
const rows: Row[] = [];
for (let t = 0.3; t <= 0.951; t += 0.025) {
  const answered = (s: Sample): boolean => s.decides && (held.get(s) ?? 0) >= t;
  let ok = true;
  const parts: string[] = [];
  for (const view of views) {
    const inScope = all.filter((s) => s.view === view && s.kind === 'in');
    const oos = all.filter((s) => s.view === view && s.kind === 'oos');
    const right = inScope.filter((s) => answered(s) && s.y === 1).length;
    const wrong = inScope.filter((s) => answered(s) && s.y === 0).length;
    const oosAnswered = oos.filter(answered).length;
    if (wrong / inScope.length > MAX_WRONG || oosAnswered / Math.max(1, oos.length) > MAX_OOS)
      ok = false;
    parts.push(
      `${view} ${pct(right, inScope.length)} ${pct(wrong, inScope.length)} ${pct(oosAnswered, oos.length)}`,
    );
  }
  const orphans = all.filter((s) => s.kind === 'orphan');
  const orphansAnswered = orphans.filter(answered).length;
  if (orphansAnswered / orphans.length > MAX_ORPHANS) ok = false;
  parts.push(`orphans ${pct(orphansAnswered, orphans.length)}`);
  rows.push({ t, ok, line: `  ${t.toFixed(3)} ${ok ? '✓' : ' '} ${parts.join(' | ')}` });
}
console.log(
  'threshold: per view right / WRONG / out-of-scope answered (% , held-out) | orphans answered',
);
for (const r of rows) console.log(r.line);
const chosen = rows.find((r) => r.ok)?.t ?? 0.9;

const model = fit(deciding);
console.log('\nmodel fitted on every deciding sample:');
FEATURE_NAMES.forEach((name, j) =>
  console.log(
    `  ${name.padEnd(15)} weight ${model.weights[j].toFixed(3).padStart(7)} (mean ${model.mean[j].toFixed(3)}, sd ${model.scale[j].toFixed(3)})`,
  ),
);
console.log(`  bias ${model.bias.toFixed(3)}; answer threshold ${chosen.toFixed(3)}`);

if (args.includes('--write')) {
  const file = join(import.meta.dirname, '../src/matching/decision-model.ts');
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf('// BEGIN FITTED MODEL');
  const end = text.indexOf('// END FITTED MODEL');
  const list = (xs: readonly number[]): string => `[${xs.join(', ')}]`;
  const block =
    `// BEGIN FITTED MODEL (written by scripts/fit-decision.ts --write from ${dirs.map((d) => d.split('/').pop()).join(', ')})\n` +
    `export const DECISION_MODEL: DecisionModel = {\n` +
    `  features: FEATURE_NAMES,\n` +
    `  mean: ${list(model.mean)},\n` +
    `  scale: ${list(model.scale)},\n` +
    `  weights: ${list(model.weights)},\n` +
    `  bias: ${model.bias},\n` +
    `};\n` +
    `export const ANSWER_PROBABILITY = ${Number(chosen.toFixed(3))};\n`;
  writeFileSync(file, text.slice(0, start) + block + text.slice(end));
  console.log(`written to ${file}`);
}
