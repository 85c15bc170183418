import { describe, expect, it } from 'vitest';
import {
  calibrationError,
  emptyCalibration,
  learningRun,
  recordChance,
  seededRandom,
} from './evaluation';
import type { MatchResult } from './types';
import type { QaSet } from './evaluation';

const faq = (id: string, question: string) => ({ id, question, alternates: [], answer: question });

const SET: QaSet = {
  faqs: [
    faq('visa', 'Gia hạn thị thực ở Hàn Quốc cần giấy tờ gì?'),
    faq('passport', 'Bị mất hộ chiếu ở nước ngoài thì phải làm gì?'),
  ],
  questions: [
    ...['gia han visa han quoc', 'visa hết hạn ở hàn', 'xin gia hạn thị thực', 'gia hạn visa'].map(
      (q) => ({ q, expect: 'visa', kind: 'paraphrase' }),
    ),
    ...['mat ho chieu', 'mất passport', 'làm mất hộ chiếu bên nhật'].map((q) => ({
      q,
      expect: 'passport',
      kind: 'paraphrase',
    })),
    { q: 'giá vàng hôm nay', expect: null, kind: 'out_of_scope' },
  ],
};
const dictionaries = { synonyms: [], glossary: [] };

describe('the learning run', () => {
  it('learns half of each FAQ’s questions (rounded up) and measures the rest and every out-of-scope question', () => {
    const report = learningRun(SET, dictionaries);
    expect(report.inScope.total).toBe(2 + 1);
    expect(report.outOfScope.total).toBe(1);
  });

  it('draws its split from numbers that repeat with the seed and change with it', () => {
    const a = seededRandom(14);
    const b = seededRandom(14);
    const c = seededRandom(15);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect([c(), c(), c()]).not.toEqual(first);
    for (const x of first) expect(x >= 0 && x < 1).toBe(true);
  });
});

describe('calibration of the chance', () => {
  const said = (chance: number, best: string): MatchResult => ({
    status: 'ambiguous',
    best: { id: best, confidence: 0.5 },
    confidence: 0.5,
    chance,
    suggestions: [],
    inField: true,
    locale: 'vi',
  });

  it('is 0 when the chance said is the share that was right in every band', () => {
    const calibration = emptyCalibration();
    // Said 75% four times, right three times out of four.
    for (const best of ['a', 'a', 'a', 'b']) recordChance(calibration, said(0.75, best), 'a');
    expect(calibrationError(calibration)).toBeCloseTo(0, 10);
  });

  it('is the gap between the chance said and the share right, weighted by questions', () => {
    const calibration = emptyCalibration();
    // Said 90% four times, right twice (gap 40 points); said 10% once, wrong (gap 10 points).
    for (const best of ['a', 'a', 'b', 'b']) recordChance(calibration, said(0.9, best), 'a');
    recordChance(calibration, said(0.1, 'b'), 'a');
    expect(calibrationError(calibration)).toBeCloseTo((4 * 0.4 + 1 * 0.1) / 5, 10);
  });

  it('counts a question no FAQ answers as never right, and ignores results without a chance', () => {
    const calibration = emptyCalibration();
    recordChance(calibration, said(0.3, 'a'), null);
    recordChance(calibration, { ...said(0.3, 'a'), chance: undefined }, 'a');
    const band = calibration.bands[1];
    expect(band).toEqual({ count: 1, said: 0.3, right: 0 });
  });
});
