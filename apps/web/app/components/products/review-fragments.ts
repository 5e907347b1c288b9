import { graphql } from '../../graphql/generated';

/** What a product page shows of each review. */
export const ReviewItem = graphql(`
  fragment ReviewItem on Review {
    id
    title
    bodyHtml
    rating
    helpfulCount
    viewerFoundHelpful
    createdAt
    status
    author {
      id
      handle
      displayName
    }
  }
`);
