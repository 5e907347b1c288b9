import { ForumModule } from '@app/forum';
import { Module } from '@nestjs/common';

/** Full-text search and similar threads over the forum's published content. */
@Module({
  imports: [ForumModule],
  providers: [],
})
export class SearchModule {}
