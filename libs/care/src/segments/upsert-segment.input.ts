import { Field, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsInt, IsOptional, IsString } from 'class-validator';

// Only the types are checked here; the ranges are SegmentsService's rules (segment-rules.ts).
@InputType()
export class UpsertSegmentInput {
  @Field()
  @IsString()
  key!: string;

  @Field()
  @IsString()
  name!: string;

  @Field(() => Int)
  @IsInt()
  firstResponseHours!: number;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  @IsOptional()
  @IsBoolean()
  dedicatedRepEnabled?: boolean | null;

  @Field(() => Int, { nullable: true, defaultValue: 1 })
  @IsOptional()
  @IsInt()
  ideaVoteWeight?: number | null;
}
