import { NodeRegistry } from '@app/core';
import { ForumModule } from '@app/forum';
import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ExportDownloadsService } from './export-downloads.service';
import { ExportJobEntity } from './export-job.entity';
import { ExportJobsRepository } from './export-jobs.repository';
import { IdeaExportsResolver } from './idea-exports.resolver';
import { IdeaExportsService } from './idea-exports.service';

/** The API side of CSV exports of ideas: asking for one, following its progress, downloading it. */
@Module({
  imports: [ForumModule, TypeOrmModule.forFeature([ExportJobEntity])],
  providers: [
    ExportJobsRepository,
    IdeaExportsService,
    IdeaExportsResolver,
    ExportDownloadsService,
  ],
  exports: [ExportDownloadsService],
})
export class IdeaExportsModule implements OnModuleInit {
  constructor(
    private readonly nodes: NodeRegistry,
    private readonly exports: IdeaExportsService,
  ) {}

  onModuleInit(): void {
    this.nodes.register('ExportJob', (id, viewer, loaders) =>
      this.exports.findOwn(loaders, viewer, id),
    );
  }
}
