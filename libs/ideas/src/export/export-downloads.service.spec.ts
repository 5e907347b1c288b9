import { AccountStatus, Role, Viewer } from '@app/core';
import { randomUUID } from 'node:crypto';
import { ExportDownloadsService } from './export-downloads.service';
import { ExportJobEntity } from './export-job.entity';
import { ExportJobsRepository } from './export-jobs.repository';
import { ExportStatus } from './export-status';

const requester: Viewer = {
  id: randomUUID(),
  handle: 'pm',
  role: Role.PRODUCT_MANAGER,
  status: AccountStatus.ACTIVE,
  sessionId: randomUUID(),
};

function serviceOver(status: ExportStatus, chunkCount: number) {
  const job = Object.assign(new ExportJobEntity(), {
    id: randomUUID(),
    requesterId: requester.id,
    status,
    createdAt: new Date('2026-03-01T10:00:00Z'),
  });
  const chunks = Array.from({ length: chunkCount }, (_, seq) => ({ seq, data: `row ${seq}\r\n` }));
  const jobs = {
    findOwn: jest.fn(async (id: string, requesterId: string) =>
      id === job.id && requesterId === job.requesterId ? job : null,
    ),
    chunkPage: jest.fn(async (_id: string, after: number, limit: number) =>
      chunks.filter((chunk) => chunk.seq > after).slice(0, limit),
    ),
  };
  const service = new ExportDownloadsService(jobs as unknown as ExportJobsRepository);
  return { service, jobs, job };
}

async function text(stream: NodeJS.ReadableStream): Promise<string> {
  let all = '';
  for await (const chunk of stream) all += String(chunk);
  return all;
}

describe('downloading an export', () => {
  it('streams a DONE export to its requester, a few chunks per read, under a dated name', async () => {
    const { service, jobs, job } = serviceOver(ExportStatus.DONE, 9);
    const download = await service.open(requester, job.id);
    if (!download) throw new Error('expected a download');
    expect(download.filename).toBe('ideas-2026-03-01.csv');
    expect(await text(download.csv)).toBe(
      Array.from({ length: 9 }, (_, seq) => `row ${seq}\r\n`).join(''),
    );
    expect(jobs.chunkPage.mock.calls.map(([, after]) => after)).toEqual([-1, 3, 7]);
  });

  it('serves nothing for another member, or an export not DONE', async () => {
    const { service, job } = serviceOver(ExportStatus.RUNNING, 1);
    expect(await service.open(requester, job.id)).toBeNull();
    const done = serviceOver(ExportStatus.DONE, 1);
    const other = { ...requester, id: randomUUID() };
    expect(await done.service.open(other, done.job.id)).toBeNull();
  });
});
