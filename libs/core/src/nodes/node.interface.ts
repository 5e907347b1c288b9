import { Field, FieldMiddleware, ID, InterfaceType } from '@nestjs/graphql';
import { toGlobalId } from '../ids/global-id';
import { nodeTypeOf } from './node-types';

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
