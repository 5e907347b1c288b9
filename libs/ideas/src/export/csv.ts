import { stringify } from 'csv-stringify/sync';

/**
 * Records per RFC 4180 (fields quoted only when they hold a comma, quote, CR or LF; records ended
 * by CRLF), made safe to open in a spreadsheet: a cell that would run as a formula or a DDE
 * command (starting with = + - @, a tab or a CR) gets a leading `'`, so it shows as text.
 */
const DIALECT = {
  record_delimiter: 'windows',
  // With a record delimiter given, csv-stringify would quote only fields holding CRLF: a lone
  // CR or LF would then split the record for readers that take either as a line end.
  quote_record_delimiter: true,
  escape_formulas: true,
} as const;

/** The records of `rows`, each ended by CRLF. */
export function csvRecords(rows: string[][]): string {
  return stringify(rows, DIALECT);
}
