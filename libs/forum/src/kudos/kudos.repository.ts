import { MemberMarks, SAMPLE, SqlSnapshot, Tx } from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** A kudos row per member and post, counted in posts.kudos_count. */
const KUDOS = new MemberMarks({
  table: 'kudos',
  targetColumn: 'post_id',
  targets: 'posts',
  counter: 'kudos_count',
});

/** The kudos statements: one kudo per member per post, counted once. */
@Injectable()
export class KudosRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Gives the member's kudo and counts it; false when it was already given. */
  @SqlSnapshot({ params: [SAMPLE.UUID, SAMPLE.UUID_2, SAMPLE.TX] })
  add(postId: string, userId: string, tx: Tx): Promise<boolean> {
    return KUDOS.add(tx, postId, userId);
  }

  /** Takes the member's kudo back and uncounts it; false when there was none. */
  @SqlSnapshot({ params: [SAMPLE.UUID, SAMPLE.UUID_2, SAMPLE.TX] })
  remove(postId: string, userId: string, tx: Tx): Promise<boolean> {
    return KUDOS.remove(tx, postId, userId);
  }

  /** For each post, whether the member gave it a kudo (in the order of `postIds`). */
  @SqlSnapshot({ params: [SAMPLE.UUID, [SAMPLE.UUID, SAMPLE.UUID_2]] })
  givenAmong(userId: string, postIds: readonly string[]): Promise<boolean[]> {
    return KUDOS.markedAmong(this.dataSource.manager, userId, postIds);
  }

  /** One page of the members who gave the post a kudo, by id after `afterUserId`. */
  @SqlSnapshot({ params: [SAMPLE.UUID, SAMPLE.UUID_2, 1000] })
  giverPage(postId: string, afterUserId: string, limit: number): Promise<string[]> {
    return KUDOS.markerPage(this.dataSource.manager, postId, afterUserId, limit);
  }
}
