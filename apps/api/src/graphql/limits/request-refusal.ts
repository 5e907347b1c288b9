import { HeaderMap } from '@apollo/server';
import { ASTNode, GraphQLError } from 'graphql';

/** Apollo's codes for requests that never run; clients and their libraries know them. */
export type RequestErrorCode =
  | 'GRAPHQL_VALIDATION_FAILED'
  | 'OPERATION_RESOLUTION_FAILURE'
  | 'BAD_REQUEST';

/** A request refused before it runs, answered with HTTP 400 over HTTP. */
export function requestRefusal(
  code: RequestErrorCode,
  message: string,
  nodes?: readonly ASTNode[],
): GraphQLError {
  return new GraphQLError(message, {
    nodes,
    extensions: { code, http: { status: 400, headers: new HeaderMap() } },
  });
}
