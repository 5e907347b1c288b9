import { SAMPLE, SqlSnapshot, Tx } from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
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

  /** The revisions of these posts, oldest first (the loaders' batch read). */
  @SqlSnapshot({ params: [[SAMPLE.UUID, SAMPLE.UUID_2]] })
  ofPosts(postIds: readonly string[]): Promise<PostRevisionEntity[]> {
    return this.revisions.find({
      where: { postId: In([...postIds]) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }
}
