import { APP_CONFIG, AppConfig } from '@app/core';
import { Inject, Injectable } from '@nestjs/common';
import { ExportJobsRepository } from './export-jobs.repository';
import { ExportCursor, ExportedIdeasRepository } from './exported-ideas.repository';
import { ideaCsvHeader, ideaCsvRecords } from './idea-csv';

/** Ideas read per query, written as one chunk: memory stays flat whatever the export's size. */
const PAGE_SIZE = 1000;

/** Writes the CSV of an export into the database, page by page. */
@Injectable()
export class IdeaExportWriter {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: ExportJobsRepository,
    private readonly ideas: ExportedIdeasRepository,
  ) {}

  /**
   * Writes the export from the start (an earlier attempt's chunks are dropped first), moving its
   * row count after each page, then marks it DONE. An unknown or finished export is left alone.
   */
  async write(exportId: string): Promise<void> {
    const filter = await this.jobs.start(exportId, ideaCsvHeader());
    if (!filter) return;
    let after: ExportCursor | null = null;
    for (let seq = 1; ; seq++) {
      const ideas = await this.ideas.page(filter, after, PAGE_SIZE);
      if (ideas.length === 0) break;
      const csv = ideaCsvRecords(ideas, this.config.publicUrl);
      await this.jobs.appendChunk(exportId, seq, csv, ideas.length);
      if (ideas.length < PAGE_SIZE) break;
      after = ideas[ideas.length - 1];
    }
    await this.jobs.finish(exportId);
  }

  /** Records a failed attempt: the export waits for the next one, or after the last is FAILED. */
  async attemptFailed(
    exportId: string,
    error: string,
    { retrying }: { retrying: boolean },
  ): Promise<void> {
    if (retrying) await this.jobs.requeue(exportId);
    else await this.jobs.fail(exportId, error);
  }
}
