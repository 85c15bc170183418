/** Drops the byte-order mark that spreadsheet programs put at the start of UTF-8 files. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A CSV file to download (a template): the lines joined with CRLF, as a `data:` address. */
export function csvDataHref(lines: readonly string[]): string {
  const csv = lines.join('\r\n') + '\r\n';
  return `data:text/csv;charset=utf-8,${encodeURIComponent(csv)}`;
}
