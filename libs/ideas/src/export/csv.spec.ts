import { parse } from 'csv-parse/sync';
import { csvRecords } from './csv';

/** One field as it is written inside a record. */
function csvField(value: string): string {
  return csvRecords([[value, '']]).slice(0, -',\r\n'.length);
}

describe('csvRecords: one field', () => {
  it('leaves plain text as it is', () => {
    expect(csvField('Dark mode for the app')).toBe('Dark mode for the app');
    expect(csvField('')).toBe('');
    expect(csvField('Zürich — 東京')).toBe('Zürich — 東京');
  });

  it('quotes a field holding a comma, a quote, a CR or an LF, doubling its quotes', () => {
    expect(csvField('red, green')).toBe('"red, green"');
    expect(csvField('the "best" idea')).toBe('"the ""best"" idea"');
    expect(csvField('line one\nline two')).toBe('"line one\nline two"');
    expect(csvField('line one\r\nline two')).toBe('"line one\r\nline two"');
  });

  it('neutralises every cell a spreadsheet would run as a formula with a leading quote', () => {
    expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-2')).toBe("'-2");
    expect(csvField('@cmd')).toBe("'@cmd");
    expect(csvField('\tindented')).toBe("'\tindented");
  });

  it('neutralises the full-width = + - @ that some spreadsheets read as their ASCII forms', () => {
    expect(csvField('＝SUM(A1)')).toBe("'＝SUM(A1)");
    expect(csvField('＠cmd')).toBe("'＠cmd");
  });

  it('neutralises first and quotes after, so a formula with a comma stays one inert cell', () => {
    expect(csvField('=HYPERLINK("http://evil", "x")')).toBe(
      `"'=HYPERLINK(""http://evil"", ""x"")"`,
    );
    expect(csvField('\rcmd')).toBe(`"'\rcmd"`);
  });

  it('leaves formula characters alone after the first position', () => {
    expect(csvField('a=b+c-d@e')).toBe('a=b+c-d@e');
  });
});

describe('csvRecords', () => {
  it('joins fields with commas and ends each record with CRLF', () => {
    expect(csvRecords([['id', 'title', 'votes']])).toBe('id,title,votes\r\n');
    expect(
      csvRecords([
        ['1', 'a'],
        ['2', 'b'],
      ]),
    ).toBe('1,a\r\n2,b\r\n');
  });

  it('reads back through a CSV parser as the same fields, formulas shown as text', () => {
    const hostile = ['a,b', 'say "hi"', 'one\r\ntwo\nthree\rfour', '=SUM(A1)', '@cmd', '東京'];
    const csv = csvRecords([
      ['n', ...hostile.map((_, i) => `f${i}`)],
      ['1', ...hostile],
    ]);
    const [, row] = parse(csv) as string[][];
    expect(row).toEqual([
      '1',
      'a,b',
      'say "hi"',
      'one\r\ntwo\nthree\rfour',
      "'=SUM(A1)",
      "'@cmd",
      '東京',
    ]);
  });
});
