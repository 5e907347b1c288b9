import {
  APP_CONFIG,
  AppConfig,
  badInput,
  byKeys,
  notFound,
  OutboxService,
  RequestLoaders,
  toGlobalId,
  Transactions,
  Viewer,
} from '@app/core';
import { BoardKind, BoardsService } from '@app/forum';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { IdeaQueryFilter } from '../dto/idea-filter.input';
import { ExportJobEntity } from './export-job.entity';
import { ExportJobsRepository } from './export-jobs.repository';
import { ExportStatus } from './export-status';
import { EXPORT_REQUESTED_EVENT, ExportRequestedEvent } from './idea-export-queue';

/** Asking for a CSV export of ideas and following its progress. */
@Injectable()
export class IdeaExportsService {
  constructor(
    private readonly transactions: Transactions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly outbox: OutboxService,
    private readonly jobs: ExportJobsRepository,
    private readonly boards: BoardsService,
  ) {}

  /**
   * Records a QUEUED export of the ideas matching `filter` for the worker to write.
   *
   * The request travels through the outbox rather than straight to BullMQ: the API holds no
   * queue connection (only the worker does), and the event commits with the export_jobs row,
   * so a row never lacks its job nor a job its row, even when Redis is down at the time.
   */
  async request(viewer: Viewer, filter: IdeaQueryFilter): Promise<ExportJobEntity> {
    await this.checkBoard(filter);
    const id = randomUUID();
    await this.transactions.run(async (tx) => {
      await this.jobs.insertQueued({ id, requesterId: viewer.id, filter }, tx);
      await this.outbox.record(tx, EXPORT_REQUESTED_EVENT, {
        exportId: id,
      } satisfies ExportRequestedEvent);
    });
    const job = await this.jobs.findById(id);
    if (!job) throw notFound('ExportJob');
    return job;
  }

  /** An export as its requester sees it (through the request's loader); null for anyone else. */
  async findOwn(
    loaders: RequestLoaders,
    viewer: Viewer | null,
    id: string,
  ): Promise<ExportJobEntity | null> {
    if (!viewer) return null;
    const job = await loaders
      .get<
        string,
        ExportJobEntity | null
      >('exportJobs.byId', async (ids) => byKeys(ids, await this.jobs.findByIds(ids), (row) => row.id, null))
      .load(id);
    return job?.requesterId === viewer.id ? job : null;
  }

  /** Where a finished export is served (see the API's exports controller); null until DONE. */
  downloadUrl(job: ExportJobEntity): string | null {
    if (job.status !== ExportStatus.DONE) return null;
    return `${this.config.publicUrl}/exports/${toGlobalId('ExportJob', job.id)}.csv`;
  }

  /** A filter's board that is not an ideas board is BAD_USER_INPUT. */
  private async checkBoard(filter: IdeaQueryFilter): Promise<void> {
    if (filter.boardId && (await this.boards.kindOf(filter.boardId)) !== BoardKind.IDEAS) {
      throw badInput('filter.boardId', 'is not an ideas board');
    }
  }
}
