import { AccountStatus, RequestLoaders, Role, Viewer } from '@app/core';
import { NotificationEntity } from './notification.entity';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';

const viewer: Viewer = {
  id: '11111111-1111-4111-8111-111111111111',
  handle: 'ada',
  role: Role.MEMBER,
  status: AccountStatus.ACTIVE,
  sessionId: '22222222-2222-4222-8222-222222222222',
};
const OTHER = '33333333-3333-4333-8333-333333333333';
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const notification = (n: number, recipientId = viewer.id): NotificationEntity =>
  ({ id: uuid(n), recipientId, createdAt: new Date(1_700_000_000_000 + n) }) as NotificationEntity;

function serviceOver(stored: NotificationEntity[]) {
  const repository = {
    page: jest.fn(async () => stored),
    cursorOf: jest.fn((row: NotificationEntity) => `cursor-of-${row.id}`),
    count: jest.fn(async () => stored.length),
    markRead: jest.fn(async (_recipient: string, ids: readonly string[] | null) =>
      ids ? ids.length : stored.length,
    ),
    byIds: jest.fn(async (ids: readonly string[]) => stored.filter((n) => ids.includes(n.id))),
    findById: jest.fn(async (id: string) => stored.find((n) => n.id === id) ?? null),
  };
  const service = new NotificationsService(repository as unknown as NotificationsRepository);
  return { service, repository };
}

describe('the viewer’s notifications', () => {
  it('pages the viewer’s own, newest first, one more than asked to know if there is a next page', async () => {
    const { service, repository } = serviceOver([
      notification(3),
      notification(2),
      notification(1),
    ]);
    const page = await service.list(viewer, true, { direction: 'forward', limit: 2, cursor: null });
    expect(repository.page).toHaveBeenCalledWith(viewer.id, true, {
      direction: 'forward',
      limit: 2,
      cursor: null,
    });
    expect(page.edges.map((edge) => edge.node.id)).toEqual([uuid(3), uuid(2)]);
    expect(page.pageInfo.endCursor).toBe(`cursor-of-${uuid(2)}`);
    expect(page.pageInfo.hasNextPage).toBe(true);
  });

  it('counts only the unread ones', async () => {
    const { service, repository } = serviceOver([notification(1)]);
    expect(await service.unreadCount(viewer)).toBe(1);
    expect(repository.count).toHaveBeenCalledWith(viewer.id, true);
  });

  it('marks at most 100 at once, refusing more with BAD_USER_INPUT on ids', async () => {
    const { service, repository } = serviceOver([]);
    const many = Array.from({ length: 101 }, (_, i) => uuid(i));
    await expect(service.markRead(viewer, many)).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'ids' },
      message: 'ids: at most 100 at once',
    });
    expect(repository.markRead).not.toHaveBeenCalled();
    expect(await service.markRead(viewer, many.slice(0, 100))).toBe(100);
    expect(await service.markRead(viewer, null)).toBe(0);
    expect(repository.markRead).toHaveBeenLastCalledWith(viewer.id, null);
  });

  it('shows a notification as a node to its recipient only, in one batch per request', async () => {
    const { service, repository } = serviceOver([notification(1), notification(2, OTHER)]);
    const loaders = new RequestLoaders();
    const [own, others, missing] = await Promise.all([
      service.findOwn(loaders, viewer, uuid(1)),
      service.findOwn(loaders, viewer, uuid(2)),
      service.findOwn(loaders, viewer, uuid(3)),
    ]);
    expect(own?.id).toBe(uuid(1));
    expect(others).toBeNull();
    expect(missing).toBeNull();
    expect(repository.byIds).toHaveBeenCalledTimes(1);
    expect(await service.findOwn(loaders, null, uuid(1))).toBeNull();
  });
});
