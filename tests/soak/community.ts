import { FaultPlatform, gql } from '../support/fault-services';
import { ok } from '../support/graphql-client';
import { SUBMIT } from '../support/ideas';
import { Community } from './traffic';

const THREADS = 10;
const IDEAS = 6;

const TOPICS = [
  'Voicemail stopped working after the update',
  'Roaming charges on my invoice',
  'How do I move my number to a new SIM?',
  'Wi-Fi calling drops after a minute',
  'Invoice shows a data bundle I did not order',
];

async function createBoard(
  url: string,
  token: string,
  slug: string,
  kind: 'QUESTIONS' | 'IDEAS',
): Promise<string> {
  const data = ok(
    await gql<{ createBoard: { id: string } }>(
      url,
      `mutation($input: CreateBoardInput!) { createBoard(input: $input) { id } }`,
      { input: { slug, name: `Soak ${slug}`, description: `Soak ${kind.toLowerCase()}`, kind } },
      token,
    ),
  );
  return data.createBoard.id;
}

/** A small community at `url`: members, a questions board with threads and answers, ideas. */
export async function createCommunity(
  platform: FaultPlatform,
  url: string,
  memberCount: number,
): Promise<Community> {
  const admin = await platform.member(url, 'ADMIN');
  const members = [];
  for (let i = 0; i < memberCount; i++) members.push(await platform.member(url));
  const questionBoardId = await createBoard(url, admin.token, 'soak-questions', 'QUESTIONS');
  const ideasBoardId = await createBoard(url, admin.token, 'soak-ideas', 'IDEAS');

  const community: Community = {
    members,
    questionBoardId,
    threadIds: [],
    ideaIds: [],
    answers: [],
  };
  for (let i = 0; i < THREADS; i++) {
    const asker = i % members.length;
    const thread = ok(
      await gql<{ askQuestion: { id: string } }>(
        url,
        `mutation($input: AskQuestionInput!) { askQuestion(input: $input) { id } }`,
        {
          input: {
            boardId: questionBoardId,
            title: `${TOPICS[i % TOPICS.length]} (${i + 1})`,
            body: 'It happens every day since last week. What can I try?',
          },
        },
        members[asker].token,
      ),
    ).askQuestion.id;
    community.threadIds.push(thread);
    const answerer = (asker + 1) % members.length;
    const answer = ok(
      await gql<{ postAnswer: { id: string } }>(
        url,
        `mutation($input: PostAnswerInput!) { postAnswer(input: $input) { id } }`,
        { input: { threadId: thread, body: 'Restart the phone and check the voicemail number.' } },
        members[answerer].token,
      ),
    ).postAnswer.id;
    community.answers.push({ id: answer, author: answerer });
  }
  for (let i = 0; i < IDEAS; i++) {
    const idea = ok(
      await gql<{ submitIdea: { id: string } }>(
        url,
        SUBMIT,
        {
          input: {
            boardId: ideasBoardId,
            title: `Soak idea ${i + 1}: eSIM for smartwatches`,
            body: 'Many customers would use it.',
            tags: [],
          },
        },
        members[i % members.length].token,
      ),
    ).submitIdea.id;
    community.ideaIds.push(idea);
  }
  return community;
}
