import { Module } from '@nestjs/common';

/** The worker side of ideas: CSV exports. */
@Module({})
export class IdeasWorkerModule {}
