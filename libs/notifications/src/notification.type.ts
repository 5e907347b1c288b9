import { ConnectionType, GlobalIdField, Node } from '@app/core';
import { UserType } from '@app/identity';
import { Field, GraphQLISODateTime, ObjectType } from '@nestjs/graphql';
import { NotificationKind } from './notification-kind';

@ObjectType('Notification', { implements: () => [Node] })
export class NotificationType implements Node {
  @GlobalIdField('Notification')
  id!: string;

  @Field(() => NotificationKind)
  kind!: NotificationKind;

  @Field()
  message!: string;

  @Field(() => Node, { nullable: true })
  subject!: Node | null;

  @Field(() => UserType, { nullable: true })
  actor!: UserType | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  readAt!: Date | null;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;
}

export const NotificationConnection = ConnectionType(NotificationType, 'Notification');
