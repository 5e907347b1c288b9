import { AppError, asRefusal, ErrorCode } from '@app/core';
import { DocumentNode, GraphQLError, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { DOCUMENT_LIMITS } from './document-limits';
import { checkLiterals, checkVariables } from './hostile-text';
import { weighOperation } from './operation-weight';
import { requestRefusal } from './request-refusal';

const tooComplex = (message: string): AppError =>
  new AppError(ErrorCode.QUERY_TOO_COMPLEX, message);

/**
 * The check every validated operation passes before it runs, over HTTP and over WebSocket
 * alike (after `refuseDocumentShape`, which runs before validation): text that cannot be
 * stored, an operation that can be told apart, then what running it would cost. Returns the
 * refusal (with its HTTP status) or null. Each step is linear in the size of the document and
 * its variables.
 */
export function refuseOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode | null | undefined,
  variables: Record<string, unknown> | null | undefined,
  maxCost: number,
): GraphQLError | null {
  const refusal = findRefusal(schema, document, operation, variables ?? {}, maxCost);
  return refusal instanceof AppError ? asRefusal(refusal) : refusal;
}

function findRefusal(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode | null | undefined,
  variables: Record<string, unknown>,
  maxCost: number,
): AppError | GraphQLError | null {
  const text =
    checkVariables(variables, DOCUMENT_LIMITS.maxVariableDepth) ?? checkLiterals(document);
  if (text) return text;
  if (!operation) {
    return requestRefusal(
      'OPERATION_RESOLUTION_FAILURE',
      'operationName names no operation of the document (give it when the document holds several)',
    );
  }
  let weight;
  try {
    weight = weighOperation(schema, document, operation, variables);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  if (weight.depth > DOCUMENT_LIMITS.maxDepth) {
    return tooComplex(
      `The query is ${weight.depth} levels deep; at most ${DOCUMENT_LIMITS.maxDepth} are allowed`,
    );
  }
  if (weight.expensiveFields > DOCUMENT_LIMITS.maxExpensiveFields) {
    return tooComplex(
      `The operation runs ${weight.expensiveFields} searches or sign-ins; at most ${DOCUMENT_LIMITS.maxExpensiveFields} are allowed`,
    );
  }
  if (weight.cost > maxCost) {
    return tooComplex(
      `The query costs ${weight.cost}; at most ${maxCost} is allowed (ask for smaller pages)`,
    );
  }
  return null;
}
