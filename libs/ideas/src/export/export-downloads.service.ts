import { Viewer } from '@app/core';
import { Injectable } from '@nestjs/common';
import { Readable } from 'node:stream';
import { ExportJobsRepository } from './export-jobs.repository';
import { ExportStatus } from './export-status';

/** Chunks read per query while serving a download (each holds up to a page of rows). */
const CHUNKS_PER_READ = 4;

/** A finished export ready to send: its file name and its CSV as a stream. */
export interface ExportDownload {
  filename: string;
  csv: Readable;
}

/** Serves finished exports to the members who asked for them. */
@Injectable()
export class ExportDownloadsService {
  constructor(private readonly jobs: ExportJobsRepository) {}

  /**
   * The CSV of the viewer's finished export `globalId`, streamed from the database chunk by
   * chunk; null when the id is not an export, not the viewer's, or not DONE.
   */
  async open(viewer: Viewer, jobId: string): Promise<ExportDownload | null> {
    const job = await this.jobs.findOwn(jobId, viewer.id);
    if (job?.status !== ExportStatus.DONE) return null;
    return {
      filename: `ideas-${job.createdAt.toISOString().slice(0, 10)}.csv`,
      // Not object mode: the chunks' text goes out as UTF-8 bytes.
      csv: Readable.from(this.chunks(job.id), { objectMode: false }),
    };
  }

  /** The CSV of an export, chunk by chunk in order, read a few chunks at a time. */
  private async *chunks(id: string): AsyncGenerator<string> {
    for (let after = -1; ; ) {
      const rows = await this.jobs.chunkPage(id, after, CHUNKS_PER_READ);
      for (const row of rows) yield row.data;
      if (rows.length < CHUNKS_PER_READ) return;
      after = rows[rows.length - 1].seq;
    }
  }
}
