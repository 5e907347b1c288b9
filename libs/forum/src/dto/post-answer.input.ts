import { CLIENT_MUTATION_ID_DESCRIPTION, IsOptionalClientMutationId } from '@app/core';
import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsString, Length } from 'class-validator';
import { MAX_BODY_LENGTH } from './ask-question.input';

@InputType()
export class PostAnswerInput {
  @Field(() => ID)
  @IsString()
  threadId!: string;

  @Field()
  @IsString()
  @Length(1, MAX_BODY_LENGTH, { message: `must be 1 to ${MAX_BODY_LENGTH} characters` })
  body!: string;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'Staff only: answer for the company. Members get FORBIDDEN.',
  })
  @IsOptional()
  @IsBoolean()
  official?: boolean | null;

  @Field(() => String, { nullable: true, description: CLIENT_MUTATION_ID_DESCRIPTION })
  @IsOptionalClientMutationId()
  clientMutationId?: string | null;
}
