import { SAMPLE, SqlSnapshot } from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { IdeaQueryFilter } from '../dto/idea-filter.input';
import { IdeaStatus } from '../ideas.enums';
import { ExportedIdea } from './idea-csv';

/** Where a page starts: after this idea, in (created_at, id) order. */
export type ExportCursor = Pick<ExportedIdea, 'createdAt' | 'id'>;

/** An exported idea as its table has it: the author by id (their handle is identity's). */
export type ExportedIdeaRow = Omit<ExportedIdea, 'authorHandle'> & { authorId: string };

interface IdeaColumns {
  id: string;
  title: string;
  status: string;
  vote_count: number;
  author_id: string;
  created_at: Date;
  tags: string[];
}

/** The reads of an ideas export: published ideas matching a filter, in keyset pages. */
@Injectable()
export class ExportedIdeasRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Up to `limit` published ideas after `after`, oldest first. The (created_at, id) order walks
   * the newest-first indexes backwards, with or without the board or status filter.
   */
  @SqlSnapshot({ name: 'first page of a board', params: [{ boardId: SAMPLE.UUID }, null, 1000] })
  @SqlSnapshot({
    name: 'by status and tag, after a cursor',
    params: [
      { status: IdeaStatus.PLANNED, tag: SAMPLE.TEXT },
      { createdAt: SAMPLE.DATE, id: SAMPLE.UUID },
      1000,
    ],
  })
  async page(
    filter: IdeaQueryFilter,
    after: ExportCursor | null,
    limit: number,
  ): Promise<ExportedIdeaRow[]> {
    const conditions = [`i.content_status = 'PUBLISHED'`];
    const params: unknown[] = [];
    const param = (value: unknown): string => `$${params.push(value)}`;
    if (filter.boardId) conditions.push(`i.board_id = ${param(filter.boardId)}`);
    if (filter.status) conditions.push(`i.status = ${param(filter.status)}`);
    if (filter.tag) conditions.push(`i.tags @> ARRAY[${param(filter.tag)}::text]`);
    if (after) {
      conditions.push(`(i.created_at, i.id) > (${param(after.createdAt)}, ${param(after.id)})`);
    }
    const rows: IdeaColumns[] = await this.dataSource.query(
      `SELECT i.id, i.title, i.status, i.vote_count, i.author_id, i.created_at, i.tags
         FROM ideas i
        WHERE ${conditions.join(' AND ')}
        ORDER BY i.created_at, i.id
        LIMIT ${param(limit)}`,
      params,
    );
    return rows.map((row) => ({
      id: row.id,
      title: row.title,
      status: row.status,
      voteCount: row.vote_count,
      authorId: row.author_id,
      createdAt: row.created_at,
      tags: row.tags,
    }));
  }
}
