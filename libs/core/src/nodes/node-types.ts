// Which GraphQL type each class of domain objects (entities) is exposed as: written by the libs'
// modules as they are built (NodeRegistry.registerType), read when GraphQL resolves an interface
// or a union, which has no access to the injector.
const typeNames = new Map<object, string>();

export function recordNodeType(cls: { prototype: object }, typeName: string): void {
  typeNames.set(cls.prototype, typeName);
}

/** The GraphQL type name of a domain object, as its lib registered it. */
export function nodeTypeOf(value: object): string | undefined {
  for (let proto = Object.getPrototypeOf(value); proto; proto = Object.getPrototypeOf(proto)) {
    const name = typeNames.get(proto);
    if (name) return name;
  }
  return undefined;
}
