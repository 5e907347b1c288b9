import { AppConfig, ErrorCode, OutboxService, Role } from '@app/core';
import { BoardKind, BoardsService } from '@app/forum';
import { randomUUID } from 'node:crypto';
import { fakeTransactions, loaders, refusal, TX, viewer } from '../testing';
import { ExportJobEntity } from './export-job.entity';
import { ExportJobsRepository } from './export-jobs.repository';
import { ExportStatus } from './export-status';
import { EXPORT_REQUESTED_EVENT } from './idea-export-queue';
import { IdeaExportsService } from './idea-exports.service';

const job = (fields: Partial<ExportJobEntity>): ExportJobEntity =>
  Object.assign(new ExportJobEntity(), {
    id: randomUUID(),
    requesterId: randomUUID(),
    filter: {},
    status: ExportStatus.QUEUED,
    rowCount: 0,
    error: null,
    createdAt: new Date(),
    finishedAt: null,
    ...fields,
  });

function serviceWith(kind: BoardKind | null = BoardKind.IDEAS) {
  const rows = new Map<string, ExportJobEntity>();
  const jobs = {
    insertQueued: jest.fn(async (row: { id: string; requesterId: string }) => {
      rows.set(row.id, job(row));
    }),
    findById: jest.fn(async (id: string) => rows.get(id) ?? null),
    findByIds: jest.fn(async (ids: readonly string[]) => ids.flatMap((id) => rows.get(id) ?? [])),
  };
  const outbox = { record: jest.fn(async () => undefined) };
  const boards = { kindOf: jest.fn(async () => kind) };
  const config = { publicUrl: 'https://c.example' } as AppConfig;
  const service = new IdeaExportsService(
    fakeTransactions(),
    config,
    outbox as unknown as OutboxService,
    jobs as unknown as ExportJobsRepository,
    boards as unknown as BoardsService,
  );
  return { service, jobs, outbox, rows };
}

describe('asking for an export', () => {
  const pm = viewer(Role.PRODUCT_MANAGER);

  it('records a QUEUED export and the event for the worker in one transaction', async () => {
    const { service, jobs, outbox } = serviceWith();
    const filter = { boardId: randomUUID(), tag: 'maps' };
    const requested = await service.request(pm, filter);
    expect(requested).toMatchObject({ requesterId: pm.id, status: ExportStatus.QUEUED });
    expect(jobs.insertQueued).toHaveBeenCalledWith(
      { id: requested.id, requesterId: pm.id, filter },
      TX,
    );
    expect(outbox.record).toHaveBeenCalledWith(TX, EXPORT_REQUESTED_EVENT, {
      exportId: requested.id,
    });
  });

  it('refuses a board that is not an ideas board, recording nothing', async () => {
    for (const kind of [BoardKind.QUESTIONS, null]) {
      const { service, jobs } = serviceWith(kind);
      expect(await refusal(service.request(pm, { boardId: randomUUID() }))).toEqual({
        code: ErrorCode.BAD_USER_INPUT,
        message: 'filter.boardId: is not an ideas board',
      });
      expect(jobs.insertQueued).not.toHaveBeenCalled();
    }
  });
});

describe('following an export', () => {
  it('shows an export to its requester only, batched per request', async () => {
    const { service, jobs, rows } = serviceWith();
    const requester = viewer(Role.PRODUCT_MANAGER);
    const mine = job({ requesterId: requester.id });
    rows.set(mine.id, mine);
    const request = loaders();
    expect(
      await Promise.all([
        service.findOwn(request, requester, mine.id),
        service.findOwn(request, viewer(Role.ADMIN), mine.id),
      ]),
    ).toEqual([mine, null]);
    expect(jobs.findByIds).toHaveBeenCalledTimes(1);
    expect(await service.findOwn(loaders(), null, mine.id)).toBeNull();
  });

  it('gives a download address only once the export is DONE', () => {
    const { service } = serviceWith();
    const done = job({ status: ExportStatus.DONE });
    expect(service.downloadUrl(job({ status: ExportStatus.RUNNING }))).toBeNull();
    expect(service.downloadUrl(done)).toMatch(/^https:\/\/c\.example\/exports\/[\w-]+\.csv$/);
  });
});
