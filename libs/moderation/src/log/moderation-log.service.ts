import { Connection, decodeCursor, encodeCursor, pageSize, toConnection } from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ModerationActionEntity } from './moderation-action.entity';

/** Reads the moderation log, newest first. Entries are written by core's ModerationLogWriter. */
@Injectable()
export class ModerationLogService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(
    first: number | null,
    after: string | null | undefined,
  ): Promise<Connection<ModerationActionEntity>> {
    const limit = pageSize(first);
    const qb = this.dataSource.manager.createQueryBuilder(ModerationActionEntity, 'a');
    if (after) {
      const [at, id] = decodeCursor(after, ['timestamp', 'uuid']);
      qb.where('(a.created_at, a.id) < (:at, :id)', { at: new Date(at), id });
    }
    const rows = await qb
      .orderBy('a.created_at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .limit(limit + 1)
      .getMany();
    return toConnection(rows, limit, {
      cursorOf: (row) => encodeCursor([row.createdAt.getTime(), row.id]),
      nodeOf: (row) => row,
      hasPreviousPage: Boolean(after),
      totalCount: () =>
        this.dataSource.manager.createQueryBuilder(ModerationActionEntity, 'a').getCount(),
    });
  }

  find(id: string): Promise<ModerationActionEntity | null> {
    return this.dataSource.manager.findOneBy(ModerationActionEntity, { id });
  }
}
