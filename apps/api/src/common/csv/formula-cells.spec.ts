import { describe, expect, it } from 'vitest';
import { quoteFormula as sut, unquoteFormula } from './formula-cells';

describe('quoteFormula', () => {
  it('quotes cells a spreadsheet would run as a formula', () => {
    for (const cell of ['=1+1', '+84 912', '-2', '@SUM(A1)', '\t=1', '\r=1'])
      expect(sut(cell)).toBe(`'${cell}`);
  });

  it('leaves other cells alone, an apostrophe before text included', () => {
    for (const cell of ['Hộ chiếu', '', ' =1', "'text", "l'eau", 'a=b'])
      expect(sut(cell)).toBe(cell);
  });

  it('comes back unchanged through unquoteFormula, cells quoted before included', () => {
    for (const cell of ['=1+1', "'=1+1", "''-2", "'text", 'Hộ chiếu', "'", ''])
      expect(unquoteFormula(sut(cell))).toBe(cell);
  });

  it('takes a quote a person typed before a formula as meaning text', () => {
    expect(unquoteFormula("'=1+1")).toBe('=1+1');
  });
});
