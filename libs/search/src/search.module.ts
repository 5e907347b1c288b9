import { ForumModule, PostEntity, ThreadEntity } from '@app/forum';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SearchRepository } from './search.repository';
import { SearchResolver } from './search.resolver';
import { SearchService } from './search.service';

/** Full-text search and similar threads over the forum's published content. */
@Module({
  imports: [ForumModule, TypeOrmModule.forFeature([ThreadEntity, PostEntity])],
  providers: [SearchRepository, SearchService, SearchResolver],
})
export class SearchModule {}
