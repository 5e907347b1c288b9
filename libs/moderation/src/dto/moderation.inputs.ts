import { CLIENT_MUTATION_ID_DESCRIPTION, IsOptionalClientMutationId } from '@app/core';
import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { FlagReason, ReviewAction } from '../moderation.enums';

export const MAX_NOTE_LENGTH = 5000;

@InputType()
export class FlagInput {
  @Field(() => ID)
  @IsString()
  targetId!: string;

  @Field(() => FlagReason)
  @IsEnum(FlagReason)
  reason!: FlagReason;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(1000, { message: 'must be at most 1000 characters' })
  note?: string | null;

  @Field(() => String, { nullable: true, description: CLIENT_MUTATION_ID_DESCRIPTION })
  @IsOptionalClientMutationId()
  clientMutationId?: string | null;
}

@InputType()
export class ResolveReviewItemInput {
  @Field(() => ID)
  @IsString()
  id!: string;

  @Field(() => ReviewAction)
  @IsEnum(ReviewAction)
  action!: ReviewAction;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(1000, { message: 'must be at most 1000 characters' })
  note?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Required when action is CORRECT: the correction shown with the post.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_NOTE_LENGTH, { message: `must be at most ${MAX_NOTE_LENGTH} characters` })
  correction?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description:
      "With CORRECT: also withdraw the post's accepted-solution mark, reopening the thread.",
  })
  @IsOptional()
  @IsBoolean()
  unaccept?: boolean | null;
}

@InputType()
export class CorrectPostInput {
  @Field(() => ID)
  @IsString()
  postId!: string;

  @Field()
  @IsString()
  @Length(1, MAX_NOTE_LENGTH, { message: `must be 1 to ${MAX_NOTE_LENGTH} characters` })
  note!: string;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: "Also withdraw the post's accepted-solution mark, reopening the thread.",
  })
  @IsOptional()
  @IsBoolean()
  unaccept?: boolean | null;
}
