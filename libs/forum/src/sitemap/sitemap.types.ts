import { GlobalIdField } from '@app/core';
import { Field, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('SitemapThread', { description: 'A published thread as a sitemap lists it.' })
export class SitemapThreadType {
  @GlobalIdField('Thread')
  id!: string;

  @Field(() => GraphQLISODateTime)
  lastActivityAt!: Date;
}

@ObjectType('SitemapThreadPage', {
  description: 'Published threads oldest first, by keyset: pass endCursor as the next `after`.',
})
export class SitemapThreadPageType {
  @Field(() => [SitemapThreadType])
  threads!: SitemapThreadType[];

  @Field(() => String, { nullable: true })
  endCursor!: string | null;

  @Field()
  hasNextPage!: boolean;
}

@ObjectType('SitemapPage', {
  description:
    'One page of a sitemap index: where it starts in sitemapThreads, how many threads it holds and when the latest of them was active.',
})
export class SitemapPageType {
  @Field(() => String, {
    nullable: true,
    description: 'The `after` of sitemapThreads that starts this page; null for the first.',
  })
  after!: string | null;

  @Field(() => Int)
  threadCount!: number;

  @Field(() => GraphQLISODateTime)
  lastActivityAt!: Date;
}
