import { parseGlobalId } from '@app/core';
import {
  BREAK,
  DocumentNode,
  getNamedType,
  GraphQLSchema,
  isLeafType,
  Kind,
  TypeInfo,
  ValueNode,
  visit,
  visitWithTypeInfo,
} from 'graphql';

/**
 * The fields a kept answer may go through to another object: a thread and what its page shows
 * (board, authors, answers, corrections, edits), all of which change only with the thread, or
 * are members' display facts that the entry's lifetime lets heal. Any field returning a scalar
 * or an enum may be read on the way. At the root, `thread` names the thread the answer depends
 * on, and `viewer` (which the site's thread page asks for too) is null for every anonymous
 * reader. What is not listed (a member's recent answers elsewhere, a board's threads, any other
 * root field) makes the answer one the cache does not keep, so a field added to the schema is
 * left out until someone says what changes it.
 */
const FOLLOWED: Readonly<Record<string, readonly string[]>> = {
  Query: ['thread', 'viewer'],
  Thread: ['board', 'author', 'acceptedSolution', 'answers'],
  PostConnection: ['edges', 'pageInfo'],
  PostEdge: ['node'],
  Post: ['author', 'correction', 'revisions', 'thread'],
  Correction: ['moderator'],
  PostRevision: ['editor'],
};

/** How a kept answer is found stale: the threads whose changes drop it. */
export interface CachePlan {
  /** Its root fields, each of which costs an anonymous reader a point of the per-minute limit. */
  rootFields: number;
  /** The UUIDs of the threads the answer shows, or null when an `id` is not a thread's. */
  threadIds(variables: Readonly<Record<string, unknown>>): string[] | null;
}

const plans = new WeakMap<DocumentNode, CachePlan | null>();

/**
 * The plan of a document whose one operation is a query the cache may keep; null for any
 * other. Apollo keeps parsed documents, so each is looked at once.
 */
export function cachePlanOf(schema: GraphQLSchema, document: DocumentNode): CachePlan | null {
  let plan = plans.get(document);
  if (plan === undefined) {
    plan = planFor(schema, document);
    plans.set(document, plan);
  }
  return plan;
}

function planFor(schema: GraphQLSchema, document: DocumentNode): CachePlan | null {
  const operations = document.definitions.filter(
    (definition) => definition.kind === Kind.OPERATION_DEFINITION,
  );
  if (operations.length !== 1 || operations[0].operation !== 'query') return null;
  const queryType = schema.getQueryType();
  const typeInfo = new TypeInfo(schema);
  const threadIds: ValueNode[] = [];
  let rootFields = 0;
  let keepable = true;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        if (!parent || !field) {
          keepable = false;
          return BREAK;
        }
        if (field.name === '__typename') return undefined;
        const root = parent === queryType;
        const followed = FOLLOWED[parent.name]?.includes(field.name) ?? false;
        if (!followed && (root || !isLeafType(getNamedType(field.type)))) {
          keepable = false;
          return BREAK;
        }
        if (root) rootFields += 1;
        if (root && field.name === 'thread') {
          const id = node.arguments?.find((argument) => argument.name.value === 'id');
          if (!id) {
            keepable = false;
            return BREAK;
          }
          threadIds.push(id.value);
        }
        return undefined;
      },
    }),
  );
  if (!keepable || threadIds.length === 0) return null;
  return { rootFields, threadIds: (variables) => decodeThreadIds(threadIds, variables) };
}

function decodeThreadIds(
  values: readonly ValueNode[],
  variables: Readonly<Record<string, unknown>>,
): string[] | null {
  const ids: string[] = [];
  for (const value of values) {
    const sent =
      value.kind === Kind.STRING
        ? value.value
        : value.kind === Kind.VARIABLE
          ? variables[value.name.value]
          : undefined;
    const decoded = typeof sent === 'string' ? parseGlobalId(sent) : null;
    if (decoded?.type !== 'Thread') return null;
    ids.push(decoded.id);
  }
  return [...new Set(ids)];
}
