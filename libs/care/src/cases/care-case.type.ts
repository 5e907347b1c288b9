import { ConnectionType, GlobalIdField, Node } from '@app/core';
import { Field, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';
import { CaseOrigin, CasePriority, CaseStatus } from './care.enums';

// member, thread, assignee, publicAnswer, slaBreached and messages are field resolvers.
@ObjectType('CareCase', {
  implements: () => [Node],
  description: 'A private conversation between one member and the care team.',
})
export class CareCaseType implements Node {
  @GlobalIdField('CareCase')
  id!: string;

  @Field(() => Int, { description: 'Human-readable, unique, increasing.' })
  number!: number;

  @Field()
  subject!: string;

  @Field(() => CaseStatus)
  status!: CaseStatus;

  @Field(() => CasePriority)
  priority!: CasePriority;

  @Field(() => CaseOrigin)
  origin!: CaseOrigin;

  @Field(() => GraphQLISODateTime, {
    description: "When an agent must have answered for the first time, from the member's segment.",
  })
  firstResponseDueAt!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  firstRespondedAt!: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  resolvedAt!: Date | null;

  @Field(() => String, { nullable: true })
  resolutionNote!: string | null;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field(() => GraphQLISODateTime)
  updatedAt!: Date;
}

export const CareCaseConnection = ConnectionType(CareCaseType, 'CareCase');
