import type { MetaDescriptor } from 'react-router';
import type { ForumAuthorFragment, ForumPostFragment } from '../graphql/generated/graphql';
import { htmlToText } from './plain-text';

interface QuestionData {
  title: string;
  bodyHtml: string;
  createdAt: string;
  answerCount: number;
  author: ForumAuthorFragment;
  acceptedSolution?: ForumPostFragment | null;
}

function person(origin: string, author: ForumAuthorFragment) {
  return {
    '@type': 'Person',
    name: author.displayName,
    url: `${origin}/members/${encodeURIComponent(author.handle)}`,
  };
}

function answer(origin: string, pageUrl: string, post: ForumPostFragment) {
  return {
    '@type': 'Answer',
    text: htmlToText(post.bodyHtml),
    upvoteCount: post.kudosCount,
    dateCreated: post.createdAt,
    author: person(origin, post.author),
    url: `${pageUrl}#answer-${post.id}`,
  };
}

/**
 * schema.org QAPage structured data (as search engines read Q&A pages): the question, its
 * accepted answer and the other answers shown on the page, kudos as upvotes.
 */
export function qaPageJsonLd(
  pageUrl: string,
  thread: QuestionData,
  otherAnswers: ForumPostFragment[],
): MetaDescriptor {
  const origin = new URL(pageUrl).origin;
  return {
    'script:ld+json': {
      '@context': 'https://schema.org',
      '@type': 'QAPage',
      mainEntity: {
        '@type': 'Question',
        name: thread.title,
        text: htmlToText(thread.bodyHtml),
        answerCount: thread.answerCount,
        dateCreated: thread.createdAt,
        author: person(origin, thread.author),
        ...(thread.acceptedSolution
          ? { acceptedAnswer: answer(origin, pageUrl, thread.acceptedSolution) }
          : {}),
        suggestedAnswer: otherAnswers.map((post) => answer(origin, pageUrl, post)),
      },
    },
  };
}
