import { idPages } from './id-pages';

const NIL_UUID = '00000000-0000-0000-0000-000000000000';

/** Ids 001..n in order, served a page at a time as a repository's `somethingPage` would. */
function pagesOf(count: number) {
  const ids = Array.from({ length: count }, (_, i) => `id-${String(i + 1).padStart(3, '0')}`);
  const fetchPage = jest.fn(async (after: string, limit: number) =>
    ids.filter((id) => after === NIL_UUID || id > after).slice(0, limit),
  );
  return { ids, fetchPage };
}

async function collect(pages: AsyncGenerator<string[]>): Promise<string[][]> {
  const seen: string[][] = [];
  for await (const page of pages) seen.push(page);
  return seen;
}

describe('idPages (a fan-out a page at a time)', () => {
  it('walks every id once, in order, each page starting after the last id of the one before', async () => {
    const { ids, fetchPage } = pagesOf(7);
    const pages = await collect(idPages(fetchPage, 3));
    expect(pages).toEqual([ids.slice(0, 3), ids.slice(3, 6), ids.slice(6)]);
    expect(fetchPage.mock.calls).toEqual([
      [NIL_UUID, 3],
      [ids[2], 3],
      [ids[5], 3],
    ]);
  });

  it('asks once more after a full last page, and yields no empty page', async () => {
    const { ids, fetchPage } = pagesOf(6);
    expect(await collect(idPages(fetchPage, 3))).toEqual([ids.slice(0, 3), ids.slice(3)]);
    expect(fetchPage).toHaveBeenCalledTimes(3);
  });

  it('yields nothing when there is no one', async () => {
    const { fetchPage } = pagesOf(0);
    expect(await collect(idPages(fetchPage))).toEqual([]);
    expect(fetchPage).toHaveBeenCalledWith(NIL_UUID, 1000);
  });

  it('holds one page at a time: the next is fetched only when the caller asks for it', async () => {
    const { fetchPage } = pagesOf(5);
    const pages = idPages(fetchPage, 2);
    await pages.next();
    expect(fetchPage).toHaveBeenCalledTimes(1);
    await pages.return(undefined);
    expect(fetchPage).toHaveBeenCalledTimes(1);
  });
});
