import { Module } from '@nestjs/common';

/** Ideas: submitting, voting, comments, statuses, merges and CSV exports. */
@Module({})
export class IdeasModule {}
