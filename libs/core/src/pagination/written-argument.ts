import { GraphQLResolveInfo, Kind } from 'graphql';

/** What of a field's resolve info tells which arguments the client wrote. */
export type FieldArguments = Pick<GraphQLResolveInfo, 'fieldNodes' | 'variableValues'>;

/**
 * Whether the client wrote argument `name` on the field being resolved, as a literal or as a
 * variable it sent (or gave a default in the operation). Resolvers see an argument's schema
 * default as if it were written, so a rule about arguments given together must ask the
 * document. Fields merged from fragments carry the same arguments (validation checks it).
 */
export function argumentWritten(info: FieldArguments, name: string): boolean {
  const argument = info.fieldNodes[0]?.arguments?.find((node) => node.name.value === name);
  if (!argument) return false;
  if (argument.value.kind !== Kind.VARIABLE) return true;
  return Object.prototype.hasOwnProperty.call(info.variableValues, argument.value.name.value);
}
