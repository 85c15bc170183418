import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error';
import { type CsvTableSpec, readCsvTable as sut } from './csv-table';

const spec: CsvTableSpec = {
  columns: ['code', 'name', 'note'],
  required: ['code', 'name'],
  maxRows: 2,
  rowName: { one: 'unit', many: 'units' },
};

function refusal(csv: unknown): AppError {
  try {
    sut(csv, spec);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('the file was accepted');
}

describe('readCsvTable', () => {
  it('gives the rows with their lines, header names lower-cased, cells trimmed and in NFC', () => {
    const decomposed = 'Phu\u031Bo\u031B\u0300ng'; // "Phường" with combining marks
    const table = sut(`\uFEFFCode,Name\r\n P-1 , ${decomposed} \r\n\r\nP-2,Hai\r\n`, spec);

    expect(table.columns).toEqual(['code', 'name']);
    expect(table.rows).toEqual([
      { line: 2, cells: ['P-1', 'Phường'] },
      { line: 3, cells: ['P-2', 'Hai'] },
    ]);
  });

  it('refuses an empty file, saying what to send', () => {
    const error = refusal('  \n');

    expect(error.code).toBe('csv_invalid');
    expect(error.status).toBe(400);
    expect(error.details).toEqual([
      { line: 1, message: 'The file is empty: send a header line and at least one unit.' },
    ]);
  });

  it('lists every unknown and missing column of the header', () => {
    expect(refusal('code,ma\nP-1,x').details).toEqual([
      { line: 1, field: 'ma', message: 'unknown column "ma"; allowed: code, name, note' },
      { line: 1, field: 'name', message: 'missing required column "name"' },
    ]);
  });

  it('refuses a header without rows, and more rows than allowed', () => {
    expect(refusal('code,name\n').details).toEqual([
      { line: 2, message: 'The file has a header but no units.' },
    ]);
    expect(refusal('code,name\na,1\nb,2\nc,3').details).toEqual([
      { line: 4, message: 'At most 2 units per file.' },
    ]);
  });

  it('refuses a file it cannot read, on the line of the problem', () => {
    const error = refusal('code,name\nP-1,"not closed\n');

    expect(error.details).toEqual([
      { line: expect.any(Number), message: expect.stringMatching(/^The CSV cannot be read here/) },
    ]);
  });
});
