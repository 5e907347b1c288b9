import { ModerationLog } from '@app/core';
import { Global, Module } from '@nestjs/common';
import { ModerationLogRepository } from './moderation-log.repository';

/**
 * Provides core's ModerationLog port to every module of the process. Global because identity,
 * which sits below moderation, appends to the log too and cannot import it; both the API's and
 * the worker's moderation modules import this one, so the port is there wherever they are.
 */
@Global()
@Module({
  providers: [
    ModerationLogRepository,
    { provide: ModerationLog, useExisting: ModerationLogRepository },
  ],
  exports: [ModerationLog, ModerationLogRepository],
})
export class ModerationLogModule {}
