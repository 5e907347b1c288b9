import { AppError, ErrorCode } from '@app/core';
import { ApolloServerPlugin } from '@apollo/server';
import {
  DocumentNode,
  FragmentDefinitionNode,
  GraphQLSchema,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
} from 'graphql';
import { ComplexityEstimatorArgs, getComplexity, simpleEstimator } from 'graphql-query-complexity';

export const MAX_QUERY_DEPTH = 12;

/**
 * Depth of the deepest field of an operation, following fragments. Introspection fields are
 * left out: the standard introspection query is deeper than any real query needs to be.
 */
export function queryDepth(
  selectionSet: SelectionSetNode,
  fragments: Record<string, FragmentDefinitionNode>,
  seen: Set<string> = new Set(),
): number {
  let deepest = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue;
      const below = selection.selectionSet
        ? queryDepth(selection.selectionSet, fragments, seen)
        : 0;
      deepest = Math.max(deepest, 1 + below);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, queryDepth(selection.selectionSet, fragments, seen));
    } else {
      const name = selection.name.value;
      const fragment = fragments[name];
      if (!fragment || seen.has(name)) continue;
      deepest = Math.max(
        deepest,
        queryDepth(fragment.selectionSet, fragments, new Set([...seen, name])),
      );
    }
  }
  return deepest;
}

/** A list costs its `first` times the cost of one item, so wide or aliased pages add up. */
function listEstimator({ args, childComplexity, field }: ComplexityEstimatorArgs): number | void {
  if (field.name.startsWith('__')) return 0;
  if (typeof args.first === 'number') return 1 + Math.max(args.first, 1) * childComplexity;
}

/** The cost of an operation: every field 1, every list multiplied by its page size. */
export function queryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  operationName?: string,
): number {
  return getComplexity({
    schema,
    query: document,
    variables,
    operationName,
    estimators: [listEstimator, simpleEstimator({ defaultComplexity: 1 })],
  });
}

/** Refuses operations deeper than 12 or costlier than `maxCost` with QUERY_TOO_COMPLEX. */
export function queryLimitsPlugin(maxCost: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, operation }) {
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const definition of document.definitions) {
            if (definition.kind === Kind.FRAGMENT_DEFINITION)
              fragments[definition.name.value] = definition;
          }
          const depth = queryDepth((operation as OperationDefinitionNode).selectionSet, fragments);
          if (depth > MAX_QUERY_DEPTH) {
            throw new AppError(
              ErrorCode.QUERY_TOO_COMPLEX,
              `The query is ${depth} levels deep; at most ${MAX_QUERY_DEPTH} are allowed`,
            );
          }
          let cost: number;
          try {
            cost = queryCost(
              schema,
              document,
              request.variables ?? {},
              request.operationName ?? undefined,
            );
          } catch {
            // Variables that do not fit their types: execution reports them as BAD_USER_INPUT.
            return;
          }
          if (cost > maxCost) {
            throw new AppError(
              ErrorCode.QUERY_TOO_COMPLEX,
              `The query costs ${cost}; at most ${maxCost} is allowed (ask for smaller pages)`,
            );
          }
        },
      };
    },
  };
}
