import { AppError, ErrorCode } from '@app/core';
import { DocumentNode, Kind, SelectionSetNode, visit } from 'graphql';
import { DOCUMENT_LIMITS } from './document-limits';

const tooComplex = (message: string): AppError =>
  new AppError(ErrorCode.QUERY_TOO_COMPLEX, message);

/** How often the most repeated response name occurs in one selection set, inline fragments included. */
function mostRepeatedName(selectionSet: SelectionSetNode): number {
  const counts = new Map<string, number>();
  let most = 0;
  const pending = [selectionSet];
  for (let set = pending.pop(); set; set = pending.pop()) {
    for (const selection of set.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) pending.push(selection.selectionSet);
      if (selection.kind !== Kind.FIELD) continue;
      const name = (selection.alias ?? selection.name).value;
      const count = (counts.get(name) ?? 0) + 1;
      counts.set(name, count);
      most = Math.max(most, count);
    }
  }
  return most;
}

/**
 * Refuses documents whose shape alone would make validation or execution expensive, in one
 * pass over the document as written, before the schema's validation rules run: graphql-js
 * compares repeated fields and fragments pairwise, so their number must stay small.
 */
export function refuseDocumentShape(document: DocumentNode): AppError | null {
  const counts = { aliases: 0, directives: 0, fragments: 0, spreads: 0, repeats: 0 };
  visit(document, {
    Field(node) {
      if (node.alias) counts.aliases += 1;
    },
    Directive() {
      counts.directives += 1;
    },
    FragmentDefinition() {
      counts.fragments += 1;
    },
    FragmentSpread() {
      counts.spreads += 1;
    },
    SelectionSet(node, _key, parent) {
      // Inline fragments are counted with the selection set that holds them.
      if (parent && 'kind' in parent && parent.kind === Kind.INLINE_FRAGMENT) return;
      counts.repeats = Math.max(counts.repeats, mostRepeatedName(node));
    },
  });
  const limits: Array<[number, number, string]> = [
    [counts.aliases, DOCUMENT_LIMITS.maxAliases, 'aliases'],
    [counts.directives, DOCUMENT_LIMITS.maxDirectives, 'directives'],
    [counts.fragments, DOCUMENT_LIMITS.maxFragments, 'fragments'],
    [counts.spreads, DOCUMENT_LIMITS.maxFragmentSpreads, 'fragment spreads'],
    [counts.repeats, DOCUMENT_LIMITS.maxRepeatsOfAField, 'repeats of one field in a selection'],
  ];
  for (const [count, limit, what] of limits) {
    if (count > limit) {
      return tooComplex(`The document has ${count} ${what}; at most ${limit} are allowed`);
    }
  }
  return null;
}
