import { SAMPLE, SqlSnapshot, Tx } from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { PostRevisionEntity } from './post-revision.entity';

/** A revision's row; the database fills in its time. */
export type NewPostRevision = Omit<PostRevisionEntity, 'createdAt'>;

/** The post_revisions statements: earlier bodies are only ever added, never changed. */
@Injectable()
export class PostRevisionsRepository {
  constructor(
    @InjectRepository(PostRevisionEntity)
    private readonly revisions: Repository<PostRevisionEntity>,
  ) {}

  async insert(revision: NewPostRevision, tx: Tx): Promise<void> {
    await tx.getRepository(PostRevisionEntity).insert(revision);
  }

  /**
   * The revisions of these posts, oldest first (the loaders' batch read), read without the query
   * builder: a thread page asks on every view.
   */
  @SqlSnapshot({ params: [[SAMPLE.UUID, SAMPLE.UUID_2]] })
  async ofPosts(postIds: readonly string[]): Promise<PostRevisionEntity[]> {
    const rows: object[] = await this.revisions.query(
      `SELECT id, post_id AS "postId", editor_id AS "editorId", body, reason,
              created_at AS "createdAt"
         FROM post_revisions
        WHERE post_id = ANY($1::uuid[])
        ORDER BY created_at, id`,
      [postIds],
    );
    return rows.map((row) => Object.assign(new PostRevisionEntity(), row));
  }
}
