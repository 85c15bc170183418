/**
 * Evaluation of the FAQ matcher on a question set, in process (the API's `pnpm eval:qa` gives
 * the same figures through POST /api/v1/assistant/ask).
 *
 *   npx tsx scripts/eval-dev.ts [--data DIR] [--verbose] [--sweep] [--growth] [--ablation]
 *                               [--bench]
 *
 * Prints, for the set (the dev set unless --data): answered right, answered wrong, right among
 * the choices, no answer, out-of-scope questions answered directly / refused, per kind; a
 * leave-FAQs-out run (questions whose FAQ is removed must not be answered); a learning run (half
 * of each FAQ’s questions recorded as alternates, measured on the other half); its questions typed
 * with diacritics, asked again without them. Optionally: a
 * sweep of the decision's thresholds, the same figures with the base grown by synthetic FAQs
 * and alternates (calibration must hold as the base grows), a dictionary ablation, and latency
 * with 1,000 and 10,000 FAQs.
 */
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  createMatcher,
  distractorFaqs,
  evaluateQuestions,
  evaluateSet,
  formatLeaveOut,
  grownSet,
  formatReport,
  formatUnaccented,
  learningRun,
  leaveOut,
  STARTER_GLOSSARY,
  STARTER_SYNONYMS,
  type FaqEntry,
  type MatcherOptions,
  type QaSet,
} from '../src/matching';
import { loadSet } from './qa-set';

const args = process.argv.slice(2);
const flag = (name: string): boolean => args.includes(`--${name}`);
const dataFlag = args.indexOf('--data');
const dataDir =
  dataFlag >= 0 && args[dataFlag + 1]
    ? args[dataFlag + 1]
    : join(import.meta.dirname, '../test/fixtures/qa-dev');

const set = loadSet(dataDir);
const dictionaries = { synonyms: STARTER_SYNONYMS, glossary: STARTER_GLOSSARY };
const print = (lines: string[]): void => console.log(`\n${lines.join('\n')}`);

const main = evaluateSet(set, dictionaries);
print(
  formatReport(
    `Matcher on ${set.faqs.length} FAQs, ${set.questions.length} questions (${dataDir})`,
    main,
  ),
);
if (flag('verbose')) console.log(main.misses.join('\n'));
print(formatLeaveOut(leaveOut(set, dictionaries)));
const learnt = learningRun(set, dictionaries);
print(
  formatReport(
    'Learning run (half of each FAQ’s questions added as alternates, measured on the other half)',
    learnt,
  ),
);
if (flag('verbose')) console.log(learnt.misses.join('\n'));
print(
  formatReport(
    'Grown to 2,000 FAQs by distractors written from the set’s words',
    evaluateSet(grownSet(set, 2_000), dictionaries),
  ),
);

print(formatUnaccented(`${set.faqs.length} FAQs (${dataDir})`, set, dictionaries));

if (flag('sweep')) sweep();
if (flag('growth')) growth();
if (flag('ablation')) ablation();
if (flag('bench')) for (const size of [1_000, 10_000]) benchmark(size);

/** One line per decision setting: right / wrong / right-or-choices / out of scope answered, refused. */
function sweep(): void {
  console.log(
    '\nSweep (answered right / WRONG / right or among choices / OOS answered / OOS refused / ' +
      'leave-out orphans answered / learning run right, wrong, OOS refused)',
  );
  const settings: MatcherOptions[] = [];
  for (const answerProbability of [0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95]) {
    settings.push({ answerProbability });
  }
  for (const minPhrasing of [0.2, 0.3, 0.4, 0.5]) settings.push({ minPhrasing });
  for (const minCoverage of [0.25, 0.35, 0.5, 0.6]) settings.push({ minCoverage });
  for (const minLead of [0, 0.1, 0.2, 0.3]) settings.push({ minLead });
  for (const choiceFloor of [0.05, 0.1, 0.15, 0.2]) settings.push({ choiceFloor });
  for (const choiceThreshold of [0.15, 0.2, 0.25, 0.3]) {
    for (const fieldThreshold of [0.3, 0.4, 0.5, 0.6])
      settings.push({ choiceThreshold, fieldThreshold });
  }
  for (const options of settings) {
    const m = createMatcher({ faqs: set.faqs, ...dictionaries, options });
    const r = evaluateQuestions((text) => m.match(text), set.questions);
    const s = r.inScope;
    const o = r.outOfScope;
    const p = (a: number, b: number): string => `${((100 * a) / b).toFixed(1)}`.padStart(5);
    const { orphans } = leaveOut(set, dictionaries, options);
    const l = learningRun(set, dictionaries, options);
    console.log(
      `  ${JSON.stringify(options).padEnd(46)} ${p(s.right, s.total)} ${p(s.wrong, s.total)} ` +
        `${p(s.right + s.choicesRight, s.total)} ${p(o.answered, o.total)} ${p(o.refused, o.total)} ` +
        `${p(orphans.answered, orphans.total)} ${p(l.inScope.right, l.inScope.total)} ` +
        `${p(l.inScope.wrong, l.inScope.total)} ${p(l.outOfScope.refused, l.outOfScope.total)}`,
    );
  }
}

// A declaration, not a const: --growth and --bench run above, before a const would exist.
function syntheticFaqs(size: number, alternates: number, seed = size): FaqEntry[] {
  return distractorFaqs(set, size, alternates, seed);
}

function growth(): void {
  for (const [size, alternates] of [
    [200, 0],
    [1000, 0],
    [1000, 3],
  ] as const) {
    const grown: QaSet = {
      faqs: [...set.faqs, ...syntheticFaqs(size, alternates)],
      questions: set.questions,
    };
    print(
      formatReport(
        `Grown by ${size} synthetic FAQs with ${alternates} alternates each`,
        evaluateSet(grown, dictionaries),
      ),
    );
  }
  // The real FAQs each with three alternates borrowed from distractor text: more phrasings to
  // match by chance, as a base with many recorded alternates has.
  const padded: QaSet = {
    faqs: set.faqs.map((f, i) => ({
      ...f,
      alternates: syntheticFaqs(3, 0, 7 + i).map((s) => s.question),
    })),
    questions: set.questions,
  };
  print(
    formatReport('Every FAQ with three unrelated alternates', evaluateSet(padded, dictionaries)),
  );
}

function ablation(): void {
  const half = <T>(list: readonly T[], parity: number): T[] =>
    list.filter((_, i) => i % 2 === parity);
  print(
    formatReport(
      'Without any synonyms or glossary',
      evaluateSet(set, { synonyms: [], glossary: [] }),
    ),
  );
  for (const parity of [0, 1]) {
    print(
      formatReport(
        `Only the ${parity === 0 ? 'even' : 'odd'} half of the synonyms and glossary`,
        evaluateSet(set, {
          synonyms: half(STARTER_SYNONYMS, parity),
          glossary: half(STARTER_GLOSSARY, parity),
        }),
      ),
    );
  }
}

function benchmark(size: number): void {
  const corpus = [...set.faqs, ...syntheticFaqs(size - set.faqs.length, 1)];
  const started = performance.now();
  const matcher = createMatcher({ faqs: corpus, ...dictionaries });
  const buildMs = performance.now() - started;
  const pass = (): number[] =>
    set.questions.map(({ q }) => {
      const t0 = performance.now();
      matcher.match(q);
      return performance.now() - t0;
    });
  const cold = pass().sort((a, b) => a - b);
  const times: number[] = [];
  for (let round = 0; round < 5; round++) times.push(...pass());
  times.sort((a, b) => a - b);
  const at = (list: number[], p: number): string =>
    list[Math.min(list.length - 1, Math.floor(p * list.length))].toFixed(2);
  const u0 = performance.now();
  matcher.upsert({ ...corpus[0], answer: `${corpus[0].answer} cập nhật` });
  const upsertMs = performance.now() - u0;
  console.log(
    `\n${size} FAQs: build ${buildMs.toFixed(0)} ms, match p50 ${at(times, 0.5)} ms, ` +
      `p95 ${at(times, 0.95)} ms, max ${at(times, 1)} ms; first pass p50 ${at(cold, 0.5)} ms, ` +
      `p95 ${at(cold, 0.95)} ms; upsert one ${upsertMs.toFixed(2)} ms ` +
      `(load average ${loadavg()[0].toFixed(1)})`,
  );
}
