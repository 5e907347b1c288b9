import { ForumModule } from '@app/forum';
import { Module } from '@nestjs/common';
import { forumSearchProvider } from './forum-search';
import { SearchResolver } from './search.resolver';
import { SearchService } from './search.service';

/** Full-text search and similar threads over the forum's published content. */
@Module({
  imports: [ForumModule],
  providers: [forumSearchProvider, SearchService, SearchResolver],
})
export class SearchModule {}
