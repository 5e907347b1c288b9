import { Module } from '@nestjs/common';
import { CareMembersRepository } from './segments.repository';
import { SegmentsService } from './segments.service';

@Module({
  providers: [CareMembersRepository, SegmentsService],
  exports: [SegmentsService],
})
export class SegmentsModule {}
