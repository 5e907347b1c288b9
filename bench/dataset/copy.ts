import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** A value of one column: null is NULL, arrays are text[] literals of plain words. */
export type CopyValue = string | number | boolean | null | readonly string[];

/** One table's rows, produced lazily in the order they are written. */
export interface TableRows {
  table: string;
  columns: readonly string[];
  /** About how many rows `rows` yields: the biggest tables are loaded first. */
  expectedRows: number;
  rows: () => Iterable<readonly CopyValue[]>;
}

const SPECIAL = /[\\\t\n\r]/;
const escapes: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A value in COPY's text format (tab-separated, backslash escapes, \N for NULL). */
function field(value: CopyValue): string {
  if (value === null) return '\\N';
  if (typeof value === 'string') {
    return SPECIAL.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => escapes[c]) : value;
  }
  if (typeof value === 'object') return field(`{${value.map((item) => `"${item}"`).join(',')}}`);
  return String(value);
}

/** Joins rows into chunks of about 64 KiB: one stream write per chunk, not per row. */
function* chunks(rows: Iterable<readonly CopyValue[]>): Generator<string> {
  let chunk = '';
  for (const row of rows) {
    chunk += `${row.map(field).join('\t')}\n`;
    if (chunk.length >= 65536) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/** Streams `rows` into the table with one COPY and returns how many rows it wrote. */
export async function copyRows(db: Client, { table, columns, rows }: TableRows): Promise<number> {
  const target = db.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  await pipeline(Readable.from(chunks(rows()), { objectMode: false }), target);
  return target.rowCount;
}
