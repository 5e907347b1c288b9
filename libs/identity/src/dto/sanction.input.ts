import { AccountStatus } from '@app/core';
import { Field, GraphQLISODateTime, ID, InputType } from '@nestjs/graphql';
import { IsDate, IsEnum, IsOptional, IsString, Length } from 'class-validator';

@InputType()
export class SanctionInput {
  @Field(() => ID)
  @IsString()
  userId!: string;

  @Field(() => AccountStatus)
  @IsEnum(AccountStatus)
  status!: AccountStatus;

  @Field()
  @IsString()
  @Length(1, 500, { message: 'must be 1 to 500 characters' })
  reason!: string;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @IsOptional()
  @IsDate()
  until?: Date | null;
}
