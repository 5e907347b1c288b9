import { Field, InputType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsOptional } from 'class-validator';
import { CaseStatus } from '../cases/care.enums';

@InputType()
export class CareInboxFilter {
  @Field(() => CaseStatus, {
    nullable: true,
    description: 'Without it: OPEN and WAITING_ON_MEMBER.',
  })
  @IsOptional()
  @IsEnum(CaseStatus)
  status?: CaseStatus | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  assignedToMe?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  unassigned?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  breached?: boolean | null;
}
