import { IsOptionalTag } from '@app/core';
import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString } from 'class-validator';
import { IdeaStatus } from '../ideas.enums';

@InputType()
export class IdeaFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  boardId?: string | null;

  @Field(() => IdeaStatus, { nullable: true })
  @IsOptional()
  @IsEnum(IdeaStatus)
  status?: IdeaStatus | null;

  @Field(() => String, { nullable: true })
  @IsOptionalTag()
  tag?: string | null;
}

/** A filter decoded and checked: database ids, ready for SQL. */
export interface IdeaQueryFilter {
  boardId?: string;
  status?: IdeaStatus;
  tag?: string;
}
