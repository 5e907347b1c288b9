import { MemberMarks, SAMPLE, SqlSnapshot, Tx } from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** One helpful mark per member per review, counted in the review's helpful_count. */
const HELPFUL_MARKS = new MemberMarks({
  table: 'review_helpful_marks',
  targetColumn: 'review_id',
  targets: 'reviews',
  counter: 'helpful_count',
});

/** Every statement on `review_helpful_marks` (and the count they keep on `reviews`). */
@Injectable()
export class HelpfulMarksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Adds the member's mark and counts it; false when it was there already (nothing changed). */
  add(reviewId: string, userId: string, tx: Tx): Promise<boolean> {
    return HELPFUL_MARKS.add(tx, reviewId, userId);
  }

  /** For each review, whether the member has marked it helpful (in the order of `reviewIds`). */
  @SqlSnapshot({ params: [SAMPLE.UUID, [SAMPLE.UUID, SAMPLE.UUID_2]] })
  markedAmong(userId: string, reviewIds: readonly string[]): Promise<boolean[]> {
    return HELPFUL_MARKS.markedAmong(this.dataSource.manager, userId, reviewIds);
  }
}
