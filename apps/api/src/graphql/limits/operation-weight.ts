import {
  checkNodeIdCount,
  DEFAULT_PAGE_SIZE,
  EXPENSIVE_FIELD_COST,
  MAX_PAGE_SIZE,
  pageSize,
} from '@app/core';
import {
  DocumentNode,
  FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  GraphQLField,
  GraphQLNamedType,
  GraphQLSchema,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  valueFromAST,
} from 'graphql';
import { ROOT_FIELD_COST } from './document-limits';

/** What running an operation would take, with every fragment expanded where it is spread. */
export interface OperationWeight {
  /** The deepest field, counting nested selections (introspection fields left out). */
  depth: number;
  /** Every field 1 (root fields more, or what they declare), lists times their page size. */
  cost: number;
  /** How many fields declared expensive would run. */
  expensiveFields: number;
}

const NOTHING: OperationWeight = { depth: 0, cost: 0, expensiveFields: 0 };

/**
 * Weighs an operation in time linear in the document's size: each fragment is weighed once and
 * its weight reused at every spread, so fragments that spread each other many times over cost
 * no more to check than to read. Expects a validated document (no cycles, known fields).
 * Throws BAD_USER_INPUT on a `first` or `last` above the contract's page size, and on more ids
 * than `nodes` takes.
 */
export function weighOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): OperationWeight {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition);
    }
  }
  const weighed = new Map<string, OperationWeight>();

  const fragmentWeight = (name: string): OperationWeight => {
    const known = weighed.get(name);
    if (known) return known;
    // Marked before walking, so that a cycle (refused by validation anyway) cannot recurse.
    weighed.set(name, NOTHING);
    const fragment = fragments.get(name);
    const type = fragment && schema.getType(fragment.typeCondition.name.value);
    const weight = fragment && type ? selectionWeight(fragment.selectionSet, type, false) : NOTHING;
    weighed.set(name, weight);
    return weight;
  };

  const selectionWeight = (
    selectionSet: SelectionSetNode,
    parent: GraphQLNamedType,
    isRoot: boolean,
  ): OperationWeight => {
    let depth = 0;
    let cost = 0;
    let expensiveFields = 0;
    const add = (weight: OperationWeight, times = 1): void => {
      depth = Math.max(depth, weight.depth);
      cost += weight.cost * times;
      expensiveFields += weight.expensiveFields * times;
    };
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        add(fragmentWeight(selection.name.value));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition
          ? schema.getType(selection.typeCondition.name.value)
          : parent;
        if (type) add(selectionWeight(selection.selectionSet, type, isRoot));
      } else if (!selection.name.value.startsWith('__')) {
        const field =
          isObjectType(parent) || isInterfaceType(parent)
            ? parent.getFields()[selection.name.value]
            : undefined;
        if (!field) continue;
        const declared = field.extensions.complexity;
        const own = typeof declared === 'number' ? declared : isRoot ? ROOT_FIELD_COST : 1;
        const below = selection.selectionSet
          ? selectionWeight(selection.selectionSet, getNamedType(field.type), false)
          : NOTHING;
        const items = pageSizeOf(field, selection.arguments ?? [], variables);
        add({
          depth: 1 + below.depth,
          cost: own,
          expensiveFields: own >= EXPENSIVE_FIELD_COST ? 1 : 0,
        });
        add({ depth: 0, cost: below.cost, expensiveFields: below.expensiveFields }, items);
      }
    }
    return { depth, cost, expensiveFields };
  };

  const root = schema.getRootType(operation.operation);
  return root ? selectionWeight(operation.selectionSet, root, true) : NOTHING;
}

/**
 * A list field's size: its `last` when given, else its `first` (or that argument's default);
 * for a list of objects by id (`nodes`), how many ids it names; 1 for other fields.
 */
function pageSizeOf(
  field: GraphQLField<unknown, unknown>,
  args: ReadonlyArray<{ name: { value: string }; value: Parameters<typeof valueFromAST>[0] }>,
  variables: Record<string, unknown>,
): number {
  const valueOf = (name: string): unknown => {
    const definition = field.args.find((arg) => arg.name === name);
    const node = args.find((arg) => arg.name.value === name);
    const value =
      definition && node ? valueFromAST(node.value, definition.type, variables) : undefined;
    // A value that does not fit its type is reported by execution, with its own message.
    return value === undefined ? definition?.defaultValue : value;
  };
  const ids = valueOf('ids');
  if (isListType(getNullableType(field.type)) && Array.isArray(ids)) {
    // Refused before running, as a page past 100 is, whatever its weight would be.
    checkNodeIdCount(ids.length);
    return Math.max(1, ids.length);
  }
  if (!field.args.some((arg) => arg.name === 'first')) return 1;
  const last = valueOf('last');
  const [argument, size] =
    typeof last === 'number' ? (['last', last] as const) : (['first', valueOf('first')] as const);
  if (typeof size !== 'number') return DEFAULT_PAGE_SIZE;
  // Past the contract's largest page the request is bad input whatever else it asks; smaller
  // mistakes (0, 2.5) are left to the field's own rule and message.
  if (size > MAX_PAGE_SIZE) pageSize(size, argument);
  return Math.max(1, Math.ceil(size));
}
