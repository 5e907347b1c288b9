import { DomainEventHandlers, RequestLoaders, Role, Viewer } from '@app/core';
import { MediumTest } from '@test/medium';
import { randomUUID } from 'node:crypto';
import { NotificationKind } from './notification-kind';
import { NotificationWriter } from './notification-writer';
import { NotificationDraft, NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';
import { notificationsWorkerModules } from './notifications-worker.medium-modules';

describe('notifications on the database: written once, read by their recipient', () => {
  const medium = new MediumTest();
  let service: NotificationsService;
  let repository: NotificationsRepository;
  let writer: NotificationWriter;
  let nextEvent = 1;

  beforeAll(async () => {
    await medium.start(notificationsWorkerModules());
    service = medium.get(NotificationsService);
    repository = medium.get(NotificationsRepository);
    writer = medium.get(NotificationWriter);
  });
  afterAll(() => medium.stop());

  const draft = (overrides: Partial<NotificationDraft> = {}): NotificationDraft => ({
    kind: NotificationKind.KUDO_RECEIVED,
    message: 'Someone gave your answer a kudo',
    subjectType: 'Post',
    subjectId: randomUUID(),
    actorId: null,
    eventId: String(nextEvent++),
    ...overrides,
  });
  const rowsOf = (recipientId: string) =>
    medium.sql<{ kind: string; message: string; event_id: string }>(
      'SELECT kind, message, event_id FROM notifications WHERE recipient_id = $1 ORDER BY kind',
      [recipientId],
    );

  it('writes a thread.created event handled twice once per mentioned member', async () => {
    const author = await medium.viewer();
    const mentioned = await Promise.all([medium.viewer(), medium.viewer()]);
    const event = {
      id: String(nextEvent++),
      type: 'thread.created',
      occurredAt: new Date().toISOString(),
      payload: {
        threadId: randomUUID(),
        boardId: randomUUID(),
        authorId: author.id,
        threadTitle: 'Why is my bill higher?',
        mentionedHandles: [...mentioned.map((m) => m.handle.toUpperCase()), author.handle],
      },
    };
    const handlers = medium.get(DomainEventHandlers);
    await handlers.dispatch(event);
    await handlers.dispatch(event);
    for (const member of mentioned) {
      expect(await rowsOf(member.id)).toEqual([
        {
          kind: 'MENTION',
          message: `@${author.handle} mentioned you in “Why is my bill higher?”`,
          event_id: event.id,
        },
      ]);
    }
    expect(await rowsOf(author.id)).toEqual([]);
  });

  it("writes a care reply handled twice once for the case's member, about the case", async () => {
    const member = await medium.viewer();
    const agent = await medium.viewer(Role.AGENT);
    const caseId = randomUUID();
    const event = {
      id: String(nextEvent++),
      type: 'care.case-message-posted',
      occurredAt: new Date().toISOString(),
      payload: {
        caseId,
        caseNumber: 7,
        messageId: randomUUID(),
        authorId: agent.id,
        memberId: member.id,
        assigneeId: agent.id,
        internal: false,
        byStaff: true,
      },
    };
    const handlers = medium.get(DomainEventHandlers);
    await handlers.dispatch(event);
    await handlers.dispatch(event);
    expect(await rowsOf(member.id)).toEqual([
      {
        kind: 'CASE_REPLY',
        message: `@${agent.handle} replied to your case #7`,
        event_id: event.id,
      },
    ]);
    expect(
      await medium.sql(
        'SELECT subject_type, subject_id FROM notifications WHERE recipient_id = $1',
        [member.id],
      ),
    ).toEqual([{ subject_type: 'CareCase', subject_id: caseId }]);
    expect(await rowsOf(agent.id)).toEqual([]);
  });

  it('hands a retried write back what the first attempt wrote, marked not fresh', async () => {
    const recipients = await Promise.all([medium.member(), medium.member(), medium.member()]);
    const same = draft();
    const first = await writer.write([...recipients, recipients[0]], same);
    expect(
      first
        .filter((n) => n.fresh)
        .map((n) => n.recipientId)
        .sort(),
    ).toEqual([...recipients].sort());
    const retried = await writer.write(recipients, same);
    expect(retried.every((n) => !n.fresh)).toBe(true);
    expect(retried.map((n) => n.id).sort()).toEqual(first.map((n) => n.id).sort());
    // Parallel attempts at one event still write each notification once.
    const parallel = draft();
    await Promise.all(Array.from({ length: 5 }, () => writer.write(recipients, parallel)));
    const [{ n }] = await medium.sql<{ n: number }>(
      'SELECT count(*)::int AS n FROM notifications WHERE event_id = $1',
      [parallel.eventId],
    );
    expect(n).toBe(3);
  });

  describe('reading', () => {
    let viewer: Viewer;
    let ids: string[];

    beforeAll(async () => {
      viewer = await medium.viewer();
      ids = [];
      // Five notifications, one second apart, oldest first.
      for (let i = 0; i < 5; i += 1) {
        const [written] = await writer.write([viewer.id], draft());
        await medium.sql(
          `UPDATE notifications SET created_at = now() - make_interval(secs => $2) WHERE id = $1`,
          [written.id, 10 - i],
        );
        ids.push(written.id);
      }
    });

    it('pages the viewer’s notifications newest first, forward and back', async () => {
      const first = await service.list(viewer, false, {
        direction: 'forward',
        limit: 2,
        cursor: null,
      });
      expect(first.edges.map((edge) => edge.node.id)).toEqual([ids[4], ids[3]]);
      expect(first.pageInfo.hasNextPage).toBe(true);
      expect(await first.totalCount()).toBe(5);
      const next = await service.list(viewer, false, {
        direction: 'forward',
        limit: 2,
        cursor: first.pageInfo.endCursor,
      });
      expect(next.edges.map((edge) => edge.node.id)).toEqual([ids[2], ids[1]]);
      const back = await service.list(viewer, false, {
        direction: 'backward',
        limit: 2,
        cursor: next.pageInfo.startCursor,
      });
      expect(back.edges.map((edge) => edge.node.id)).toEqual([ids[4], ids[3]]);
    });

    it('refuses a cursor that is not one of its own with BAD_USER_INPUT', async () => {
      await expect(
        service.list(viewer, false, { direction: 'forward', limit: 20, cursor: 'garbage' }),
      ).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    });

    it('counts and marks read: these ids, then all, only the viewer’s own', async () => {
      const other = await medium.viewer();
      const [others] = await writer.write([other.id], draft());
      expect(await service.unreadCount(viewer)).toBe(5);
      expect(await service.markRead(viewer, [ids[0], ids[1], others.id])).toBe(2);
      expect(await service.markRead(viewer, [ids[0]])).toBe(0);
      expect(await service.unreadCount(viewer)).toBe(3);
      const unread = await service.list(viewer, true, {
        direction: 'forward',
        limit: 10,
        cursor: null,
      });
      expect(unread.edges.map((edge) => edge.node.id)).toEqual([ids[4], ids[3], ids[2]]);
      expect(await service.markRead(viewer, null)).toBe(3);
      expect(await service.unreadCount(viewer)).toBe(0);
      expect(await service.unreadCount(other)).toBe(1);
    });

    it('shows a notification as a node to its recipient only, and by id to live delivery', async () => {
      const other = await medium.viewer();
      const loaders = new RequestLoaders();
      const [own, notOwn] = await Promise.all([
        service.findOwn(loaders, viewer, ids[0]),
        service.findOwn(loaders, other, ids[1]),
      ]);
      expect(own?.id).toBe(ids[0]);
      expect(notOwn).toBeNull();
      expect((await service.findById(ids[1]))?.recipientId).toBe(viewer.id);
      expect(await service.findById(randomUUID())).toBeNull();
    });

    it('reads what an email needs and marks it emailed once sent', async () => {
      expect(await repository.toEmail(ids[0])).toEqual({
        kind: NotificationKind.KUDO_RECEIVED,
        message: 'Someone gave your answer a kudo',
        recipientId: viewer.id,
        emailedAt: null,
      });
      await repository.markEmailed(ids[0]);
      expect((await repository.toEmail(ids[0]))?.emailedAt).toBeInstanceOf(Date);
      expect(await repository.toEmail(randomUUID())).toBeNull();
    });
  });
});
