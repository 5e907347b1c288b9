import { AccountStatus, ContentStatus, RequestLoaders, Role, Viewer } from '@app/core';
import { ThreadsService } from '@app/forum';
import { DeflectionsRepository } from './deflections.repository';
import { DeflectionsService, viewerKey } from './deflections.service';

const THREAD = '11111111-1111-4111-8111-111111111111';
const viewer: Viewer = {
  id: '22222222-2222-4222-8222-222222222222',
  handle: 'ada',
  role: Role.MEMBER,
  status: AccountStatus.ACTIVE,
  sessionId: '33333333-3333-4333-8333-333333333333',
};

function serviceOver(thread: { contentStatus: ContentStatus } | null) {
  const threads = { findVisible: jest.fn(async () => thread) };
  const repository = { recordOnce: jest.fn(async () => true) };
  const service = new DeflectionsService(
    threads as unknown as ThreadsService,
    repository as unknown as DeflectionsRepository,
  );
  return { service, repository, threads };
}

describe('deflections', () => {
  it('count a member by id and an anonymous visitor by address', () => {
    expect(viewerKey(viewer, '203.0.113.9')).toBe(`member:${viewer.id}`);
    expect(viewerKey(null, '203.0.113.9')).toBe('address:203.0.113.9');
  });

  it('record a published thread the viewer can see, through the request’s loaders', async () => {
    const { service, repository, threads } = serviceOver({
      contentStatus: ContentStatus.PUBLISHED,
    });
    const loaders = new RequestLoaders();
    expect(await service.record(loaders, viewer, '203.0.113.9', THREAD)).toBe(true);
    expect(threads.findVisible).toHaveBeenCalledWith(loaders, THREAD, viewer);
    expect(repository.recordOnce).toHaveBeenCalledWith(THREAD, `member:${viewer.id}`, viewer.id);
  });

  it('say NOT_FOUND for a thread the viewer cannot see, recording nothing', async () => {
    const { service, repository } = serviceOver(null);
    await expect(
      service.record(new RequestLoaders(), null, '203.0.113.9', THREAD),
    ).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    expect(repository.recordOnce).not.toHaveBeenCalled();
  });

  it('refuse a visible thread that is not published with BAD_USER_INPUT on threadId', async () => {
    const { service, repository } = serviceOver({ contentStatus: ContentStatus.PENDING_REVIEW });
    await expect(
      service.record(new RequestLoaders(), viewer, '203.0.113.9', THREAD),
    ).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'threadId' },
      message: 'threadId: the thread is not published',
    });
    expect(repository.recordOnce).not.toHaveBeenCalled();
  });
});
