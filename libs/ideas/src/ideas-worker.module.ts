import { Module } from '@nestjs/common';
import { IdeaExportsWorkerModule } from './export/idea-exports-worker.module';

/** The worker side of ideas: CSV exports. */
@Module({
  imports: [IdeaExportsWorkerModule],
})
export class IdeasWorkerModule {}
