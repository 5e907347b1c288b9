import { IsOptionalTag } from '@app/core';
import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsOptional, IsString } from 'class-validator';
import { ThreadStatus } from '../forum.enums';

@InputType()
export class ThreadFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  boardId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptionalTag()
  tag?: string | null;

  @Field(() => ThreadStatus, { nullable: true })
  @IsOptional()
  @IsEnum(ThreadStatus)
  status?: ThreadStatus | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  unanswered?: boolean | null;
}
