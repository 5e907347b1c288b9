import { ConnectionType, GlobalIdField, Node } from '@app/core';
import { Field, GraphQLISODateTime, ObjectType } from '@nestjs/graphql';

// author is a field resolver.
@ObjectType('CaseMessage', { implements: () => [Node] })
export class CaseMessageType implements Node {
  @GlobalIdField('CaseMessage')
  id!: string;

  @Field()
  body!: string;

  @Field()
  bodyHtml!: string;

  @Field({ description: 'A note among staff, never shown to the member.' })
  internal!: boolean;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;
}

export const CaseMessageConnection = ConnectionType(CaseMessageType, 'CaseMessage');
