import { fromGlobalId, IsOptionalTag } from '@app/core';
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

/** Decodes a GraphQL filter (BAD_USER_INPUT naming the field for a bad board id). */
export function decodeIdeaFilter(filter: IdeaFilter | null | undefined): IdeaQueryFilter {
  return {
    boardId: filter?.boardId ? fromGlobalId(filter.boardId, 'Board', 'filter.boardId') : undefined,
    status: filter?.status ?? undefined,
    tag: filter?.tag ?? undefined,
  };
}
