import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString } from 'class-validator';
import { CasePriority } from '../cases/care.enums';

// Lengths are checked by the case rules (subject trimmed, body not blank), not here, so that
// every way in reports them alike.
@InputType()
export class OpenCaseInput {
  @Field()
  @IsString()
  subject!: string;

  @Field()
  @IsString()
  body!: string;

  @Field(() => ID, {
    nullable: true,
    description: "Escalate this thread, which must be the viewer's own.",
  })
  @IsOptional()
  @IsString()
  threadId?: string | null;

  @Field(() => CasePriority, { nullable: true, defaultValue: CasePriority.NORMAL })
  @IsOptional()
  @IsEnum(CasePriority)
  priority?: CasePriority | null;
}
