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
    "\n  query Viewer {\n    viewer {\n      id\n      handle\n      displayName\n    }\n    unreadNotificationCount\n  }\n": typeof types.ViewerDocument,
    "\n  query Home {\n    boards {\n      id\n      slug\n      name\n      description\n      kind\n      threadCount\n    }\n    active: threads(first: 5, orderBy: LAST_ACTIVITY) {\n      edges {\n        node {\n          id\n          title\n          answerCount\n          status\n          lastActivityAt\n        }\n      }\n    }\n    solved: threads(first: 5, orderBy: LAST_ACTIVITY, filter: { status: SOLVED }) {\n      edges {\n        node {\n          id\n          title\n          answerCount\n          status\n          lastActivityAt\n        }\n      }\n    }\n  }\n": typeof types.HomeDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      token\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      token\n    }\n  }\n": typeof types.RegisterDocument,
};
const documents: Documents = {
    "\n  query Viewer {\n    viewer {\n      id\n      handle\n      displayName\n    }\n    unreadNotificationCount\n  }\n": types.ViewerDocument,
    "\n  query Home {\n    boards {\n      id\n      slug\n      name\n      description\n      kind\n      threadCount\n    }\n    active: threads(first: 5, orderBy: LAST_ACTIVITY) {\n      edges {\n        node {\n          id\n          title\n          answerCount\n          status\n          lastActivityAt\n        }\n      }\n    }\n    solved: threads(first: 5, orderBy: LAST_ACTIVITY, filter: { status: SOLVED }) {\n      edges {\n        node {\n          id\n          title\n          answerCount\n          status\n          lastActivityAt\n        }\n      }\n    }\n  }\n": types.HomeDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      token\n    }\n  }\n": types.LoginDocument,
    "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      token\n    }\n  }\n": types.RegisterDocument,
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
export function graphql(source: "\n  query Viewer {\n    viewer {\n      id\n      handle\n      displayName\n    }\n    unreadNotificationCount\n  }\n"): (typeof documents)["\n  query Viewer {\n    viewer {\n      id\n      handle\n      displayName\n    }\n    unreadNotificationCount\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Home {\n    boards {\n      id\n      slug\n      name\n      description\n      kind\n      threadCount\n    }\n    active: threads(first: 5, orderBy: LAST_ACTIVITY) {\n      edges {\n        node {\n          id\n          title\n          answerCount\n          status\n          lastActivityAt\n        }\n      }\n    }\n    solved: threads(first: 5, orderBy: LAST_ACTIVITY, filter: { status: SOLVED }) {\n      edges {\n        node {\n          id\n          title\n          answerCount\n          status\n          lastActivityAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Home {\n    boards {\n      id\n      slug\n      name\n      description\n      kind\n      threadCount\n    }\n    active: threads(first: 5, orderBy: LAST_ACTIVITY) {\n      edges {\n        node {\n          id\n          title\n          answerCount\n          status\n          lastActivityAt\n        }\n      }\n    }\n    solved: threads(first: 5, orderBy: LAST_ACTIVITY, filter: { status: SOLVED }) {\n      edges {\n        node {\n          id\n          title\n          answerCount\n          status\n          lastActivityAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      token\n    }\n  }\n"): (typeof documents)["\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      token\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      token\n    }\n  }\n"): (typeof documents)["\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      token\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;