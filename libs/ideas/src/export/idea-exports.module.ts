import { Module } from '@nestjs/common';

/** The API side of CSV exports of ideas: asking for one and following its progress. */
@Module({})
export class IdeaExportsModule {}
