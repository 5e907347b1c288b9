import {
  cappedCount,
  ContentStatus,
  encodeCursor,
  KeyColumn,
  KeysetSort,
  keysetPage,
  PageRequest,
  SAMPLE,
  SAMPLE_PAGE,
  SqlSnapshot,
  Tx,
  Viewer,
  visibleSql,
} from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository, SelectQueryBuilder } from 'typeorm';
import { AnswerOrder } from '../forum.enums';
import { PostEntity } from './post.entity';

export interface AnswerPageQuery {
  threadId: string;
  orderBy: AnswerOrder;
  page: PageRequest;
  /** Left out of the page: the accepted solution, which is shown first separately. */
  excludeId?: string | null;
  viewer: Viewer | null;
}

const BY_AGE: KeyColumn[] = [
  { sql: 'p.created_at', part: 'timestamp' },
  { sql: 'p.id', part: 'uuid' },
];

/** Each answer order's keyset sort; most kudos first breaks ties oldest first. */
const ANSWER_SORT: Record<AnswerOrder, KeysetSort> = {
  [AnswerOrder.OLDEST]: { tail: { columns: BY_AGE, order: 'ASC' } },
  [AnswerOrder.NEWEST]: { tail: { columns: BY_AGE, order: 'DESC' } },
  [AnswerOrder.MOST_KUDOS]: {
    lead: { sql: 'p.kudos_count', part: 'count', order: 'DESC' },
    tail: { columns: BY_AGE, order: 'ASC' },
  },
};

/** A new answer's row; the database fills in its creation time. */
export type NewPost = Pick<
  PostEntity,
  | 'id'
  | 'threadId'
  | 'authorId'
  | 'body'
  | 'bodyHtml'
  | 'bodyText'
  | 'status'
  | 'kudosCount'
  | 'official'
  | 'editedAt'
>;

/** A post's body in its three forms, as an edit writes them. */
export type PostBody = Pick<PostEntity, 'body' | 'bodyHtml' | 'bodyText'>;

const SAMPLE_ANSWERS = {
  threadId: SAMPLE.UUID,
  orderBy: AnswerOrder.OLDEST,
  page: SAMPLE_PAGE.FIRST,
  excludeId: SAMPLE.UUID_2,
  viewer: null,
};

/** The columns of a page of answers, as [column, property]: those a post is shown with. */
const PAGE_COLUMNS: ReadonlyArray<[string, keyof PostEntity]> = [
  ['p.id', 'id'],
  ['p.author_id', 'authorId'],
  ['p.body', 'body'],
  ['p.body_html', 'bodyHtml'],
  ['p.created_at', 'createdAt'],
  ['p.thread_id', 'threadId'],
  ['p.status', 'status'],
  ['p.kudos_count', 'kudosCount'],
  ['p.official', 'official'],
  ['p.edited_at', 'editedAt'],
];

const MIN_UUID = '00000000-0000-0000-0000-000000000000';
const MAX_UUID = 'ffffffff-ffff-ffff-ffff-ffffffffffff';
const MAX_TIME = 8.64e15;
// kudos_count is an integer column: a bound past its range would fail the query.
const MAX_KUDOS = 2 ** 31 - 1;

/** The answer statements; every ordering walks posts_thread_created_idx or posts_thread_kudos_idx. */
@Injectable()
export class PostsRepository {
  constructor(@InjectRepository(PostEntity) private readonly posts: Repository<PostEntity>) {}

  /** One keyset page of a thread's answers (limit + 1 rows), in the page's direction. */
  @SqlSnapshot({ name: 'oldest first', params: [SAMPLE_ANSWERS] })
  @SqlSnapshot({
    name: 'oldest first, after a cursor',
    params: [{ ...SAMPLE_ANSWERS, page: SAMPLE_PAGE.after(SAMPLE.DATE.getTime()) }],
  })
  @SqlSnapshot({
    name: 'most kudos first',
    params: [{ ...SAMPLE_ANSWERS, orderBy: AnswerOrder.MOST_KUDOS }],
  })
  async page(query: AnswerPageQuery): Promise<PostEntity[]> {
    const qb = this.filtered(query);
    if (query.excludeId) qb.andWhere('p.id <> :excludeId', { excludeId: query.excludeId });
    // The columns named one by one and the rows taken raw: on every thread page, mapping them
    // through the entity metadata cost more than reading them.
    qb.select(PAGE_COLUMNS[0][0], PAGE_COLUMNS[0][1]);
    for (const [column, alias] of PAGE_COLUMNS.slice(1)) qb.addSelect(column, alias);
    const rows: object[] = await keysetPage(
      qb,
      query.page,
      ANSWER_SORT[query.orderBy],
    ).getRawMany();
    return rows.map((row) => Object.assign(Object.create(PostEntity.prototype) as PostEntity, row));
  }

  /** How many answers of the thread the viewer can see, up to the cap. */
  @SqlSnapshot({ params: [SAMPLE_ANSWERS] })
  count(query: AnswerPageQuery): Promise<number> {
    return cappedCount(this.filtered(query));
  }

  /** The cursor of an answer in a list of the given order. */
  cursorOf(post: PostEntity, orderBy: AnswerOrder): string {
    const at = post.createdAt.getTime();
    return encodeCursor(
      orderBy === AnswerOrder.MOST_KUDOS ? [post.kudosCount, at, post.id] : [at, post.id],
    );
  }

  /**
   * A cursor placed before every answer: given to the pinned solution, so that the page after it
   * starts at the top and nothing comes before it.
   */
  startCursor(orderBy: AnswerOrder): string {
    switch (orderBy) {
      case AnswerOrder.OLDEST:
        return encodeCursor([0, MIN_UUID]);
      case AnswerOrder.NEWEST:
        return encodeCursor([MAX_TIME, MAX_UUID]);
      case AnswerOrder.MOST_KUDOS:
        return encodeCursor([MAX_KUDOS, 0, MIN_UUID]);
    }
  }

  /**
   * The latest `limit` published answers of each author in published threads, newest first, in
   * one query: each author's walk of posts_author_recent_idx stops after `limit` visible rows.
   */
  @SqlSnapshot({ params: [[SAMPLE.UUID, SAMPLE.UUID_2], 5] })
  async recentByAuthors(authorIds: readonly string[], limit: number): Promise<PostEntity[]> {
    const rows: Array<{ id: string }> = await this.posts.query(
      `SELECT recent.id
         FROM unnest($1::uuid[]) AS author(id)
         CROSS JOIN LATERAL (
           SELECT p.id, p.created_at
             FROM posts p
             JOIN threads t ON t.id = p.thread_id AND t.content_status = 'PUBLISHED'
            WHERE p.author_id = author.id AND p.status = 'PUBLISHED'
            ORDER BY p.created_at DESC, p.id DESC
            LIMIT $2
         ) AS recent
        ORDER BY author.id, recent.created_at DESC, recent.id DESC`,
      [authorIds, limit],
    );
    const posts = await this.posts.findBy({ id: In(rows.map((row) => row.id)) });
    const byId = new Map(posts.map((post) => [post.id, post]));
    return rows.flatMap((row) => byId.get(row.id) ?? []);
  }

  /**
   * The posts of these ids that exist, in no particular order (the loaders' batch read): its
   * columns named one by one and read without the query builder, being on every thread page.
   */
  @SqlSnapshot({ params: [[SAMPLE.UUID, SAMPLE.UUID_2]] })
  async byIds(ids: readonly string[]): Promise<PostEntity[]> {
    const rows: object[] = await this.posts.query(
      `SELECT id, author_id AS "authorId", body, body_html AS "bodyHtml", created_at AS "createdAt",
              thread_id AS "threadId", status, kudos_count AS "kudosCount", official,
              edited_at AS "editedAt"
         FROM posts
        WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    // On the prototype, without the constructor's undefined keys for the columns left out.
    return rows.map((row) => Object.assign(Object.create(PostEntity.prototype) as PostEntity, row));
  }

  /** A post by id, or null. */
  @SqlSnapshot({ params: [SAMPLE.UUID] })
  byId(id: string, tx?: Tx): Promise<PostEntity | null> {
    return this.repo(tx).findOneBy({ id });
  }

  /** A published post by id, or null (hidden, deleted or missing). */
  @SqlSnapshot({ params: [SAMPLE.UUID] })
  publishedById(id: string): Promise<PostEntity | null> {
    return this.posts.findOneBy({ id, status: ContentStatus.PUBLISHED });
  }

  /** A post by id, its row locked until the transaction ends (settles concurrent changes). */
  @SqlSnapshot({ params: [SAMPLE.UUID, SAMPLE.TX] })
  lock(id: string, tx: Tx): Promise<PostEntity | null> {
    return tx.getRepository(PostEntity).findOne({
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
  }

  @SqlSnapshot({
    params: [
      {
        id: SAMPLE.UUID,
        threadId: SAMPLE.UUID_2,
        authorId: SAMPLE.UUID_2,
        body: SAMPLE.TEXT,
        bodyHtml: SAMPLE.TEXT,
        bodyText: SAMPLE.TEXT,
        status: ContentStatus.PUBLISHED,
        kudosCount: 0,
        official: false,
        editedAt: null,
      },
      SAMPLE.TX,
    ],
  })
  async insert(post: NewPost, tx: Tx): Promise<void> {
    await tx.getRepository(PostEntity).insert(post);
  }

  /** Replaces the body and marks the post edited now. */
  async replaceBody(id: string, body: PostBody, tx: Tx): Promise<void> {
    await tx.getRepository(PostEntity).update({ id }, { ...body, editedAt: () => 'now()' });
  }

  /** Marks the post DELETED, keeping its text and who deleted it why. */
  async softDelete(id: string, deletedBy: string, reason: string | null, tx: Tx): Promise<void> {
    await tx.getRepository(PostEntity).update(
      { id },
      {
        status: ContentStatus.DELETED,
        deletedAt: () => 'now()',
        deletedBy,
        deleteReason: reason,
      },
    );
  }

  async setStatus(id: string, status: ContentStatus, tx: Tx): Promise<void> {
    await tx.getRepository(PostEntity).update({ id }, { status });
  }

  private repo(tx?: Tx): Repository<PostEntity> {
    return tx ? tx.getRepository(PostEntity) : this.posts;
  }

  private filtered(query: AnswerPageQuery): SelectQueryBuilder<PostEntity> {
    const visible = visibleSql('p.status', 'p.author_id', query.viewer);
    return this.posts
      .createQueryBuilder('p')
      .where('p.thread_id = :threadId', { threadId: query.threadId })
      .andWhere(visible.sql, visible.params);
  }
}
