import { ok } from './graphql-client';
import { Member, TestApp } from './test-app';

export const SUBMIT = `mutation($input: SubmitIdeaInput!) {
  submitIdea(input: $input) { id voteCount viewerHasVoted status contentStatus: status }
}`;
export const VOTE = `mutation($id: ID!) { voteIdea(ideaId: $id) { id voteCount viewerHasVoted } }`;
export const UNVOTE = `mutation($id: ID!) { unvoteIdea(ideaId: $id) { id voteCount viewerHasVoted } }`;
export const SET_STATUS = `mutation($input: SetIdeaStatusInput!) { setIdeaStatus(input: $input) { id status statusNote } }`;
export const MERGE = `mutation($input: MergeIdeaInput!) { mergeIdea(input: $input) { id voteCount } }`;

/** Submits an idea and returns its ID. */
export async function submitIdea(
  app: TestApp,
  member: Member,
  boardId: string,
  title: string,
  body = 'It would help a lot of customers.',
  tags: string[] = [],
): Promise<string> {
  const data = ok(
    await app.gql<{ submitIdea: { id: string } }>(
      SUBMIT,
      { input: { boardId, title, body, tags } },
      member.token,
    ),
  );
  return data.submitIdea.id;
}
