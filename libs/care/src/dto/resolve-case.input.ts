import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsString } from 'class-validator';

@InputType()
export class ResolveCaseInput {
  @Field(() => ID)
  @IsString()
  caseId!: string;

  @Field({ description: 'Shown to the member.' })
  @IsString()
  note!: string;

  @Field(() => String, {
    nullable: true,
    description: "Posted on the case's thread as an official answer by the resolving agent.",
  })
  @IsOptional()
  @IsString()
  publicAnswer?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: "With publicAnswer: accept it as the thread's solution.",
  })
  @IsOptional()
  @IsBoolean()
  acceptAsSolution?: boolean | null;
}
