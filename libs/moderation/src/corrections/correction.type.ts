import { UserType } from '@app/identity';
import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Correction', {
  description:
    "A moderator's correction of bad advice, shown inline with the post to every reader.",
})
export class CorrectionType {
  @Field(() => ID)
  id!: string;

  @Field(() => UserType)
  moderator!: UserType;

  @Field()
  note!: string;

  @Field()
  noteHtml!: string;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;
}
