/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment ForumAuthor on User {\n    id\n    handle\n    displayName\n    rank\n    role\n  }\n": typeof types.ForumAuthorFragmentDoc,
    "\n  fragment ForumPost on Post {\n    id\n    bodyHtml\n    status\n    createdAt\n    editedAt\n    kudosCount\n    viewerHasGivenKudo\n    isAcceptedSolution\n    official\n    author {\n      ...ForumAuthor\n    }\n    correction {\n      id\n      noteHtml\n      createdAt\n      moderator {\n        ...ForumAuthor\n      }\n    }\n    revisions {\n      id\n      body\n      reason\n      createdAt\n      editor {\n        id\n        displayName\n      }\n    }\n  }\n": typeof types.ForumPostFragmentDoc,
    "\n  subscription ThreadActivity($threadId: ID!) {\n    threadActivity(threadId: $threadId) {\n      ...ForumPost\n    }\n  }\n": typeof types.ThreadActivityDocument,
    "\n  fragment IdeaSummary on Idea {\n    id\n    title\n    status\n    voteCount\n    viewerHasVoted\n    createdAt\n    author {\n      handle\n      displayName\n    }\n  }\n": typeof types.IdeaSummaryFragmentDoc,
    "\n  subscription NotificationAdded {\n    notificationAdded {\n      id\n    }\n  }\n": typeof types.NotificationAddedDocument,
    "\n  fragment ReviewItem on Review {\n    id\n    title\n    bodyHtml\n    rating\n    helpfulCount\n    viewerFoundHelpful\n    createdAt\n    status\n    author {\n      id\n      handle\n      displayName\n    }\n  }\n": typeof types.ReviewItemFragmentDoc,
    "\n  query PreviewMarkdown($body: String!) {\n    previewMarkdown(body: $body)\n  }\n": typeof types.PreviewMarkdownDocument,
    "\n  query SitemapPages($size: Int!) {\n    sitemapPages(size: $size) {\n      after\n      threadCount\n      lastActivityAt\n    }\n  }\n": typeof types.SitemapPagesDocument,
    "\n  query SitemapThreads($after: String, $size: Int!) {\n    sitemapThreads(after: $after, size: $size) {\n      threads {\n        id\n        lastActivityAt\n      }\n      endCursor\n      hasNextPage\n    }\n  }\n": typeof types.SitemapThreadsDocument,
    "\n  mutation PostAnswer($input: PostAnswerInput!) {\n    postAnswer(input: $input) {\n      id\n    }\n  }\n": typeof types.PostAnswerDocument,
    "\n  mutation GiveKudo($postId: ID!) {\n    giveKudo(postId: $postId) {\n      id\n    }\n  }\n": typeof types.GiveKudoDocument,
    "\n  mutation RemoveKudo($postId: ID!) {\n    removeKudo(postId: $postId) {\n      id\n    }\n  }\n": typeof types.RemoveKudoDocument,
    "\n  mutation AcceptSolution($postId: ID!) {\n    acceptSolution(postId: $postId) {\n      id\n    }\n  }\n": typeof types.AcceptSolutionDocument,
    "\n  mutation UnacceptSolution($threadId: ID!) {\n    unacceptSolution(threadId: $threadId) {\n      id\n    }\n  }\n": typeof types.UnacceptSolutionDocument,
    "\n  mutation FollowThread($targetId: ID!) {\n    subscribe(targetId: $targetId)\n  }\n": typeof types.FollowThreadDocument,
    "\n  mutation UnfollowThread($targetId: ID!) {\n    unsubscribe(targetId: $targetId)\n  }\n": typeof types.UnfollowThreadDocument,
    "\n  mutation FlagContent($input: FlagInput!) {\n    flag(input: $input) {\n      id\n    }\n  }\n": typeof types.FlagContentDocument,
    "\n  query Viewer {\n    viewer {\n      id\n      handle\n      displayName\n    }\n    unreadNotificationCount\n  }\n": typeof types.ViewerDocument,
    "\n  query AskBoards {\n    boards {\n      id\n      slug\n      name\n      kind\n    }\n  }\n": typeof types.AskBoardsDocument,
    "\n  mutation AskQuestion($input: AskQuestionInput!) {\n    askQuestion(input: $input) {\n      id\n    }\n  }\n": typeof types.AskQuestionDocument,
    "\n  query BoardPage($slug: String!) {\n    board(slug: $slug) {\n      id\n      slug\n      name\n      description\n      kind\n    }\n  }\n": typeof types.BoardPageDocument,
    "\n  query BoardThreads($filter: ThreadFilter!, $after: String) {\n    threads(filter: $filter, first: 20, after: $after, orderBy: LAST_ACTIVITY) {\n      edges {\n        node {\n          id\n          title\n          answerCount\n          status\n          lastActivityAt\n          tags\n          author {\n            displayName\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n": typeof types.BoardThreadsDocument,
    "\n  mutation RecordDeflection($threadId: ID!) {\n    recordDeflection(threadId: $threadId)\n  }\n": typeof types.RecordDeflectionDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": typeof types.RequestPasswordResetDocument,
    "\n  query Home {\n    boards {\n      id\n      slug\n      name\n      description\n      kind\n      threadCount\n    }\n    active: threads(first: 5, orderBy: LAST_ACTIVITY) {\n      edges {\n        node {\n          id\n          title\n          answerCount\n          status\n          lastActivityAt\n        }\n      }\n    }\n    solved: threads(first: 5, orderBy: LAST_ACTIVITY, filter: { status: SOLVED }) {\n      edges {\n        node {\n          id\n          title\n          answerCount\n          status\n          lastActivityAt\n        }\n      }\n    }\n  }\n": typeof types.HomeDocument,
    "\n  mutation VoteIdea($ideaId: ID!) {\n    idea: voteIdea(ideaId: $ideaId) {\n      id\n      title\n      status\n      voteCount\n      viewerHasVoted\n    }\n  }\n": typeof types.VoteIdeaDocument,
    "\n  mutation UnvoteIdea($ideaId: ID!) {\n    idea: unvoteIdea(ideaId: $ideaId) {\n      id\n      title\n      status\n      voteCount\n      viewerHasVoted\n    }\n  }\n": typeof types.UnvoteIdeaDocument,
    "\n  query IdeaPage($id: ID!, $after: String) {\n    idea(id: $id) {\n      ...IdeaSummary\n      bodyHtml\n      statusNote\n      mergedInto {\n        id\n        title\n        status\n      }\n      board {\n        slug\n        name\n      }\n      comments(first: 20, after: $after) {\n        totalCount\n        edges {\n          node {\n            id\n            bodyHtml\n            createdAt\n            status\n            author {\n              handle\n              displayName\n            }\n          }\n        }\n        pageInfo {\n          endCursor\n          hasNextPage\n        }\n      }\n    }\n  }\n": typeof types.IdeaPageDocument,
    "\n  mutation CommentOnIdea($ideaId: ID!, $body: String!) {\n    commentOnIdea(ideaId: $ideaId, body: $body) {\n      id\n    }\n  }\n": typeof types.CommentOnIdeaDocument,
    "\n  query IdeaBoard($slug: String!) {\n    board(slug: $slug) {\n      id\n      slug\n      name\n      description\n      kind\n    }\n  }\n": typeof types.IdeaBoardDocument,
    "\n  query BoardIdeas($boardId: ID!, $orderBy: IdeaOrder!, $after: String) {\n    ideas(filter: { boardId: $boardId }, orderBy: $orderBy, first: 20, after: $after) {\n      totalCount\n      edges {\n        node {\n          ...IdeaSummary\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.BoardIdeasDocument,
    "\n  query NewIdea($title: String!, $withSimilar: Boolean!) {\n    boards {\n      id\n      slug\n      name\n      kind\n    }\n    similarIdeas(title: $title, first: 5) @include(if: $withSimilar) {\n      ...IdeaSummary\n    }\n  }\n": typeof types.NewIdeaDocument,
    "\n  mutation SubmitIdea($input: SubmitIdeaInput!) {\n    submitIdea(input: $input) {\n      id\n    }\n  }\n": typeof types.SubmitIdeaDocument,
    "\n  query IdeaBoards {\n    boards {\n      id\n      slug\n      name\n      description\n      kind\n      threadCount\n    }\n  }\n": typeof types.IdeaBoardsDocument,
    "\n  query Member($handle: String!) {\n    user(handle: $handle) {\n      id\n      handle\n      displayName\n      rank\n      reputation\n      role\n      acceptedSolutionCount\n      createdAt\n      recentAnswers(first: 5) {\n        id\n        createdAt\n        kudosCount\n        isAcceptedSolution\n        thread {\n          id\n          title\n        }\n      }\n    }\n  }\n": typeof types.MemberDocument,
    "\n  query Notifications($first: Int!, $after: String) {\n    notifications(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          kind\n          message\n          createdAt\n          readAt\n          subject {\n            __typename\n            id\n            ... on Post {\n              thread {\n                id\n              }\n            }\n            ... on Comment {\n              idea {\n                id\n              }\n            }\n            ... on Review {\n              product {\n                id\n              }\n            }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    unreadNotificationCount\n  }\n": typeof types.NotificationsDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n": typeof types.MarkNotificationsReadDocument,
    "\n  query ProductPage($id: ID!, $orderBy: ReviewOrder!, $after: String) {\n    product(id: $id) {\n      id\n      name\n      description\n      ratingAverage\n      ratingCount\n      ratingHistogram\n      reviews(first: 10, orderBy: $orderBy, after: $after) {\n        totalCount\n        edges {\n          node {\n            ...ReviewItem\n          }\n        }\n        pageInfo {\n          endCursor\n          hasNextPage\n        }\n      }\n    }\n  }\n": typeof types.ProductPageDocument,
    "\n  mutation WriteReview($input: WriteReviewInput!) {\n    writeReview(input: $input) {\n      id\n    }\n  }\n": typeof types.WriteReviewDocument,
    "\n  mutation MarkReviewHelpful($reviewId: ID!) {\n    markReviewHelpful(reviewId: $reviewId) {\n      id\n      helpfulCount\n      viewerFoundHelpful\n    }\n  }\n": typeof types.MarkReviewHelpfulDocument,
    "\n  query Products($after: String) {\n    products(first: 20, after: $after) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          description\n          ratingAverage\n          ratingCount\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.ProductsDocument,
    "\n  mutation ResetPassword($token: String!, $password: String!) {\n    resetPassword(token: $token, password: $password) {\n      token\n    }\n  }\n": typeof types.ResetPasswordDocument,
    "\n  query Search($query: String!, $first: Int!, $after: String, $withCount: Boolean!) {\n    search(query: $query, first: $first, after: $after) {\n      totalCount @include(if: $withCount)\n      edges {\n        node {\n          highlight\n          post {\n            id\n          }\n          thread {\n            id\n            title\n            status\n            answerCount\n            lastActivityAt\n            board {\n              name\n              slug\n            }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.SearchDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      token\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": typeof types.SignOutDocument,
    "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      token\n    }\n  }\n": typeof types.RegisterDocument,
    "\n  query SimilarThreads($title: String!) {\n    similarThreads(title: $title, first: 5) {\n      id\n      title\n      status\n      answerCount\n    }\n  }\n": typeof types.SimilarThreadsDocument,
    "\n  query ThreadPage($id: ID!, $order: AnswerOrder!, $after: String) {\n    viewer {\n      id\n      role\n    }\n    thread(id: $id) {\n      id\n      title\n      bodyHtml\n      tags\n      status\n      contentStatus\n      createdAt\n      answerCount\n      viewerIsSubscribed\n      board {\n        id\n        slug\n        name\n      }\n      author {\n        ...ForumAuthor\n      }\n      acceptedSolution {\n        ...ForumPost\n      }\n      answers(first: 20, after: $after, orderBy: $order) {\n        edges {\n          node {\n            ...ForumPost\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.ThreadPageDocument,
};
const documents: Documents = {
    "\n  fragment ForumAuthor on User {\n    id\n    handle\n    displayName\n    rank\n    role\n  }\n": types.ForumAuthorFragmentDoc,
    "\n  fragment ForumPost on Post {\n    id\n    bodyHtml\n    status\n    createdAt\n    editedAt\n    kudosCount\n    viewerHasGivenKudo\n    isAcceptedSolution\n    official\n    author {\n      ...ForumAuthor\n    }\n    correction {\n      id\n      noteHtml\n      createdAt\n      moderator {\n        ...ForumAuthor\n      }\n    }\n    revisions {\n      id\n      body\n      reason\n      createdAt\n      editor {\n        id\n        displayName\n      }\n    }\n  }\n": types.ForumPostFragmentDoc,
    "\n  subscription ThreadActivity($threadId: ID!) {\n    threadActivity(threadId: $threadId) {\n      ...ForumPost\n    }\n  }\n": types.ThreadActivityDocument,
    "\n  fragment IdeaSummary on Idea {\n    id\n    title\n    status\n    voteCount\n    viewerHasVoted\n    createdAt\n    author {\n      handle\n      displayName\n    }\n  }\n": types.IdeaSummaryFragmentDoc,
    "\n  subscription NotificationAdded {\n    notificationAdded {\n      id\n    }\n  }\n": types.NotificationAddedDocument,
    "\n  fragment ReviewItem on Review {\n    id\n    title\n    bodyHtml\n    rating\n    helpfulCount\n    viewerFoundHelpful\n    createdAt\n    status\n    author {\n      id\n      handle\n      displayName\n    }\n  }\n": types.ReviewItemFragmentDoc,
    "\n  query PreviewMarkdown($body: String!) {\n    previewMarkdown(body: $body)\n  }\n": types.PreviewMarkdownDocument,
    "\n  query SitemapPages($size: Int!) {\n    sitemapPages(size: $size) {\n      after\n      threadCount\n      lastActivityAt\n    }\n  }\n": types.SitemapPagesDocument,
    "\n  query SitemapThreads($after: String, $size: Int!) {\n    sitemapThreads(after: $after, size: $size) {\n      threads {\n        id\n        lastActivityAt\n      }\n      endCursor\n      hasNextPage\n    }\n  }\n": types.SitemapThreadsDocument,
    "\n  mutation PostAnswer($input: PostAnswerInput!) {\n    postAnswer(input: $input) {\n      id\n    }\n  }\n": types.PostAnswerDocument,
    "\n  mutation GiveKudo($postId: ID!) {\n    giveKudo(postId: $postId) {\n      id\n    }\n  }\n": types.GiveKudoDocument,
    "\n  mutation RemoveKudo($postId: ID!) {\n    removeKudo(postId: $postId) {\n      id\n    }\n  }\n": types.RemoveKudoDocument,
    "\n  mutation AcceptSolution($postId: ID!) {\n    acceptSolution(postId: $postId) {\n      id\n    }\n  }\n": types.AcceptSolutionDocument,
    "\n  mutation UnacceptSolution($threadId: ID!) {\n    unacceptSolution(threadId: $threadId) {\n      id\n    }\n  }\n": types.UnacceptSolutionDocument,
    "\n  mutation FollowThread($targetId: ID!) {\n    subscribe(targetId: $targetId)\n  }\n": types.FollowThreadDocument,
    "\n  mutation UnfollowThread($targetId: ID!) {\n    unsubscribe(targetId: $targetId)\n  }\n": types.UnfollowThreadDocument,
    "\n  mutation FlagContent($input: FlagInput!) {\n    flag(input: $input) {\n      id\n    }\n  }\n": types.FlagContentDocument,
    "\n  query Viewer {\n    viewer {\n      id\n      handle\n      displayName\n    }\n    unreadNotificationCount\n  }\n": types.ViewerDocument,
    "\n  query AskBoards {\n    boards {\n      id\n      slug\n      name\n      kind\n    }\n  }\n": types.AskBoardsDocument,
    "\n  mutation AskQuestion($input: AskQuestionInput!) {\n    askQuestion(input: $input) {\n      id\n    }\n  }\n": types.AskQuestionDocument,
    "\n  query BoardPage($slug: String!) {\n    board(slug: $slug) {\n      id\n      slug\n      name\n      description\n      kind\n    }\n  }\n": types.BoardPageDocument,
    "\n  query BoardThreads($filter: ThreadFilter!, $after: String) {\n    threads(filter: $filter, first: 20, after: $after, orderBy: LAST_ACTIVITY) {\n      edges {\n        node {\n          id\n          title\n          answerCount\n          status\n          lastActivityAt\n          tags\n          author {\n            displayName\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n": types.BoardThreadsDocument,
    "\n  mutation RecordDeflection($threadId: ID!) {\n    recordDeflection(threadId: $threadId)\n  }\n": types.RecordDeflectionDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": types.RequestPasswordResetDocument,
    "\n  query Home {\n    boards {\n      id\n      slug\n      name\n      description\n      kind\n      threadCount\n    }\n    active: threads(first: 5, orderBy: LAST_ACTIVITY) {\n      edges {\n        node {\n          id\n          title\n          answerCount\n          status\n          lastActivityAt\n        }\n      }\n    }\n    solved: threads(first: 5, orderBy: LAST_ACTIVITY, filter: { status: SOLVED }) {\n      edges {\n        node {\n          id\n          title\n          answerCount\n          status\n          lastActivityAt\n        }\n      }\n    }\n  }\n": types.HomeDocument,
    "\n  mutation VoteIdea($ideaId: ID!) {\n    idea: voteIdea(ideaId: $ideaId) {\n      id\n      title\n      status\n      voteCount\n      viewerHasVoted\n    }\n  }\n": types.VoteIdeaDocument,
    "\n  mutation UnvoteIdea($ideaId: ID!) {\n    idea: unvoteIdea(ideaId: $ideaId) {\n      id\n      title\n      status\n      voteCount\n      viewerHasVoted\n    }\n  }\n": types.UnvoteIdeaDocument,
    "\n  query IdeaPage($id: ID!, $after: String) {\n    idea(id: $id) {\n      ...IdeaSummary\n      bodyHtml\n      statusNote\n      mergedInto {\n        id\n        title\n        status\n      }\n      board {\n        slug\n        name\n      }\n      comments(first: 20, after: $after) {\n        totalCount\n        edges {\n          node {\n            id\n            bodyHtml\n            createdAt\n            status\n            author {\n              handle\n              displayName\n            }\n          }\n        }\n        pageInfo {\n          endCursor\n          hasNextPage\n        }\n      }\n    }\n  }\n": types.IdeaPageDocument,
    "\n  mutation CommentOnIdea($ideaId: ID!, $body: String!) {\n    commentOnIdea(ideaId: $ideaId, body: $body) {\n      id\n    }\n  }\n": types.CommentOnIdeaDocument,
    "\n  query IdeaBoard($slug: String!) {\n    board(slug: $slug) {\n      id\n      slug\n      name\n      description\n      kind\n    }\n  }\n": types.IdeaBoardDocument,
    "\n  query BoardIdeas($boardId: ID!, $orderBy: IdeaOrder!, $after: String) {\n    ideas(filter: { boardId: $boardId }, orderBy: $orderBy, first: 20, after: $after) {\n      totalCount\n      edges {\n        node {\n          ...IdeaSummary\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.BoardIdeasDocument,
    "\n  query NewIdea($title: String!, $withSimilar: Boolean!) {\n    boards {\n      id\n      slug\n      name\n      kind\n    }\n    similarIdeas(title: $title, first: 5) @include(if: $withSimilar) {\n      ...IdeaSummary\n    }\n  }\n": types.NewIdeaDocument,
    "\n  mutation SubmitIdea($input: SubmitIdeaInput!) {\n    submitIdea(input: $input) {\n      id\n    }\n  }\n": types.SubmitIdeaDocument,
    "\n  query IdeaBoards {\n    boards {\n      id\n      slug\n      name\n      description\n      kind\n      threadCount\n    }\n  }\n": types.IdeaBoardsDocument,
    "\n  query Member($handle: String!) {\n    user(handle: $handle) {\n      id\n      handle\n      displayName\n      rank\n      reputation\n      role\n      acceptedSolutionCount\n      createdAt\n      recentAnswers(first: 5) {\n        id\n        createdAt\n        kudosCount\n        isAcceptedSolution\n        thread {\n          id\n          title\n        }\n      }\n    }\n  }\n": types.MemberDocument,
    "\n  query Notifications($first: Int!, $after: String) {\n    notifications(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          kind\n          message\n          createdAt\n          readAt\n          subject {\n            __typename\n            id\n            ... on Post {\n              thread {\n                id\n              }\n            }\n            ... on Comment {\n              idea {\n                id\n              }\n            }\n            ... on Review {\n              product {\n                id\n              }\n            }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    unreadNotificationCount\n  }\n": types.NotificationsDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n": types.MarkNotificationsReadDocument,
    "\n  query ProductPage($id: ID!, $orderBy: ReviewOrder!, $after: String) {\n    product(id: $id) {\n      id\n      name\n      description\n      ratingAverage\n      ratingCount\n      ratingHistogram\n      reviews(first: 10, orderBy: $orderBy, after: $after) {\n        totalCount\n        edges {\n          node {\n            ...ReviewItem\n          }\n        }\n        pageInfo {\n          endCursor\n          hasNextPage\n        }\n      }\n    }\n  }\n": types.ProductPageDocument,
    "\n  mutation WriteReview($input: WriteReviewInput!) {\n    writeReview(input: $input) {\n      id\n    }\n  }\n": types.WriteReviewDocument,
    "\n  mutation MarkReviewHelpful($reviewId: ID!) {\n    markReviewHelpful(reviewId: $reviewId) {\n      id\n      helpfulCount\n      viewerFoundHelpful\n    }\n  }\n": types.MarkReviewHelpfulDocument,
    "\n  query Products($after: String) {\n    products(first: 20, after: $after) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          description\n          ratingAverage\n          ratingCount\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.ProductsDocument,
    "\n  mutation ResetPassword($token: String!, $password: String!) {\n    resetPassword(token: $token, password: $password) {\n      token\n    }\n  }\n": types.ResetPasswordDocument,
    "\n  query Search($query: String!, $first: Int!, $after: String, $withCount: Boolean!) {\n    search(query: $query, first: $first, after: $after) {\n      totalCount @include(if: $withCount)\n      edges {\n        node {\n          highlight\n          post {\n            id\n          }\n          thread {\n            id\n            title\n            status\n            answerCount\n            lastActivityAt\n            board {\n              name\n              slug\n            }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.SearchDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      token\n    }\n  }\n": types.LoginDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": types.SignOutDocument,
    "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      token\n    }\n  }\n": types.RegisterDocument,
    "\n  query SimilarThreads($title: String!) {\n    similarThreads(title: $title, first: 5) {\n      id\n      title\n      status\n      answerCount\n    }\n  }\n": types.SimilarThreadsDocument,
    "\n  query ThreadPage($id: ID!, $order: AnswerOrder!, $after: String) {\n    viewer {\n      id\n      role\n    }\n    thread(id: $id) {\n      id\n      title\n      bodyHtml\n      tags\n      status\n      contentStatus\n      createdAt\n      answerCount\n      viewerIsSubscribed\n      board {\n        id\n        slug\n        name\n      }\n      author {\n        ...ForumAuthor\n      }\n      acceptedSolution {\n        ...ForumPost\n      }\n      answers(first: 20, after: $after, orderBy: $order) {\n        edges {\n          node {\n            ...ForumPost\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.ThreadPageDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ForumAuthor on User {\n    id\n    handle\n    displayName\n    rank\n    role\n  }\n"): (typeof documents)["\n  fragment ForumAuthor on User {\n    id\n    handle\n    displayName\n    rank\n    role\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ForumPost on Post {\n    id\n    bodyHtml\n    status\n    createdAt\n    editedAt\n    kudosCount\n    viewerHasGivenKudo\n    isAcceptedSolution\n    official\n    author {\n      ...ForumAuthor\n    }\n    correction {\n      id\n      noteHtml\n      createdAt\n      moderator {\n        ...ForumAuthor\n      }\n    }\n    revisions {\n      id\n      body\n      reason\n      createdAt\n      editor {\n        id\n        displayName\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment ForumPost on Post {\n    id\n    bodyHtml\n    status\n    createdAt\n    editedAt\n    kudosCount\n    viewerHasGivenKudo\n    isAcceptedSolution\n    official\n    author {\n      ...ForumAuthor\n    }\n    correction {\n      id\n      noteHtml\n      createdAt\n      moderator {\n        ...ForumAuthor\n      }\n    }\n    revisions {\n      id\n      body\n      reason\n      createdAt\n      editor {\n        id\n        displayName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ThreadActivity($threadId: ID!) {\n    threadActivity(threadId: $threadId) {\n      ...ForumPost\n    }\n  }\n"): (typeof documents)["\n  subscription ThreadActivity($threadId: ID!) {\n    threadActivity(threadId: $threadId) {\n      ...ForumPost\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment IdeaSummary on Idea {\n    id\n    title\n    status\n    voteCount\n    viewerHasVoted\n    createdAt\n    author {\n      handle\n      displayName\n    }\n  }\n"): (typeof documents)["\n  fragment IdeaSummary on Idea {\n    id\n    title\n    status\n    voteCount\n    viewerHasVoted\n    createdAt\n    author {\n      handle\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription NotificationAdded {\n    notificationAdded {\n      id\n    }\n  }\n"): (typeof documents)["\n  subscription NotificationAdded {\n    notificationAdded {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReviewItem on Review {\n    id\n    title\n    bodyHtml\n    rating\n    helpfulCount\n    viewerFoundHelpful\n    createdAt\n    status\n    author {\n      id\n      handle\n      displayName\n    }\n  }\n"): (typeof documents)["\n  fragment ReviewItem on Review {\n    id\n    title\n    bodyHtml\n    rating\n    helpfulCount\n    viewerFoundHelpful\n    createdAt\n    status\n    author {\n      id\n      handle\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PreviewMarkdown($body: String!) {\n    previewMarkdown(body: $body)\n  }\n"): (typeof documents)["\n  query PreviewMarkdown($body: String!) {\n    previewMarkdown(body: $body)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SitemapPages($size: Int!) {\n    sitemapPages(size: $size) {\n      after\n      threadCount\n      lastActivityAt\n    }\n  }\n"): (typeof documents)["\n  query SitemapPages($size: Int!) {\n    sitemapPages(size: $size) {\n      after\n      threadCount\n      lastActivityAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SitemapThreads($after: String, $size: Int!) {\n    sitemapThreads(after: $after, size: $size) {\n      threads {\n        id\n        lastActivityAt\n      }\n      endCursor\n      hasNextPage\n    }\n  }\n"): (typeof documents)["\n  query SitemapThreads($after: String, $size: Int!) {\n    sitemapThreads(after: $after, size: $size) {\n      threads {\n        id\n        lastActivityAt\n      }\n      endCursor\n      hasNextPage\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PostAnswer($input: PostAnswerInput!) {\n    postAnswer(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation PostAnswer($input: PostAnswerInput!) {\n    postAnswer(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GiveKudo($postId: ID!) {\n    giveKudo(postId: $postId) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation GiveKudo($postId: ID!) {\n    giveKudo(postId: $postId) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveKudo($postId: ID!) {\n    removeKudo(postId: $postId) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveKudo($postId: ID!) {\n    removeKudo(postId: $postId) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptSolution($postId: ID!) {\n    acceptSolution(postId: $postId) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptSolution($postId: ID!) {\n    acceptSolution(postId: $postId) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnacceptSolution($threadId: ID!) {\n    unacceptSolution(threadId: $threadId) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation UnacceptSolution($threadId: ID!) {\n    unacceptSolution(threadId: $threadId) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FollowThread($targetId: ID!) {\n    subscribe(targetId: $targetId)\n  }\n"): (typeof documents)["\n  mutation FollowThread($targetId: ID!) {\n    subscribe(targetId: $targetId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnfollowThread($targetId: ID!) {\n    unsubscribe(targetId: $targetId)\n  }\n"): (typeof documents)["\n  mutation UnfollowThread($targetId: ID!) {\n    unsubscribe(targetId: $targetId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FlagContent($input: FlagInput!) {\n    flag(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation FlagContent($input: FlagInput!) {\n    flag(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer {\n      id\n      handle\n      displayName\n    }\n    unreadNotificationCount\n  }\n"): (typeof documents)["\n  query Viewer {\n    viewer {\n      id\n      handle\n      displayName\n    }\n    unreadNotificationCount\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AskBoards {\n    boards {\n      id\n      slug\n      name\n      kind\n    }\n  }\n"): (typeof documents)["\n  query AskBoards {\n    boards {\n      id\n      slug\n      name\n      kind\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AskQuestion($input: AskQuestionInput!) {\n    askQuestion(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AskQuestion($input: AskQuestionInput!) {\n    askQuestion(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BoardPage($slug: String!) {\n    board(slug: $slug) {\n      id\n      slug\n      name\n      description\n      kind\n    }\n  }\n"): (typeof documents)["\n  query BoardPage($slug: String!) {\n    board(slug: $slug) {\n      id\n      slug\n      name\n      description\n      kind\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BoardThreads($filter: ThreadFilter!, $after: String) {\n    threads(filter: $filter, first: 20, after: $after, orderBy: LAST_ACTIVITY) {\n      edges {\n        node {\n          id\n          title\n          answerCount\n          status\n          lastActivityAt\n          tags\n          author {\n            displayName\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query BoardThreads($filter: ThreadFilter!, $after: String) {\n    threads(filter: $filter, first: 20, after: $after, orderBy: LAST_ACTIVITY) {\n      edges {\n        node {\n          id\n          title\n          answerCount\n          status\n          lastActivityAt\n          tags\n          author {\n            displayName\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordDeflection($threadId: ID!) {\n    recordDeflection(threadId: $threadId)\n  }\n"): (typeof documents)["\n  mutation RecordDeflection($threadId: ID!) {\n    recordDeflection(threadId: $threadId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"): (typeof documents)["\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Home {\n    boards {\n      id\n      slug\n      name\n      description\n      kind\n      threadCount\n    }\n    active: threads(first: 5, orderBy: LAST_ACTIVITY) {\n      edges {\n        node {\n          id\n          title\n          answerCount\n          status\n          lastActivityAt\n        }\n      }\n    }\n    solved: threads(first: 5, orderBy: LAST_ACTIVITY, filter: { status: SOLVED }) {\n      edges {\n        node {\n          id\n          title\n          answerCount\n          status\n          lastActivityAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Home {\n    boards {\n      id\n      slug\n      name\n      description\n      kind\n      threadCount\n    }\n    active: threads(first: 5, orderBy: LAST_ACTIVITY) {\n      edges {\n        node {\n          id\n          title\n          answerCount\n          status\n          lastActivityAt\n        }\n      }\n    }\n    solved: threads(first: 5, orderBy: LAST_ACTIVITY, filter: { status: SOLVED }) {\n      edges {\n        node {\n          id\n          title\n          answerCount\n          status\n          lastActivityAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VoteIdea($ideaId: ID!) {\n    idea: voteIdea(ideaId: $ideaId) {\n      id\n      title\n      status\n      voteCount\n      viewerHasVoted\n    }\n  }\n"): (typeof documents)["\n  mutation VoteIdea($ideaId: ID!) {\n    idea: voteIdea(ideaId: $ideaId) {\n      id\n      title\n      status\n      voteCount\n      viewerHasVoted\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnvoteIdea($ideaId: ID!) {\n    idea: unvoteIdea(ideaId: $ideaId) {\n      id\n      title\n      status\n      voteCount\n      viewerHasVoted\n    }\n  }\n"): (typeof documents)["\n  mutation UnvoteIdea($ideaId: ID!) {\n    idea: unvoteIdea(ideaId: $ideaId) {\n      id\n      title\n      status\n      voteCount\n      viewerHasVoted\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IdeaPage($id: ID!, $after: String) {\n    idea(id: $id) {\n      ...IdeaSummary\n      bodyHtml\n      statusNote\n      mergedInto {\n        id\n        title\n        status\n      }\n      board {\n        slug\n        name\n      }\n      comments(first: 20, after: $after) {\n        totalCount\n        edges {\n          node {\n            id\n            bodyHtml\n            createdAt\n            status\n            author {\n              handle\n              displayName\n            }\n          }\n        }\n        pageInfo {\n          endCursor\n          hasNextPage\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query IdeaPage($id: ID!, $after: String) {\n    idea(id: $id) {\n      ...IdeaSummary\n      bodyHtml\n      statusNote\n      mergedInto {\n        id\n        title\n        status\n      }\n      board {\n        slug\n        name\n      }\n      comments(first: 20, after: $after) {\n        totalCount\n        edges {\n          node {\n            id\n            bodyHtml\n            createdAt\n            status\n            author {\n              handle\n              displayName\n            }\n          }\n        }\n        pageInfo {\n          endCursor\n          hasNextPage\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CommentOnIdea($ideaId: ID!, $body: String!) {\n    commentOnIdea(ideaId: $ideaId, body: $body) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CommentOnIdea($ideaId: ID!, $body: String!) {\n    commentOnIdea(ideaId: $ideaId, body: $body) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IdeaBoard($slug: String!) {\n    board(slug: $slug) {\n      id\n      slug\n      name\n      description\n      kind\n    }\n  }\n"): (typeof documents)["\n  query IdeaBoard($slug: String!) {\n    board(slug: $slug) {\n      id\n      slug\n      name\n      description\n      kind\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BoardIdeas($boardId: ID!, $orderBy: IdeaOrder!, $after: String) {\n    ideas(filter: { boardId: $boardId }, orderBy: $orderBy, first: 20, after: $after) {\n      totalCount\n      edges {\n        node {\n          ...IdeaSummary\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query BoardIdeas($boardId: ID!, $orderBy: IdeaOrder!, $after: String) {\n    ideas(filter: { boardId: $boardId }, orderBy: $orderBy, first: 20, after: $after) {\n      totalCount\n      edges {\n        node {\n          ...IdeaSummary\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NewIdea($title: String!, $withSimilar: Boolean!) {\n    boards {\n      id\n      slug\n      name\n      kind\n    }\n    similarIdeas(title: $title, first: 5) @include(if: $withSimilar) {\n      ...IdeaSummary\n    }\n  }\n"): (typeof documents)["\n  query NewIdea($title: String!, $withSimilar: Boolean!) {\n    boards {\n      id\n      slug\n      name\n      kind\n    }\n    similarIdeas(title: $title, first: 5) @include(if: $withSimilar) {\n      ...IdeaSummary\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitIdea($input: SubmitIdeaInput!) {\n    submitIdea(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitIdea($input: SubmitIdeaInput!) {\n    submitIdea(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IdeaBoards {\n    boards {\n      id\n      slug\n      name\n      description\n      kind\n      threadCount\n    }\n  }\n"): (typeof documents)["\n  query IdeaBoards {\n    boards {\n      id\n      slug\n      name\n      description\n      kind\n      threadCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Member($handle: String!) {\n    user(handle: $handle) {\n      id\n      handle\n      displayName\n      rank\n      reputation\n      role\n      acceptedSolutionCount\n      createdAt\n      recentAnswers(first: 5) {\n        id\n        createdAt\n        kudosCount\n        isAcceptedSolution\n        thread {\n          id\n          title\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Member($handle: String!) {\n    user(handle: $handle) {\n      id\n      handle\n      displayName\n      rank\n      reputation\n      role\n      acceptedSolutionCount\n      createdAt\n      recentAnswers(first: 5) {\n        id\n        createdAt\n        kudosCount\n        isAcceptedSolution\n        thread {\n          id\n          title\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Notifications($first: Int!, $after: String) {\n    notifications(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          kind\n          message\n          createdAt\n          readAt\n          subject {\n            __typename\n            id\n            ... on Post {\n              thread {\n                id\n              }\n            }\n            ... on Comment {\n              idea {\n                id\n              }\n            }\n            ... on Review {\n              product {\n                id\n              }\n            }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    unreadNotificationCount\n  }\n"): (typeof documents)["\n  query Notifications($first: Int!, $after: String) {\n    notifications(first: $first, after: $after) {\n      edges {\n        node {\n          id\n          kind\n          message\n          createdAt\n          readAt\n          subject {\n            __typename\n            id\n            ... on Post {\n              thread {\n                id\n              }\n            }\n            ... on Comment {\n              idea {\n                id\n              }\n            }\n            ... on Review {\n              product {\n                id\n              }\n            }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    unreadNotificationCount\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationsRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n"): (typeof documents)["\n  mutation MarkNotificationsRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProductPage($id: ID!, $orderBy: ReviewOrder!, $after: String) {\n    product(id: $id) {\n      id\n      name\n      description\n      ratingAverage\n      ratingCount\n      ratingHistogram\n      reviews(first: 10, orderBy: $orderBy, after: $after) {\n        totalCount\n        edges {\n          node {\n            ...ReviewItem\n          }\n        }\n        pageInfo {\n          endCursor\n          hasNextPage\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProductPage($id: ID!, $orderBy: ReviewOrder!, $after: String) {\n    product(id: $id) {\n      id\n      name\n      description\n      ratingAverage\n      ratingCount\n      ratingHistogram\n      reviews(first: 10, orderBy: $orderBy, after: $after) {\n        totalCount\n        edges {\n          node {\n            ...ReviewItem\n          }\n        }\n        pageInfo {\n          endCursor\n          hasNextPage\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WriteReview($input: WriteReviewInput!) {\n    writeReview(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation WriteReview($input: WriteReviewInput!) {\n    writeReview(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkReviewHelpful($reviewId: ID!) {\n    markReviewHelpful(reviewId: $reviewId) {\n      id\n      helpfulCount\n      viewerFoundHelpful\n    }\n  }\n"): (typeof documents)["\n  mutation MarkReviewHelpful($reviewId: ID!) {\n    markReviewHelpful(reviewId: $reviewId) {\n      id\n      helpfulCount\n      viewerFoundHelpful\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Products($after: String) {\n    products(first: 20, after: $after) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          description\n          ratingAverage\n          ratingCount\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query Products($after: String) {\n    products(first: 20, after: $after) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          description\n          ratingAverage\n          ratingCount\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($token: String!, $password: String!) {\n    resetPassword(token: $token, password: $password) {\n      token\n    }\n  }\n"): (typeof documents)["\n  mutation ResetPassword($token: String!, $password: String!) {\n    resetPassword(token: $token, password: $password) {\n      token\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Search($query: String!, $first: Int!, $after: String, $withCount: Boolean!) {\n    search(query: $query, first: $first, after: $after) {\n      totalCount @include(if: $withCount)\n      edges {\n        node {\n          highlight\n          post {\n            id\n          }\n          thread {\n            id\n            title\n            status\n            answerCount\n            lastActivityAt\n            board {\n              name\n              slug\n            }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Search($query: String!, $first: Int!, $after: String, $withCount: Boolean!) {\n    search(query: $query, first: $first, after: $after) {\n      totalCount @include(if: $withCount)\n      edges {\n        node {\n          highlight\n          post {\n            id\n          }\n          thread {\n            id\n            title\n            status\n            answerCount\n            lastActivityAt\n            board {\n              name\n              slug\n            }\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      token\n    }\n  }\n"): (typeof documents)["\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      token\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    signOut\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      token\n    }\n  }\n"): (typeof documents)["\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      token\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SimilarThreads($title: String!) {\n    similarThreads(title: $title, first: 5) {\n      id\n      title\n      status\n      answerCount\n    }\n  }\n"): (typeof documents)["\n  query SimilarThreads($title: String!) {\n    similarThreads(title: $title, first: 5) {\n      id\n      title\n      status\n      answerCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ThreadPage($id: ID!, $order: AnswerOrder!, $after: String) {\n    viewer {\n      id\n      role\n    }\n    thread(id: $id) {\n      id\n      title\n      bodyHtml\n      tags\n      status\n      contentStatus\n      createdAt\n      answerCount\n      viewerIsSubscribed\n      board {\n        id\n        slug\n        name\n      }\n      author {\n        ...ForumAuthor\n      }\n      acceptedSolution {\n        ...ForumPost\n      }\n      answers(first: 20, after: $after, orderBy: $order) {\n        edges {\n          node {\n            ...ForumPost\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ThreadPage($id: ID!, $order: AnswerOrder!, $after: String) {\n    viewer {\n      id\n      role\n    }\n    thread(id: $id) {\n      id\n      title\n      bodyHtml\n      tags\n      status\n      contentStatus\n      createdAt\n      answerCount\n      viewerIsSubscribed\n      board {\n        id\n        slug\n        name\n      }\n      author {\n        ...ForumAuthor\n      }\n      acceptedSolution {\n        ...ForumPost\n      }\n      answers(first: 20, after: $after, orderBy: $order) {\n        edges {\n          node {\n            ...ForumPost\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;