import { AppConfig } from '@app/core';
import { UsersService } from '@app/identity';
import { randomUUID } from 'node:crypto';
import { fakeTransactions, TX } from '../testing';
import { ExportJobsRepository } from './export-jobs.repository';
import { ExportStatus } from './export-status';
import {
  ExportCursor,
  ExportedIdeaRow,
  ExportedIdeasRepository,
} from './exported-ideas.repository';
import { ideaCsvHeader } from './idea-csv';
import { IdeaExportWriter } from './idea-export-writer';

const ADA = randomUUID();

const exported = (n: number): ExportedIdeaRow => ({
  id: randomUUID(),
  title: `Idea ${n}`,
  status: 'NEW',
  voteCount: n,
  authorId: ADA,
  createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, n)),
  tags: [],
});

/** A writer over `total` matching ideas, recording the statements it asks for in order. */
function writerOver(total: number, options: { unfinished?: boolean } = {}) {
  const ideas = Array.from({ length: total }, (_, n) => exported(n));
  const calls: string[] = [];
  const chunks: Array<{ seq: number; lines: number }> = [];
  const jobs = {
    lockUnfinished: jest.fn(async () => (options.unfinished === false ? null : { tag: 'maps' })),
    deleteChunks: jest.fn(async () => void calls.push('deleteChunks')),
    markRunning: jest.fn(async () => void calls.push('markRunning')),
    insertChunk: jest.fn(async (_id: string, seq: number, data: string) => {
      chunks.push({ seq, lines: data.split('\r\n').length - 1 });
    }),
    addRows: jest.fn(async () => undefined),
    markDone: jest.fn(async () => void calls.push('markDone')),
    resetAttempt: jest.fn(async () => undefined),
  };
  const pages = {
    page: jest.fn(async (_filter: unknown, after: ExportCursor | null, limit: number) => {
      const start = after ? ideas.findIndex((idea) => idea.id === after.id) + 1 : 0;
      return ideas.slice(start, start + limit);
    }),
  };
  const users = { handlesOf: jest.fn(async () => new Map([[ADA, 'ada']])) };
  const writer = new IdeaExportWriter(
    { publicUrl: 'https://c.example' } as AppConfig,
    fakeTransactions(),
    jobs as unknown as ExportJobsRepository,
    pages as unknown as ExportedIdeasRepository,
    users as unknown as UsersService,
  );
  return { writer, jobs, pages, users, calls, chunks };
}

describe('writing an export', () => {
  it("writes each author's handle, asking identity once per page for the page's authors", async () => {
    const { writer, jobs, users } = writerOver(1500);
    await writer.write('job');
    expect(users.handlesOf.mock.calls).toEqual([[[ADA]], [[ADA]]]);
    const [, , firstPage] = jobs.insertChunk.mock.calls[1];
    expect(firstPage.split('\r\n')[0]).toContain(',ada,');
  });

  it('starts afresh with the header, writes a chunk per page of 1000 and marks it DONE', async () => {
    const { writer, jobs, pages, calls, chunks } = writerOver(2500);
    await writer.write('job');
    expect(calls).toEqual(['deleteChunks', 'markRunning', 'markDone']);
    expect(jobs.insertChunk).toHaveBeenNthCalledWith(1, 'job', 0, ideaCsvHeader(), TX);
    expect(chunks).toEqual([
      { seq: 0, lines: 1 },
      { seq: 1, lines: 1000 },
      { seq: 2, lines: 1000 },
      { seq: 3, lines: 500 },
    ]);
    expect(jobs.addRows.mock.calls).toEqual([
      ['job', 1000, TX],
      ['job', 1000, TX],
      ['job', 500, TX],
    ]);
    expect(pages.page).toHaveBeenCalledWith({ tag: 'maps' }, null, 1000);
  });

  it('asks once more after a full last page, and finishes an empty export with the header', async () => {
    const full = writerOver(1000);
    await full.writer.write('job');
    expect(full.pages.page).toHaveBeenCalledTimes(2);
    expect(full.calls).toContain('markDone');
    const empty = writerOver(0);
    await empty.writer.write('job');
    expect(empty.chunks).toEqual([{ seq: 0, lines: 1 }]);
    expect(empty.calls).toContain('markDone');
  });

  it('leaves an unknown or finished export alone', async () => {
    const { writer, jobs, calls } = writerOver(10, { unfinished: false });
    await writer.write('job');
    expect(calls).toEqual([]);
    expect(jobs.insertChunk).not.toHaveBeenCalled();
  });

  it('drops a failed attempt and queues the export again, or fails it after the last', async () => {
    const { writer, jobs } = writerOver(0);
    await writer.attemptFailed('job', 'Broken', { retrying: true });
    expect(jobs.resetAttempt).toHaveBeenLastCalledWith('job', ExportStatus.QUEUED, null, TX);
    await writer.attemptFailed('job', 'Broken', { retrying: false });
    expect(jobs.resetAttempt).toHaveBeenLastCalledWith('job', ExportStatus.FAILED, 'Broken', TX);
    expect(jobs.deleteChunks).toHaveBeenCalledTimes(2);
  });
});
