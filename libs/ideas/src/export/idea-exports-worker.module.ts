import { Module } from '@nestjs/common';

/** The worker side of CSV exports: writes the CSV of the filtered ideas. */
@Module({})
export class IdeaExportsWorkerModule {}
