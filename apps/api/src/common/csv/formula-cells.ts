/**
 * CSV cells a spreadsheet would run as a formula ("CSV injection", OWASP): those beginning with
 * =, +, -, @, a tab or a carriage return. On export such a cell gets a leading single quote,
 * which spreadsheets read as "this is text"; on import the quote comes off again, so a file
 * exported and imported back is unchanged. A cell that already begins with quotes before such a
 * character gets one more quote too, so that it also comes back as it was.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const QUOTED_FORMULA_START = /^'+[=+\-@\t\r]/;

/** The cell as it may be written to a CSV file. */
export function quoteFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** The cell as it was before quoteFormula. */
export function unquoteFormula(cell: string): string {
  return QUOTED_FORMULA_START.test(cell) ? cell.slice(1) : cell;
}
