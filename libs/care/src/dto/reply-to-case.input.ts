import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsString } from 'class-validator';

@InputType()
export class ReplyToCaseInput {
  @Field(() => ID)
  @IsString()
  caseId!: string;

  @Field()
  @IsString()
  body!: string;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'Staff only: a note that the member never sees.',
  })
  @IsOptional()
  @IsBoolean()
  internal?: boolean | null;
}
