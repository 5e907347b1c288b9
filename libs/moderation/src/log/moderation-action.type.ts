import { ConnectionType, GlobalIdField, Node } from '@app/core';
import { UserType } from '@app/identity';
import { Field, GraphQLISODateTime, ObjectType } from '@nestjs/graphql';
import { Moderatable } from '../moderatable/moderatable';

@ObjectType('ModerationAction', { implements: () => [Node] })
export class ModerationActionType implements Node {
  @GlobalIdField('ModerationAction')
  id!: string;

  @Field(() => UserType)
  actor!: UserType;

  @Field()
  action!: string;

  @Field(() => Moderatable, { nullable: true })
  target!: object | null;

  @Field(() => UserType, { nullable: true })
  targetUser!: UserType | null;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;
}

export const ModerationActionConnection = ConnectionType(ModerationActionType, 'ModerationAction');
