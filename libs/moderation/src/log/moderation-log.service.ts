import {
  byKeys,
  Connection,
  encodeCursor,
  pageCursor,
  PageRequest,
  requestLoader,
  seek,
  toConnection,
} from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { ModerationActionEntity } from './moderation-action.entity';

/** Reads the moderation log, newest first. Entries are written by core's ModerationLogWriter. */
@Injectable()
export class ModerationLogService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A keyset page of the log, newest first. */
  async list(page: PageRequest): Promise<Connection<ModerationActionEntity>> {
    const qb = this.dataSource.manager.createQueryBuilder(ModerationActionEntity, 'a');
    const { order, past } = seek(page, 'DESC');
    const cursor = pageCursor(page, ['timestamp', 'uuid']);
    if (cursor) {
      const [at, id] = cursor;
      qb.where(`(a.created_at, a.id) ${past} (:at, :id)`, { at: new Date(at), id });
    }
    const rows = await qb
      .orderBy('a.created_at', order)
      .addOrderBy('a.id', order)
      .limit(page.limit + 1)
      .getMany();
    return toConnection(rows, page, {
      cursorOf: (row) => encodeCursor([row.createdAt.getTime(), row.id]),
      nodeOf: (row) => row,
      totalCount: () =>
        this.dataSource.manager.createQueryBuilder(ModerationActionEntity, 'a').getCount(),
    });
  }

  /** Loads a log entry by UUID through the request's loader. */
  load(ctx: object, id: string): Promise<ModerationActionEntity | null> {
    return requestLoader<string, ModerationActionEntity | null>(
      ctx,
      'moderationActions.byId',
      async (ids) => {
        const rows = await this.dataSource.manager.findBy(ModerationActionEntity, {
          id: In([...ids]),
        });
        return byKeys(ids, rows, (row) => row.id, null);
      },
    ).load(id);
  }
}
