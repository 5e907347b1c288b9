import { Column, Entity, PrimaryColumn } from 'typeorm';
import { IdeaQueryFilter } from '../dto/idea-filter.input';
import { ExportStatus } from './export-status';

/** One requested CSV export of ideas; the CSV itself is in export_chunks. */
@Entity('export_jobs')
export class ExportJobEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'requester_id' })
  requesterId!: string;

  /** The filter as checked when requested, with database ids. */
  @Column('jsonb')
  filter!: IdeaQueryFilter;

  @Column('text')
  status!: ExportStatus;

  /** Rows written so far: the progress of a running export, the total of a finished one. */
  @Column('int', { name: 'row_count' })
  rowCount!: number;

  @Column('text', { nullable: true })
  error!: string | null;

  @Column({ type: 'timestamptz', precision: 3, name: 'created_at' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', precision: 3, name: 'finished_at', nullable: true })
  finishedAt!: Date | null;
}
