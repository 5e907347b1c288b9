import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString } from 'class-validator';
import { CasePriority } from '../cases/care.enums';

@InputType()
export class EscalateThreadInput {
  @Field(() => ID)
  @IsString()
  threadId!: string;

  @Field({ description: "Why: kept as the case's first internal note." })
  @IsString()
  note!: string;

  @Field(() => CasePriority, { nullable: true, defaultValue: CasePriority.NORMAL })
  @IsOptional()
  @IsEnum(CasePriority)
  priority?: CasePriority | null;
}
