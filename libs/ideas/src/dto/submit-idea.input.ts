import {
  CLIENT_MUTATION_ID_DESCRIPTION,
  IsOptionalClientMutationId,
  IsOptionalTagList,
} from '@app/core';
import { Field, ID, InputType } from '@nestjs/graphql';
import { IsString, Length } from 'class-validator';

export const MAX_IDEA_BODY_LENGTH = 20_000;

@InputType()
export class SubmitIdeaInput {
  @Field(() => ID)
  @IsString()
  boardId!: string;

  @Field()
  @IsString()
  @Length(8, 200, { message: 'must be 8 to 200 characters' })
  title!: string;

  @Field()
  @IsString()
  @Length(1, MAX_IDEA_BODY_LENGTH, { message: `must be 1 to ${MAX_IDEA_BODY_LENGTH} characters` })
  body!: string;

  @Field(() => [String], { nullable: true })
  @IsOptionalTagList()
  tags?: string[] | null;

  @Field(() => String, { nullable: true, description: CLIENT_MUTATION_ID_DESCRIPTION })
  @IsOptionalClientMutationId()
  clientMutationId?: string | null;
}
