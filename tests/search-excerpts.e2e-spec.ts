import { ok } from './support/graphql-client';
import { Member, TestApp } from './support/test-app';

const SEARCH = `query($query: String!, $boardId: ID) {
  search(query: $query, boardId: $boardId) { edges { node { highlight post { id } } } }
}`;
const EDIT = `mutation($input: EditPostInput!) { editPost(input: $input) { id } }`;

interface SearchResult {
  search: { edges: Array<{ node: { highlight: string; post: { id: string } | null } }> };
}

/** Markdown syntax that must never reach an excerpt: emphasis, code spans and fences, links. */
const MARKDOWN_SYNTAX = /\*\*|`|\]\(|https?:|^#|_\w/m;

/** Search excerpts quote the text as readers see it on the page, not the markdown source. */
describe('search excerpts', () => {
  const app = new TestApp();
  let admin: Member;
  let member: Member;
  let boardId: string;

  beforeAll(async () => {
    await app.start();
    admin = await app.member('ADMIN');
    member = await app.member();
    boardId = await app.board(admin);
  });
  afterAll(() => app.stop());

  async function highlights(query: string): Promise<string[]> {
    const data = ok(await app.gql<SearchResult>(SEARCH, { query, boardId }));
    return data.search.edges.map((edge) => edge.node.highlight);
  }

  it('show a question without its emphasis, code and link syntax', async () => {
    const data = ok(
      await app.gql<{ askQuestion: { id: string } }>(
        `mutation($input: AskQuestionInput!) { askQuestion(input: $input) { id } }`,
        {
          input: {
            boardId,
            title: 'Resetting a stubborn modem',
            body: 'My **modem** hangs. I ran `reset --hard` and read [the _modem_ manual](https://example.com/modem).\n\n```\nmodem status\n```',
          },
        },
        member.token,
      ),
    );
    expect(data.askQuestion.id).toBeTruthy();

    const [excerpt] = await highlights('modem');
    expect(excerpt).toContain('My <mark>modem</mark> hangs');
    expect(excerpt).toContain('reset --hard');
    expect(excerpt).toContain('the <mark>modem</mark> manual');
    expect(excerpt).not.toMatch(MARKDOWN_SYNTAX);
  });

  it('show an answer as rendered, also after it is edited', async () => {
    const threadId = await app.ask(member, boardId, 'Which cable fits the wall socket?');
    const postId = await app.answer(member, threadId, 'Use the **grey** cable.');
    const [first] = await highlights('grey');
    expect(first).toBe('Use the <mark>grey</mark> cable.');

    ok(
      await app.gql(
        EDIT,
        {
          input: {
            postId,
            body: 'Use the *grey* cable, see `ethernet` [here](https://x.example).',
          },
        },
        member.token,
      ),
    );
    const [edited] = await highlights('grey');
    expect(edited).toBe('Use the <mark>grey</mark> cable, see ethernet here.');
  });
});
