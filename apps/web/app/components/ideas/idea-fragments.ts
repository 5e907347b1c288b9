import { graphql } from '../../graphql/generated';

/** What a list of ideas shows of each: enough for its line, its badge and its vote button. */
export const IdeaSummary = graphql(`
  fragment IdeaSummary on Idea {
    id
    title
    status
    voteCount
    viewerHasVoted
    createdAt
    author {
      handle
      displayName
    }
  }
`);
