import { byKeys, Connection, PageRequest, RequestLoaders, toConnection } from '@app/core';
import { Injectable } from '@nestjs/common';
import { ModerationActionEntity } from './moderation-action.entity';
import { logCursorOf, ModerationLogRepository } from './moderation-log.repository';

/** Reads the moderation log, newest first. Entries are appended through core's ModerationLog port. */
@Injectable()
export class ModerationLogService {
  constructor(private readonly log: ModerationLogRepository) {}

  /** A keyset page of the log, newest first. */
  async list(page: PageRequest): Promise<Connection<ModerationActionEntity>> {
    const rows = await this.log.page(page);
    return toConnection(rows, page, {
      cursorOf: logCursorOf,
      nodeOf: (row) => row,
      totalCount: () => this.log.count(),
    });
  }

  /** A log entry by UUID, batched through the request's loaders. */
  byId(loaders: RequestLoaders, id: string): Promise<ModerationActionEntity | null> {
    return loaders
      .get<
        string,
        ModerationActionEntity | null
      >('moderationActions.byId', async (ids) => byKeys(ids, await this.log.byIds(ids), (row) => row.id, null))
      .load(id);
  }
}
