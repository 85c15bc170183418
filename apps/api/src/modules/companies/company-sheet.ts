import { ErrorCode } from '@gcm/domain';
import { CsvError } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { parseCsv } from '../../common/csv/csv-table';
import { AppError } from '../../common/errors/app-error';

const unreadable = (message: string) =>
  new AppError(ErrorCode.CsvInvalid, 400, message, [{ line: 1, message }]);

/** A CSV text as rows of cells. */
export function tableFromCsv(csv: unknown): string[][] {
  if (typeof csv !== 'string' || csv.trim() === '') {
    throw unreadable('The file is empty: send a header line and the companies.');
  }
  try {
    return parseCsv(csv);
  } catch (error) {
    const detail = error instanceof CsvError ? error.message : String(error);
    throw unreadable(`The CSV cannot be read here: ${detail}`);
  }
}

/**
 * The first sheet of an XLSX workbook as rows of cells. The ministry's sheet often has a title
 * above the table: rows before the one holding a "name" header are left out by the caller's
 * header check, so the header is looked for in the first ten rows here.
 */
export async function tableFromXlsx(body: unknown, isHeader: (cells: string[]) => boolean) {
  if (!Buffer.isBuffer(body) || body.length === 0) {
    throw unreadable('Send the XLSX file as the request body.');
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
  } catch {
    throw unreadable('The file is not a readable XLSX workbook.');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw unreadable('The workbook has no sheet.');
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      const value = cell.value;
      cells[column - 1] =
        value instanceof Date ? value.toISOString().slice(0, 10) : cell.text.normalize('NFC');
    });
    table.push(Array.from(cells, (c) => c ?? ''));
  });
  const start = table.slice(0, 10).findIndex(isHeader);
  return start > 0 ? table.slice(start) : table;
}
