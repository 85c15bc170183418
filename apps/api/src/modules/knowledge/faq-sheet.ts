/**
 * The tabular form of FAQs shared by CSV and XLSX: one row per FAQ, lists in one cell
 * separated by " | ". Pure functions: rows of cells in, import rows out, and back.
 */
import type { FaqImportRow } from '@gcm/domain';

export const SHEET_COLUMNS = [
  'id',
  'topic',
  'question',
  'alternates',
  'answer',
  'tags',
  'status',
  'question_en',
  'answer_en',
  'alternates_en',
  'sources',
  'needs_review',
] as const;

const LIST_COLUMNS = new Set(['alternates', 'tags', 'alternates_en', 'sources']);
const FIELD_OF: Record<string, string> = {
  question_en: 'questionEn',
  answer_en: 'answerEn',
  alternates_en: 'alternatesEn',
  needs_review: 'needsReview',
};
const BOOLEAN_COLUMNS = new Set(['needs_review']);
const LIST_SEPARATOR = ' | ';

export interface SheetProblem {
  row: number;
  message: string;
}

/** Turns a header row and data rows into import rows (plain objects, validated later). */
export function rowsFromSheet(
  header: string[],
  body: string[][],
): { rows: Record<string, unknown>[]; problem?: SheetProblem } {
  const columns = header.map((h) => h.trim().toLowerCase());
  const unknown = columns.filter((c) => c && !(SHEET_COLUMNS as readonly string[]).includes(c));
  if (unknown.length) {
    return {
      rows: [],
      problem: {
        row: 1,
        message: `unknown column(s) ${unknown.join(', ')}; allowed: ${SHEET_COLUMNS.join(', ')}`,
      },
    };
  }
  const missing = ['topic', 'question', 'answer'].filter((c) => !columns.includes(c));
  if (missing.length)
    return { rows: [], problem: { row: 1, message: `missing column(s) ${missing.join(', ')}` } };
  const rows = body.map((cells) => {
    const row: Record<string, unknown> = {};
    columns.forEach((column, i) => {
      const cell = (cells[i] ?? '').trim();
      if (!column || cell === '') return;
      row[FIELD_OF[column] ?? column] = LIST_COLUMNS.has(column)
        ? cell
            .split('|')
            .map((v) => v.trim())
            .filter(Boolean)
        : BOOLEAN_COLUMNS.has(column)
          ? parseBoolean(cell)
          : cell;
    });
    return row;
  });
  return { rows };
}

/** One sheet row per FAQ, in SHEET_COLUMNS order. */
export function sheetFromRows(rows: FaqImportRow[]): string[][] {
  return [
    [...SHEET_COLUMNS],
    ...rows.map((row) =>
      SHEET_COLUMNS.map((column) => {
        const value = (row as unknown as Record<string, unknown>)[FIELD_OF[column] ?? column];
        if (Array.isArray(value)) return value.join(LIST_SEPARATOR);
        if (typeof value === 'boolean') return value ? 'true' : '';
        return (value as string | undefined) ?? '';
      }),
    ),
  ];
}

/** "true", "yes", "x", "1", "có" mean true; anything else is passed on for validation to refuse. */
function parseBoolean(cell: string): unknown {
  const value = cell.toLowerCase();
  if (['true', 'yes', 'x', '1', 'có'].includes(value)) return true;
  if (['false', 'no', '0', 'không'].includes(value)) return false;
  return cell;
}
