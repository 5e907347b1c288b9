import { ArgsType, Field, Int } from '@nestjs/graphql';
import { Allow } from 'class-validator';
import { DEFAULT_PAGE_SIZE } from './connection';

/**
 * The Relay paging arguments of every connection: forward with `first`/`after`, backward with
 * `last`/`before`. Checked by pageRequest, not by the validation pipe (`@Allow` only keeps the
 * fields through its whitelist), so that every list reports bad paging the same way.
 */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE })
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
