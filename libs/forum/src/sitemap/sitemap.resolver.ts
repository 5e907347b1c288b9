import { EXPENSIVE_FIELD_COST } from '@app/core';
import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { SITEMAP_PAGE_MAX, SITEMAP_READ_MAX, SitemapService } from './sitemap.service';
import { SitemapPageType, SitemapThreadPageType } from './sitemap.types';

// `size`, not `first`: these pages are larger than the contract's 100 on purpose, and the cost
// of reading them is declared here instead of being counted per item.
@Resolver()
export class SitemapResolver {
  constructor(private readonly sitemap: SitemapService) {}

  @Query(() => SitemapThreadPageType, {
    complexity: EXPENSIVE_FIELD_COST,
    description: `Published threads for sitemaps, oldest first, by keyset: ids and last activity only, up to ${SITEMAP_READ_MAX.toLocaleString('en')} a read.`,
  })
  sitemapThreads(
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Args('size', { type: () => Int, defaultValue: SITEMAP_READ_MAX, nullable: true })
    size: number | null,
  ): Promise<SitemapThreadPageType> {
    return this.sitemap.threads(after ?? null, size ?? SITEMAP_READ_MAX);
  }

  @Query(() => [SitemapPageType], {
    complexity: EXPENSIVE_FIELD_COST,
    description: `Published threads cut into pages of \`size\` (1 to ${SITEMAP_PAGE_MAX.toLocaleString('en')}) for a sitemap index: where each page starts in sitemapThreads, its thread count and latest activity.`,
  })
  sitemapPages(
    @Args('size', { type: () => Int, defaultValue: SITEMAP_PAGE_MAX, nullable: true })
    size: number | null,
  ): Promise<SitemapPageType[]> {
    return this.sitemap.pages(size ?? SITEMAP_PAGE_MAX);
  }
}
