import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { IdeaStatus } from '../ideas.enums';

@InputType()
export class SetIdeaStatusInput {
  @Field(() => ID)
  @IsString()
  ideaId!: string;

  @Field(() => IdeaStatus)
  @IsEnum(IdeaStatus)
  status!: IdeaStatus;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000, { message: 'must be at most 2000 characters' })
  note?: string | null;
}

@InputType()
export class MergeIdeaInput {
  @Field(() => ID)
  @IsString()
  sourceId!: string;

  @Field(() => ID)
  @IsString()
  targetId!: string;
}
