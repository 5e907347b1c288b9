import { UsersService } from '@app/identity';
import { APP_CONFIG, AppConfig, RequestLoaders, Role, Transactions, Viewer } from '@app/core';
import { ModerationLogModule } from '@app/moderation';
import { MediumTest } from '@test/medium';
import { parse } from 'csv-parse/sync';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { IdeaEntity } from '../ideas/idea.entity';
import { IdeasService } from '../ideas/ideas.service';
import { IdeaStatus } from '../ideas.enums';
import { IdeasModule } from '../ideas.module';
import { ExportDownloadsService } from './export-downloads.service';
import { ExportJobsRepository } from './export-jobs.repository';
import { ExportPurge } from './export-purge';
import { ExportStatus } from './export-status';
import { ExportedIdeasRepository } from './exported-ideas.repository';
import { IdeaExportWriter } from './idea-export-writer';
import { IdeaExportsService } from './idea-exports.service';

describe('CSV exports on the database', () => {
  const medium = new MediumTest();
  let exportsService: IdeaExportsService;
  let jobs: ExportJobsRepository;
  let pages: ExportedIdeasRepository;
  let writer: IdeaExportWriter;
  let boardId: string;

  beforeAll(async () => {
    await medium.start([IdeasModule, ModerationLogModule]);
    exportsService = medium.get(IdeaExportsService);
    jobs = medium.get(ExportJobsRepository);
    // The worker's side, built over the API's connection: the same statements either side.
    pages = new ExportedIdeasRepository(medium.get(DataSource));
    writer = new IdeaExportWriter(
      medium.get<AppConfig>(APP_CONFIG),
      medium.get(Transactions),
      jobs,
      pages,
      medium.get(UsersService),
    );
    [{ id: boardId }] = await medium.sql<{ id: string }>(
      `INSERT INTO boards (id, slug, name, description, kind)
       VALUES (gen_random_uuid(), $1, $1, 'Ideas', 'IDEAS') RETURNING id`,
      [`b-${randomBytes(4).toString('hex')}`],
    );
  });
  afterAll(() => medium.stop());

  const download = async (requester: Viewer, id: string) => {
    const served = await medium.get(ExportDownloadsService).open(requester, id);
    if (!served) return null;
    let csv = '';
    for await (const chunk of served.csv) csv += String(chunk);
    return parse(csv) as string[][];
  };

  // Times a minute apart, so that the export's order never falls back on the ids.
  const createdMinutesAfter = (ideaId: string, minutes: number) =>
    medium.sql(
      `UPDATE ideas SET created_at = timestamptz '2026-01-01' + $2 * interval '1 minute' WHERE id = $1`,
      [ideaId, minutes],
    );

  it('requests, writes in pages and serves an export of the filtered ideas', async () => {
    const author = await medium.viewer();
    const ideas = medium.get(IdeasService);
    for (let i = 0; i < 3; i++) {
      const { id } = await ideas.submit(author, {
        boardId,
        title: `Exported idea ${i}`,
        body: 'x',
        tags: ['csv'],
      });
      await createdMinutesAfter(id, i);
    }
    await ideas.submit(author, { boardId, title: 'Not tagged, not exported', body: 'x' });
    const pm = await medium.viewer(Role.PRODUCT_MANAGER);
    const requested = await exportsService.request(pm, { boardId, tag: 'csv' });
    expect(requested).toMatchObject({ status: ExportStatus.QUEUED, requesterId: pm.id });
    expect(
      await medium.sql(`SELECT payload FROM outbox WHERE payload ->> 'exportId' = $1`, [
        requested.id,
      ]),
    ).toHaveLength(1);
    expect(await download(pm, requested.id)).toBeNull();

    await writer.write(requested.id);
    const done = await exportsService.findOwn(new RequestLoaders(), pm, requested.id);
    expect(done).toMatchObject({ status: ExportStatus.DONE, rowCount: 3 });
    const rows = await download(pm, requested.id);
    expect(rows?.map((row) => row[1])).toEqual([
      'title',
      'Exported idea 0',
      'Exported idea 1',
      'Exported idea 2',
    ]);
    expect(await download(await medium.viewer(Role.PRODUCT_MANAGER), requested.id)).toBeNull();
    expect(
      await exportsService.findOwn(new RequestLoaders(), await medium.viewer(), requested.id),
    ).toBeNull();

    // Written again (a job delivered twice): a DONE export is left as it is.
    await writer.write(requested.id);
    expect((await download(pm, requested.id))?.length).toBe(4);
  });

  it('pages the exported ideas by creation time, with the status filter', async () => {
    const author = await medium.viewer();
    const made: IdeaEntity[] = [];
    for (let i = 0; i < 3; i++) {
      made.push(
        await medium
          .get(IdeasService)
          .submit(author, { boardId, title: `Paged idea ${i}`, body: 'x' }),
      );
    }
    await medium.sql(`UPDATE ideas SET status = 'PLANNED' WHERE id = ANY($1)`, [
      made.map((i) => i.id),
    ]);
    for (const [i, idea] of made.entries()) await createdMinutesAfter(idea.id, i);
    const first = await pages.page({ boardId, status: IdeaStatus.PLANNED }, null, 2);
    const rest = await pages.page({ boardId, status: IdeaStatus.PLANNED }, first[1], 2);
    expect([...first, ...rest].map((idea) => idea.title)).toEqual(made.map((idea) => idea.title));
    expect(first[0]).toMatchObject({
      authorId: author.id,
      status: 'PLANNED',
      voteCount: 1,
    });
  });

  it('drops a failed attempt and queues it again, then fails it with the reason', async () => {
    const pm = await medium.viewer(Role.PRODUCT_MANAGER);
    const job = await exportsService.request(pm, {});
    const tx = medium.get(Transactions);
    await tx.run((t) => jobs.insertChunk(job.id, 0, 'half\r\n', t));
    await tx.run((t) => jobs.addRows(job.id, 1000, t));
    const state = async () =>
      (
        await medium.sql(
          `SELECT status, row_count, error, finished_at IS NOT NULL AS finished,
                  (SELECT count(*)::int FROM export_chunks WHERE job_id = $1) AS chunks
             FROM export_jobs WHERE id = $1`,
          [job.id],
        )
      )[0];
    await writer.attemptFailed(job.id, 'Try again', { retrying: true });
    expect(await state()).toEqual({
      status: 'QUEUED',
      row_count: 0,
      error: null,
      finished: false,
      chunks: 0,
    });
    await writer.attemptFailed(job.id, 'Try again', { retrying: false });
    expect(await state()).toEqual({
      status: 'FAILED',
      row_count: 0,
      error: 'Try again',
      finished: true,
      chunks: 0,
    });
  });

  it('purges exports finished more than a week ago, with their chunks', async () => {
    const pm = await medium.viewer(Role.PRODUCT_MANAGER);
    const [old, recent] = [
      await exportsService.request(pm, {}),
      await exportsService.request(pm, {}),
    ];
    for (const job of [old, recent]) await writer.write(job.id);
    await medium.sql(
      `UPDATE export_jobs SET finished_at = now() - interval '8 days' WHERE id = $1`,
      [old.id],
    );
    await medium.sql(
      `UPDATE export_jobs SET finished_at = now() - interval '6 days' WHERE id = $1`,
      [recent.id],
    );
    await new ExportPurge(jobs).purge();
    expect(await jobs.findById(old.id)).toBeNull();
    expect(await jobs.findOwn(recent.id, pm.id)).toMatchObject({ status: ExportStatus.DONE });
    expect(await jobs.chunkPage(old.id, -1, 4)).toEqual([]);
    expect((await jobs.chunkPage(recent.id, -1, 1)).map((chunk) => chunk.seq)).toEqual([0]);
  });
});
