import { RequestLoaders, Transactions } from '@app/core';
import { MediumTest } from '@test/medium';
import { ForumModule } from '../forum.module';
import { BoardKind } from '../forum.enums';
import { BoardsService } from './boards.service';

describe('Boards on the real database', () => {
  const medium = new MediumTest();
  let boards: BoardsService;

  beforeAll(async () => {
    await medium.start([ForumModule]);
    boards = medium.get(BoardsService);
  });
  afterAll(() => medium.stop());

  const input = (slug: string, name = 'Routers') => ({
    slug,
    name: `  ${name} `,
    description: ' Wires and lights ',
    kind: BoardKind.QUESTIONS,
  });

  it('creates a board, and refuses a taken slug with CONFLICT', async () => {
    const board = await boards.create(input('routers'));
    expect(board).toMatchObject({ slug: 'routers', name: 'Routers', threadCount: 0 });
    await expect(boards.create(input('routers', 'Other'))).rejects.toMatchObject({
      extensions: { code: 'CONFLICT' },
    });
  });

  it('lists boards by name, finds one by slug, tells its kind and loads many in one batch', async () => {
    const b = await boards.create({ ...input('b-ideas', 'B ideas'), kind: BoardKind.IDEAS });
    const a = await boards.create(input('a-help', 'A help'));
    const names = (await boards.list()).map((board) => board.name);
    expect(names.indexOf('A help')).toBeLessThan(names.indexOf('B ideas'));
    expect((await boards.findBySlug('a-help'))?.id).toBe(a.id);
    expect(await boards.findBySlug('nope')).toBeNull();
    expect(await boards.kindOf(b.id)).toBe(BoardKind.IDEAS);
    expect(await boards.kindOf('0b000000-0000-4000-8000-000000000000')).toBeNull();
    const loaders = new RequestLoaders();
    const loaded = await Promise.all([boards.load(loaders, a.id), boards.load(loaders, b.id)]);
    expect(loaded.map((board) => board?.id)).toEqual([a.id, b.id]);
  });

  it("moves a board's count of published threads in the caller's transaction", async () => {
    const board = await boards.create(input('counted'));
    const transactions = medium.get(Transactions);
    await transactions.run((tx) => boards.countPublished(tx, board.id, 2));
    await transactions.run((tx) => boards.countPublished(tx, board.id, -1));
    expect((await boards.findBySlug('counted'))?.threadCount).toBe(1);
  });
});
