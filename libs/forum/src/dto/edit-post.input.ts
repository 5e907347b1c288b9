import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { MAX_BODY_LENGTH } from './ask-question.input';

@InputType()
export class EditPostInput {
  @Field(() => ID)
  @IsString()
  postId!: string;

  @Field()
  @IsString()
  @Length(1, MAX_BODY_LENGTH, { message: `must be 1 to ${MAX_BODY_LENGTH} characters` })
  body!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500, { message: 'must be at most 500 characters' })
  reason?: string | null;
}
