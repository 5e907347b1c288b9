import { AppError, asRefusal, badInput, ErrorCode } from '@app/core';
import { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { DOCUMENT_LIMITS } from './document-limits';
import { checkLiterals, checkVariables } from './hostile-text';
import { weighOperation } from './operation-weight';

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
): AppError | null {
  const refusal = findRefusal(schema, document, operation, variables ?? {}, maxCost);
  return refusal && asRefusal(refusal);
}

function findRefusal(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode | null | undefined,
  variables: Record<string, unknown>,
  maxCost: number,
): AppError | null {
  const text =
    checkVariables(variables, DOCUMENT_LIMITS.maxVariableDepth) ?? checkLiterals(document);
  if (text) return text;
  if (!operation) {
    return badInput(
      'operationName',
      'names no operation of the document (give operationName when it holds several)',
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
