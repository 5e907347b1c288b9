import { Field, FieldMiddleware, ID, InterfaceType } from '@nestjs/graphql';
import { toGlobalId } from '../ids/global-id';

const typeNames = new Map<object, string>();

/** Declares which GraphQL type a class of domain objects (entities) is exposed as. */
export function registerNodeType(cls: { prototype: object }, typeName: string): void {
  typeNames.set(cls.prototype, typeName);
}

/** The GraphQL type name of a domain object registered with registerNodeType. */
export function nodeTypeOf(value: object): string | undefined {
  for (let proto = Object.getPrototypeOf(value); proto; proto = Object.getPrototypeOf(proto)) {
    const name = typeNames.get(proto);
    if (name) return name;
  }
  return undefined;
}

/** The `id` field of a node type: the row's UUID exposed as the opaque global ID. */
export function GlobalIdField(typeName: string): PropertyDecorator {
  const toGlobal: FieldMiddleware = async (_ctx, next) =>
    toGlobalId(typeName, String(await next()));
  return Field(() => ID, { middleware: [toGlobal] });
}

/** The Relay Node interface. */
@InterfaceType('Node', { resolveType: (value: object) => nodeTypeOf(value) })
export abstract class Node {
  @Field(() => ID)
  id!: string;
}
