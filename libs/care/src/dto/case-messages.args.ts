import { ArgsType, Field, Int } from '@nestjs/graphql';
import { Allow } from 'class-validator';

/** A case's messages page by 50 unless told: most conversations fit in one page. */
export const CASE_MESSAGES_PAGE_SIZE = 50;

/** PageArgs with the contract's default of 50 for `first`; checked by pageRequest likewise. */
@ArgsType()
export class CaseMessagesArgs {
  @Field(() => Int, { nullable: true, defaultValue: CASE_MESSAGES_PAGE_SIZE })
  @Allow()
  first?: number | null;

  @Field(() => String, { nullable: true })
  @Allow()
  after?: string | null;

  @Field(() => Int, { nullable: true })
  @Allow()
  last?: number | null;

  @Field(() => String, { nullable: true })
  @Allow()
  before?: string | null;
}
