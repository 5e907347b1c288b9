import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** How long a finished export can still be downloaded. */
export const EXPORT_RETENTION_DAYS = 7;

/** Deletes exports finished more than a week ago, with their chunks. */
@Injectable()
export class ExportPurge {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async purge(): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM export_jobs
        WHERE finished_at < now() - interval '${EXPORT_RETENTION_DAYS} days'`,
    );
  }
}
