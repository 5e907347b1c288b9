import { Field, Float, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('CareMetrics', {
  description: 'Community and care figures over a window, for the people who run the community.',
})
export class CareMetricsType {
  @Field(() => GraphQLISODateTime)
  since!: Date;

  @Field(() => GraphQLISODateTime)
  until!: Date;

  @Field(() => Int)
  questionsAsked!: number;

  @Field(() => Float, {
    description:
      'Share (0..1) of those questions with a published answer by a member who is not staff.',
  })
  answeredByPeersRate!: number;

  @Field(() => Float, { description: 'Share (0..1) of those questions that are SOLVED.' })
  solvedRate!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Median minutes from question to its first published answer by someone else.',
  })
  medianMinutesToFirstAnswer!: number | null;

  @Field(() => Int)
  casesOpened!: number;

  @Field(() => Int, { description: 'Cases of origin ESCALATED or AUTO_ESCALATED.' })
  escalations!: number;

  @Field(() => Float, {
    nullable: true,
    description: "Median minutes from a case's creation to its first agent reply.",
  })
  medianMinutesToFirstResponse!: number | null;

  @Field(() => Float, {
    description: 'Share (0..1) of cases opened in the window answered by their firstResponseDueAt.',
  })
  slaMetRate!: number;

  @Field(() => Int, {
    description: "Times a suggested thread answered someone's question before they asked it.",
  })
  deflections!: number;
}
