import { createApi } from '../apps/api/src/create-api';
import { seed } from '../apps/cli/src/seed';
import { ok } from './support/graphql-client';
import { TestApp } from './support/test-app';

/** `npm run seed`: demo data through the public API, once. */
describe('the demo data', () => {
  const app = new TestApp();

  beforeAll(() => app.start());
  afterAll(() => app.stop());

  const runSeed = async (): Promise<void> => {
    const api = await createApi();
    try {
      await seed(api, app.databaseUrl);
    } finally {
      await api.close();
    }
  };

  it('holds boards, an answered thread, an idea and a reviewed product, and is written once', async () => {
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    await runSeed();
    await runSeed();
    expect(log).toHaveBeenLastCalledWith('The database already has the demo data.');
    log.mockRestore();

    const data = ok(
      await app.gql<{
        boards: Array<{ slug: string }>;
        threads: { edges: Array<{ node: { title: string; status: string } }> };
        ideas: { edges: Array<{ node: { title: string; voteCount: number } }> };
        products: {
          edges: Array<{ node: { name: string; ratingCount: number; ratingAverage: number } }>;
        };
      }>(
        `query {
          boards { slug }
          threads { edges { node { title status } } }
          ideas { edges { node { title voteCount } } }
          products { edges { node { name ratingCount ratingAverage } } }
        }`,
      ),
    );
    expect(data.boards.map((board) => board.slug).sort()).toEqual(['devices', 'help', 'ideas']);
    expect(data.threads.edges.map((edge) => edge.node)).toContainEqual({
      title: 'How do I turn on roaming in Spain?',
      status: 'SOLVED',
    });
    expect(data.ideas.edges.map((edge) => edge.node)).toEqual([
      { title: 'Let me pause my plan while travelling', voteCount: 2 },
    ]);
    expect(data.products.edges.map((edge) => edge.node)).toEqual([
      { name: 'Phone X1', ratingCount: 1, ratingAverage: 4 },
    ]);
  });
});
