import { PageArgs } from '@app/core';
import { ArgsType, Field, Int } from '@nestjs/graphql';
import { Allow } from 'class-validator';

/** A case's messages page by 50 unless told: most conversations fit in one page. */
export const CASE_MESSAGES_PAGE_SIZE = 50;

/** The paging arguments of every connection, with the contract's default of 50 for `first`. */
@ArgsType()
export class CaseMessagesArgs extends PageArgs {
  @Field(() => Int, { nullable: true, defaultValue: CASE_MESSAGES_PAGE_SIZE })
  @Allow()
  declare first?: number | null;
}
