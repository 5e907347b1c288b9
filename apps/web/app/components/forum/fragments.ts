import { graphql } from '../../graphql/generated';

/** What a byline shows of a member: name, rank, and whether they speak for the company. */
export const ForumAuthorFields = graphql(`
  fragment ForumAuthor on User {
    id
    handle
    displayName
    rank
    role
  }
`);

/**
 * An answer as the thread page shows it, live ones included: body, kudos, the correction of
 * bad advice and the earlier versions, so that the page needs no second request for any of it.
 */
export const ForumPostFields = graphql(`
  fragment ForumPost on Post {
    id
    bodyHtml
    status
    createdAt
    editedAt
    kudosCount
    viewerHasGivenKudo
    isAcceptedSolution
    official
    author {
      ...ForumAuthor
    }
    correction {
      id
      noteHtml
      createdAt
      moderator {
        ...ForumAuthor
      }
    }
    revisions {
      id
      body
      reason
      createdAt
      editor {
        id
        displayName
      }
    }
  }
`);
