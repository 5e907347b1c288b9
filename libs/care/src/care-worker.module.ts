import { Module } from '@nestjs/common';

/** The worker side of care: its scheduled jobs, each sub-module imported here. */
@Module({ imports: [] })
export class CareWorkerModule {}
