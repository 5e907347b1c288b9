import { textTable } from './text-table';

describe('textTable', () => {
  it('aligns every column to its widest cell, under a header and a rule', () => {
    expect(
      textTable(
        ['role', 'email'],
        [
          ['ADMIN', 'admin@example.com'],
          ['PRODUCT_MANAGER', 'p@example.com'],
        ],
      ),
    ).toEqual([
      '  role             email',
      '  ───────────────  ─────────────────',
      '  ADMIN            admin@example.com',
      '  PRODUCT_MANAGER  p@example.com',
    ]);
  });
});
