import { errorCode, ok } from './support/graphql-client';
import { Member, TestApp } from './support/test-app';

const PREVIEW = `query($body: String!) { previewMarkdown(body: $body) }`;
const POSTED = `query($id: ID!) { node(id: $id) { ... on Post { bodyHtml } } }`;

describe('previewing markdown while writing', () => {
  const app = new TestApp();
  let member: Member;
  let boardId: string;

  beforeAll(async () => {
    await app.start();
    const admin = await app.member('ADMIN');
    boardId = await app.board(admin);
    member = await app.member();
  });
  afterAll(() => app.stop());

  async function preview(body: string): Promise<string> {
    return ok(await app.gql<{ previewMarkdown: string }>(PREVIEW, { body }, member.token))
      .previewMarkdown;
  }

  it('shows exactly the HTML that the posted answer shows', async () => {
    const body = 'Press **9**, then see [the guide](https://example.com/guide).\n\n- one\n- two';
    const threadId = await app.ask(member, boardId, 'Where is the voicemail guide?');
    const answerer = await app.member();
    const postId = await app.answer(answerer, threadId, body);
    const posted = ok(await app.gql<{ node: { bodyHtml: string } }>(POSTED, { id: postId }));
    expect(await preview(body)).toBe(posted.node.bodyHtml);
    expect(await preview(body)).toContain('rel="nofollow ugc noopener noreferrer"');
  });

  it('leaves out scripts, event handlers and javascript: links, as stored posts do', async () => {
    const html = await preview(
      '<script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1))',
    );
    expect(html).not.toMatch(/<script|<img[^>]*onerror|href="javascript:/i);
    expect(html).toContain('&lt;script&gt;');
  });

  it('previews an empty body as nothing, and refuses one longer than a post may be', async () => {
    expect(await preview('')).toBe('');
    const tooLong = await app.gql(PREVIEW, { body: 'x'.repeat(50_001) }, member.token);
    expect(errorCode(tooLong)).toBe('BAD_USER_INPUT');
    expect(tooLong.errors?.[0].extensions?.field).toBe('body');
  });

  it('is for members, who are the ones writing', async () => {
    expect(errorCode(await app.gql(PREVIEW, { body: 'hello' }))).toBe('UNAUTHENTICATED');
  });
});
