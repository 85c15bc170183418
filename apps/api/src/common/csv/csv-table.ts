import { type CsvRowError, ErrorCode } from '@gcm/domain';
import { CsvError, parse } from 'csv-parse/sync';
import { AppError } from '../errors/app-error';

/** A CSV import refused, all or nothing: `details` holds one `{ line, field?, message }` each. */
export function csvInvalid(errors: CsvRowError[]): AppError {
  return new AppError(
    ErrorCode.CsvInvalid,
    400,
    `The CSV has ${errors.length} problem(s); nothing was imported. Fix the listed lines and try again.`,
    errors,
  );
}

/**
 * The rows of cells of an uploaded CSV text, as the unit, contact and company imports read it:
 * in NFC, without the byte-order mark and blank lines, cells trimmed, rows of any length.
 * Throws csv-parse's errors.
 */
export function parseCsv(csv: string): string[][] {
  return parse(csv.normalize('NFC'), {
    bom: true,
    trim: true,
    skip_empty_lines: true,
    relax_column_count: true,
  });
}

/** What a CSV import accepts: its columns (header names, any case), the ones it needs, how many rows. */
export interface CsvTableSpec {
  columns: readonly string[];
  required: readonly string[];
  maxRows: number;
  /** What one row is, for the messages: `{ one: 'unit', many: 'units' }`. */
  rowName: { one: string; many: string };
}

export interface CsvTable {
  /** The header's names, lower-cased, in the file's order. */
  columns: string[];
  /** The rows under the header, with their line in the file (the header is line 1). */
  rows: { line: number; cells: string[] }[];
}

/**
 * Reads an uploaded CSV text (UTF-8, NFC, byte-order mark and blank lines dropped, cells
 * trimmed) and checks its header and size; an empty or unreadable file, an unknown or missing
 * column, no rows or too many is refused with `csvInvalid`. The rows' values are the caller's.
 */
export function readCsvTable(csv: unknown, spec: CsvTableSpec): CsvTable {
  const { one, many } = spec.rowName;
  if (typeof csv !== 'string' || csv.trim() === '') {
    throw csvInvalid([
      { line: 1, message: `The file is empty: send a header line and at least one ${one}.` },
    ]);
  }
  let records: string[][];
  try {
    records = parseCsv(csv);
  } catch (error) {
    const line =
      error instanceof CsvError ? Number((error as CsvError & { lines?: number }).lines ?? 1) : 1;
    throw csvInvalid([
      { line, message: `The CSV cannot be read here: ${(error as Error).message}` },
    ]);
  }
  const [header = [], ...body] = records;
  const columns = header.map((h) => h.toLowerCase());
  const known = new Set(spec.columns);
  const headerErrors: CsvRowError[] = [
    ...columns
      .filter((c) => !known.has(c))
      .map((c) => ({
        line: 1,
        field: c,
        message: `unknown column "${c}"; allowed: ${spec.columns.join(', ')}`,
      })),
    ...spec.required
      .filter((c) => !columns.includes(c))
      .map((c) => ({ line: 1, field: c, message: `missing required column "${c}"` })),
  ];
  if (headerErrors.length) throw csvInvalid(headerErrors);
  if (body.length === 0) {
    throw csvInvalid([{ line: 2, message: `The file has a header but no ${many}.` }]);
  }
  if (body.length > spec.maxRows) {
    throw csvInvalid([
      { line: spec.maxRows + 2, message: `At most ${spec.maxRows} ${many} per file.` },
    ]);
  }
  return { columns, rows: body.map((cells, index) => ({ line: index + 2, cells })) };
}
