// CSV per RFC 4180, made safe to open in a spreadsheet.

/** Cells a spreadsheet would evaluate as a formula (or as a DDE command) start with one of these. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Fields holding one of these must be quoted. */
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One field: a would-be formula is neutralised with a leading `'` (spreadsheets then show it as
 * text), and a field with a comma, quote, CR or LF is quoted with its quotes doubled.
 */
export function csvField(value: string): string {
  const inert = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(inert) ? `"${inert.replaceAll('"', '""')}"` : inert;
}

/** One record: its fields separated by commas, ended by CRLF. */
export function csvRecord(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}
