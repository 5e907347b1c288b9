import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Length, Matches } from 'class-validator';

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
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5, { message: 'at most 5 tags' })
  @Matches(/^[a-z0-9-]{1,30}$/, {
    each: true,
    message: 'each tag must be 1 to 30 lowercase letters, digits or hyphens',
  })
  tags?: string[] | null;
}
