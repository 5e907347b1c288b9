// The GraphQL documents the scenarios send: what the site's pages ask for.

const AUTHOR = `fragment Author on User { id handle displayName rank role }`;
const ANSWER = `fragment Answer on Post {
  id bodyHtml status createdAt editedAt kudosCount viewerHasGivenKudo isAcceptedSolution official
  author { ...Author }
  correction { id noteHtml createdAt moderator { ...Author } }
}`;

/**
 * The thread page as apps/web's thread route asks for it (less the earlier versions of each
 * answer): the thread, its accepted solution, the first 20 answers with their authors and
 * corrections, and who is looking. The ceiling answers the same JSON.
 */
export const THREAD_PAGE = `query ThreadPage($id: ID!) {
  viewer { id role }
  thread(id: $id) {
    id title bodyHtml tags status contentStatus createdAt answerCount viewerIsSubscribed
    board { id slug name }
    author { ...Author }
    acceptedSolution { ...Answer }
    answers(first: 20) { edges { node { ...Answer } } pageInfo { hasNextPage endCursor } }
  }
}
${ANSWER}
${AUTHOR}`;

/** A page of the thread list, newest activity first, as a board page shows it. */
export const THREAD_LIST = `query ThreadList($after: String) {
  threads(first: 20, after: $after) {
    totalCount
    edges { node { id title status answerCount lastActivityAt tags author { handle rank } board { name } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export const SEARCH = `query Search($q: String!) {
  search(query: $q, first: 20) {
    totalCount
    edges { node { score highlight thread { id title status answerCount } post { id } } }
  }
}`;

export const SIMILAR_THREADS = `query Similar($title: String!) {
  similarThreads(title: $title) { id title status answerCount }
}`;

export const MODERATION_QUEUE = `{
  moderationQueue(first: 20) {
    totalCount
    edges { node {
      id kind status priority reasons createdAt
      flags { reason reporter { handle } }
      target { __typename ... on Post { id bodyHtml author { handle } } ... on Thread { id title } }
    } }
  }
}`;

export const IDEAS = `query Ideas($order: IdeaOrder!) {
  ideas(orderBy: $order, first: 20) {
    totalCount
    edges { node { id title status voteCount viewerHasVoted createdAt author { handle } } }
  }
}`;

export const PRODUCT_REVIEWS = `query Reviews($id: ID!) {
  product(id: $id) {
    name ratingAverage ratingCount ratingHistogram
    reviews(first: 20, orderBy: MOST_HELPFUL) {
      edges { node { rating title bodyHtml helpfulCount createdAt author { handle rank } } }
    }
  }
}`;

export const CARE_INBOX = `{
  careInbox(first: 20) {
    totalCount
    edges { node { id number subject status priority firstResponseDueAt slaBreached member { handle } } }
  }
}`;

export const POST_ANSWER = `mutation PostAnswer($input: PostAnswerInput!) {
  postAnswer(input: $input) { id }
}`;

export const GIVE_KUDO = `mutation GiveKudo($postId: ID!) { giveKudo(postId: $postId) { id kudosCount } }`;
export const REMOVE_KUDO = `mutation RemoveKudo($postId: ID!) { removeKudo(postId: $postId) { id kudosCount } }`;
export const VOTE_IDEA = `mutation VoteIdea($ideaId: ID!) { voteIdea(ideaId: $ideaId) { id voteCount } }`;
export const UNVOTE_IDEA = `mutation UnvoteIdea($ideaId: ID!) { unvoteIdea(ideaId: $ideaId) { id voteCount } }`;

export const SET_IDEA_STATUS = `mutation SetIdeaStatus($input: SetIdeaStatusInput!) {
  setIdeaStatus(input: $input) { id status }
}`;

export const LOGIN = `mutation Login($email: String!, $password: String!) {
  login(input: { email: $email, password: $password }) { token }
}`;
