/** Reads an evaluation set folder (faqs.json, questions.json) as the matcher's evaluation takes it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FaqEntry, QaQuestion, QaSet } from '../src/matching';

export function loadSet(dir: string): QaSet {
  const raw = JSON.parse(readFileSync(join(dir, 'faqs.json'), 'utf8')) as Partial<FaqEntry>[];
  const faqs = raw.map((f) => ({
    id: String(f.id),
    question: String(f.question ?? ''),
    alternates: f.alternates ?? [],
    answer: String(f.answer ?? ''),
    topic: f.topic,
    tags: f.tags,
    questionEn: f.questionEn,
    answerEn: f.answerEn,
    alternatesEn: f.alternatesEn,
  }));
  const questions = JSON.parse(readFileSync(join(dir, 'questions.json'), 'utf8')) as QaQuestion[];
  return { faqs, questions };
}
