import { APP_CONFIG, AppConfig, Transactions } from '@app/core';
import { UsersService } from '@app/identity';
import { Inject, Injectable } from '@nestjs/common';
import { ExportJobsRepository } from './export-jobs.repository';
import { ExportStatus } from './export-status';
import { ExportCursor, ExportedIdeasRepository } from './exported-ideas.repository';
import { ideaCsvHeader, ideaCsvRecords } from './idea-csv';

/** Ideas read per query, written as one chunk: memory stays flat whatever the export's size. */
const PAGE_SIZE = 1000;

/** Writes the CSV of an export into the database, page by page. */
@Injectable()
export class IdeaExportWriter {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly transactions: Transactions,
    private readonly jobs: ExportJobsRepository,
    private readonly ideas: ExportedIdeasRepository,
    private readonly users: UsersService,
  ) {}

  /**
   * Writes the export from the start (an earlier attempt's chunks are dropped first), moving its
   * row count after each page, then marks it DONE. An unknown or finished export is left alone.
   */
  async write(exportId: string): Promise<void> {
    const filter = await this.transactions.run(async (tx) => {
      const unfinished = await this.jobs.lockUnfinished(exportId, tx);
      if (!unfinished) return null;
      await this.jobs.deleteChunks(exportId, tx);
      await this.jobs.markRunning(exportId, tx);
      await this.jobs.insertChunk(exportId, 0, ideaCsvHeader(), tx);
      return unfinished;
    });
    if (!filter) return;
    let after: ExportCursor | null = null;
    for (let seq = 1; ; seq++) {
      const rows = await this.ideas.page(filter, after, PAGE_SIZE);
      if (rows.length === 0) break;
      const handles = await this.users.handlesOf([...new Set(rows.map((row) => row.authorId))]);
      const ideas = rows.map(({ authorId, ...idea }) => ({
        ...idea,
        authorHandle: handles.get(authorId) ?? '',
      }));
      const csv = ideaCsvRecords(ideas, this.config.publicUrl);
      // The chunk and the progress it makes commit together.
      await this.transactions.run(async (tx) => {
        await this.jobs.insertChunk(exportId, seq, csv, tx);
        await this.jobs.addRows(exportId, ideas.length, tx);
      });
      if (ideas.length < PAGE_SIZE) break;
      after = ideas[ideas.length - 1];
    }
    await this.jobs.markDone(exportId);
  }

  /**
   * Records a failed attempt: its chunks are dropped, and the export waits for the next attempt,
   * or after the last is FAILED with `error`.
   */
  async attemptFailed(
    exportId: string,
    error: string,
    { retrying }: { retrying: boolean },
  ): Promise<void> {
    await this.transactions.run(async (tx) => {
      await this.jobs.deleteChunks(exportId, tx);
      if (retrying) await this.jobs.resetAttempt(exportId, ExportStatus.QUEUED, null, tx);
      else await this.jobs.resetAttempt(exportId, ExportStatus.FAILED, error, tx);
    });
  }
}
