// The question matcher's quality, through the same code path as POST /api/v1/assistant/ask:
// for each question set (the dev set, the qa-tune set and the frozen set when they are there;
// the first two labelled "(tuning)", the frozen one "(measurement)"), imports its
// faqs.json into a fresh database (published), asks every question over HTTP and prints the
// three outcomes: answered right, answered wrong, right among the choices, no answer; out-of-scope
// questions answered directly or refused; per kind. Then, in process with the same matcher and
// dictionaries, how often the right FAQ is ranked first or among the first three, the
// leave-FAQs-out run (questions whose FAQ is removed must not be answered) and
// the learning run (half of each FAQ's questions, drawn with a fixed seed, added as alternates,
// measured on the other half) and the base grown to 2,000 FAQs by distractors. Each report ends
// with how well the answers' `chance` agrees with what happened (calibration, by band). Last,
// the set's questions typed with diacritics, asked as typed and again without diacritics.
//   pnpm eval:qa            (QA_DIRS=dir1,dir2 overrides the sets)
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  evaluateQuestions,
  evaluateSet,
  formatLeaveOut,
  formatReport,
  formatUnaccented,
  grownSet,
  learningRun,
  leaveOut,
  STARTER_GLOSSARY,
  STARTER_SYNONYMS,
} from '@gcm/domain';
import { askQuestion, startBenchApp } from './harness.mjs';

const fixtures = path.resolve(import.meta.dirname, '../../../packages/domain/test/fixtures');
const dirs = (
  process.env.QA_DIRS ??
  process.env.QA_DEV_DIR ??
  ['qa-dev', 'qa-tune', 'qa-frozen'].map((set) => path.join(fixtures, set)).join(',')
)
  .split(',')
  .filter((dir) => existsSync(path.join(dir, 'faqs.json')));
const dictionaries = { synonyms: STARTER_SYNONYMS, glossary: STARTER_GLOSSARY };

for (const dir of dirs) {
  const faqs = JSON.parse(readFileSync(path.join(dir, 'faqs.json'), 'utf8'));
  const questions = JSON.parse(readFileSync(path.join(dir, 'questions.json'), 'utf8'));
  const name = path.basename(dir);
  // Only the frozen set measures; the others are for tuning and their misses are printed.
  const label = `${name} ${name === 'qa-frozen' ? '(measurement)' : '(tuning)'}`;
  const bench = await startBenchApp();
  try {
    const imported = await bench.editorFetch(
      '/api/v1/knowledge/faqs/import?defaultStatus=published',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(faqs),
      },
    );
    const report = await imported.json();
    if (!imported.ok || report.rejected)
      throw new Error(`import failed: ${JSON.stringify(report)}`);
    const keyOf = new Map(report.rows.map((row) => [row.id, faqs[row.row - 1].id]));
    // Answers in question order; the evaluation reads them as the matcher's results.
    const answers = new Map();
    for (const q of questions) answers.set(q.q, await askQuestion(bench.url, q.q));
    const asResult = (text) => {
      const res = answers.get(text);
      const best = res.faq ? { id: keyOf.get(res.faq.id), confidence: res.confidence } : undefined;
      return {
        status: res.status,
        best,
        confidence: res.confidence,
        chance: res.chance,
        suggestions: res.suggestions.map((s) => ({
          id: keyOf.get(s.id),
          confidence: s.confidence,
        })),
        inField: res.inField,
        locale: res.locale,
      };
    };
    const http = evaluateQuestions(asResult, questions);
    console.log(
      formatReport(
        `QA eval, ${label}: ${faqs.length} FAQs, ${questions.length} questions, through POST /assistant/ask (database: ${bench.mode})`,
        http,
      ).join('\n'),
    );
    if (name !== 'qa-frozen' && http.misses.length) console.log(http.misses.join('\n'));
  } finally {
    await bench.close();
  }
  const set = {
    faqs: faqs.map((f) => ({ ...f, id: String(f.id), alternates: f.alternates ?? [] })),
    questions,
  };
  // The ranking, whatever the outcome: how often the right FAQ comes first, or in the first three.
  const { inScope: ranked } = evaluateSet(set, dictionaries);
  const share = (n) => `${((100 * n) / ranked.total).toFixed(1)}%`;
  console.log(
    `Ranking (in process, ${ranked.total} in-scope questions): right FAQ first ${share(ranked.rankedFirst)}, ` +
      `among the first three ${share(ranked.rankedTop3)}`,
  );
  console.log(formatLeaveOut(leaveOut(set, dictionaries)).join('\n'));
  console.log(
    formatReport(
      `Learning run, ${label} (half of each FAQ's questions as alternates, measured on the other half)`,
      learningRun(set, dictionaries),
    ).join('\n'),
  );
  console.log(
    formatReport(
      `Grown to 2,000 FAQs, ${label} (distractor FAQs written from the set's words)`,
      evaluateSet(grownSet(set, 2_000), dictionaries),
    ).join('\n'),
  );
  console.log(formatUnaccented(label, set, dictionaries).join('\n'));
  console.log('');
}
