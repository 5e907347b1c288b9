import { Module } from '@nestjs/common';
import { IdeaExportsModule } from './export/idea-exports.module';

/** Ideas: submitting, voting, comments, statuses, merges and CSV exports. */
@Module({
  imports: [IdeaExportsModule],
})
export class IdeasModule {}
