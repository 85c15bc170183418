/**
 * The chance that the best-ranked FAQ is the right answer, from what the ranking shows: a
 * logistic model over features that do not grow with the number of FAQs or the question's
 * length (confidences are shares of the question's informative mass, margins are relative).
 *
 * The coefficients below are fitted by `packages/domain/scripts/fit-decision.ts` on the tuning
 * sets only (the dev set and qa-tune, never the frozen set), on four views of each: as it is,
 * with each FAQ left out once (its questions must not be answered), with half of each FAQ's
 * questions recorded as alternates (learning), and grown by distractor FAQs; so the same
 * probability means about the same chance of being right whatever the size of the base and
 * whether staff recorded alternates. Refit with `npx tsx scripts/fit-decision.ts --write` after
 * changing the ranking or the confidence.
 */
import type { QuestionSignals, Ranked } from './confidence';

export const FEATURE_NAMES = [
  // Confidence of the best FAQ (confidence.ts).
  'confidence',
  // Its lead over the runner-up's confidence, as a share of its own.
  'lead',
  // The same lead, absolute.
  'gap',
  // Share of the question the best FAQ explains.
  'coverage',
  // Share of the best FAQ's own best phrasing the question accounts for.
  'phrasing',
  // How much of the question the best other FAQ explains, against the best FAQ.
  'runnerCoverage',
  // The runner-up's rank value against the best's.
  'rankRatio',
  // Share of the question's content words the field knows (field.ts).
  'share',
  // log(1 + number of content words).
  'length',
  // 1 when the best FAQ passes the readable floors (confidence.ts), else 0.
  'floors',
] as const;

export interface DecisionModel {
  readonly features: readonly string[];
  readonly mean: readonly number[];
  readonly scale: readonly number[];
  readonly weights: readonly number[];
  readonly bias: number;
}

/** The features of a ranking, in FEATURE_NAMES order. `ranked` must not be empty. */
export function decisionFeatures(
  ranked: readonly Ranked[],
  signals: QuestionSignals,
  passesFloors: boolean,
): number[] {
  const [first, second] = ranked;
  let runnerConfidence = 0;
  let runnerCoverage = 0;
  for (let i = 1; i < ranked.length; i++) {
    runnerConfidence = Math.max(runnerConfidence, ranked[i].confidence);
    runnerCoverage = Math.max(runnerCoverage, ranked[i].coverage);
  }
  const c = first.confidence;
  return [
    c,
    c > 0 ? (c - runnerConfidence) / c : 0,
    c - runnerConfidence,
    first.coverage,
    first.phrasingCoverage,
    first.coverage > 0 ? Math.min(1.5, runnerCoverage / first.coverage) : 0,
    second && first.rank > 0 ? second.rank / first.rank : 0,
    Math.min(1, signals.share),
    Math.log1p(signals.contentWords),
    passesFloors ? 1 : 0,
  ];
}

export function answerProbability(features: readonly number[], model: DecisionModel): number {
  let z = model.bias;
  for (let i = 0; i < model.weights.length; i++) {
    z += (model.weights[i] * (features[i] - model.mean[i])) / model.scale[i];
  }
  return 1 / (1 + Math.exp(-z));
}

// BEGIN FITTED MODEL (written by scripts/fit-decision.ts --write from qa-dev, qa-tune)
export const DECISION_MODEL: DecisionModel = {
  features: FEATURE_NAMES,
  mean: [
    0.53144, 0.582716, 0.361404, 0.523594, 0.58608, 0.724371, 0.69154, 0.863954, 1.961987, 0.620609,
  ],
  scale: [
    0.19559, 0.428639, 0.269316, 0.210083, 0.222204, 0.255809, 0.20343, 0.151433, 0.365116,
    0.485236,
  ],
  weights: [
    -0.404696, -0.429952, 0.299553, 1.019884, 0.624702, -0.79104, -1.231626, 0.299945, 0.452429,
    0.125856,
  ],
  bias: 2.440673,
};
export const ANSWER_PROBABILITY = 0.875;
// END FITTED MODEL
