import { GlobalIdField, Node } from '@app/core';
import { Field, Int, ObjectType } from '@nestjs/graphql';
import { BoardKind } from '../forum.enums';

@ObjectType('Board', { implements: () => [Node] })
export class BoardType implements Node {
  @GlobalIdField('Board')
  id!: string;

  @Field()
  slug!: string;

  @Field()
  name!: string;

  @Field()
  description!: string;

  @Field(() => BoardKind)
  kind!: BoardKind;

  @Field(() => Int, { description: 'Published threads (questions or ideas) on the board.' })
  threadCount!: number;
}
