import {
  DocumentNode,
  getOperationAST,
  Kind,
  SelectionSetNode,
  FragmentDefinitionNode,
} from 'graphql';

/** What a document that selects no field at all (never a validated subscription) is called. */
export const NO_FIELD = '(none)';

/**
 * The name of the first root field `operationName` selects, looking into fragments: for a
 * subscription, which validation limits to one root field, the subscription it opens. The
 * schema bounds these names, so they make labels that clients cannot multiply.
 */
export function rootFieldName(document: DocumentNode, operationName?: string | null): string {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition);
    }
  }
  const visited = new Set<string>();
  const firstField = (set: SelectionSetNode | undefined): string | null => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) return selection.name.value;
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const found = firstField(selection.selectionSet);
        if (found) return found;
        continue;
      }
      // Validation refuses fragment cycles; the guard only keeps an invalid document finite.
      if (visited.has(selection.name.value)) continue;
      visited.add(selection.name.value);
      const found = firstField(fragments.get(selection.name.value)?.selectionSet);
      if (found) return found;
    }
    return null;
  };
  return firstField(getOperationAST(document, operationName)?.selectionSet) ?? NO_FIELD;
}
