import { CLIENT_MUTATION_ID_DESCRIPTION, IsOptionalClientMutationId } from '@app/core';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsString, Length, Max, Min } from 'class-validator';

export const MAX_REVIEW_BODY_LENGTH = 20_000;

@InputType()
export class WriteReviewInput {
  @Field(() => ID)
  @IsString()
  productId!: string;

  @Field(() => Int)
  @IsInt({ message: 'must be a whole number of stars from 1 to 5' })
  @Min(1, { message: 'must be a whole number of stars from 1 to 5' })
  @Max(5, { message: 'must be a whole number of stars from 1 to 5' })
  rating!: number;

  @Field()
  @IsString()
  @Length(1, 150, { message: 'must be 1 to 150 characters' })
  title!: string;

  @Field()
  @IsString()
  @Length(1, MAX_REVIEW_BODY_LENGTH, {
    message: `must be 1 to ${MAX_REVIEW_BODY_LENGTH} characters`,
  })
  body!: string;

  @Field(() => String, { nullable: true, description: CLIENT_MUTATION_ID_DESCRIPTION })
  @IsOptionalClientMutationId()
  clientMutationId?: string | null;
}
