import { GlobalIdField, Node } from '@app/core';
import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('Segment', {
  implements: () => [Node],
  description:
    'A customer segment. The company chooses, per segment, how it keeps the relationship.',
})
export class SegmentType implements Node {
  @GlobalIdField('Segment')
  id!: string;

  @Field({ description: '[a-z0-9-]{2,30}, unique.' })
  key!: string;

  @Field()
  name!: string;

  @Field(() => Int, {
    description:
      "Hours within which an agent must first answer a case opened by this segment's members.",
  })
  firstResponseHours!: number;

  @Field({
    description:
      'Members of this segment may have a dedicated rep, who receives their cases first.',
  })
  dedicatedRepEnabled!: boolean;

  @Field(() => Int, {
    description: "What one vote of this segment's members weighs in Idea.weightedVoteCount.",
  })
  ideaVoteWeight!: number;

  @Field(() => Int)
  memberCount!: number;
}
