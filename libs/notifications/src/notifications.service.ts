import {
  badInput,
  byKeys,
  Connection,
  encodeCursor,
  fromGlobalId,
  pageCursor,
  PageRequest,
  requestLoader,
  seek,
  toConnection,
  Viewer,
} from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository, SelectQueryBuilder } from 'typeorm';
import { NotificationEntity } from './notification.entity';

const MAX_IDS = 100;

/** The viewer's own notifications: newest first, unread counts, marking read. */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectRepository(NotificationEntity)
    private readonly notifications: Repository<NotificationEntity>,
  ) {}

  /** A keyset page of the viewer's notifications, newest first. */
  async list(
    viewer: Viewer,
    unreadOnly: boolean,
    page: PageRequest,
  ): Promise<Connection<NotificationEntity>> {
    const qb = this.ofViewer(viewer, unreadOnly);
    const { order, past } = seek(page, 'DESC');
    const cursor = pageCursor(page, ['timestamp', 'uuid']);
    if (cursor) {
      const [at, id] = cursor;
      qb.andWhere(`(n.created_at, n.id) ${past} (:at, :id)`, { at: new Date(at), id });
    }
    const rows = await qb
      .orderBy('n.created_at', order)
      .addOrderBy('n.id', order)
      .limit(page.limit + 1)
      .getMany();
    return toConnection(rows, page, {
      cursorOf: (row) => encodeCursor([row.createdAt.getTime(), row.id]),
      nodeOf: (row) => row,
      totalCount: () => this.ofViewer(viewer, unreadOnly).getCount(),
    });
  }

  /** How many of the viewer's notifications are unread. */
  unreadCount(viewer: Viewer): Promise<number> {
    return this.ofViewer(viewer, true).getCount();
  }

  /** Marks the given notifications (or, with null, all) as read; returns how many changed. */
  async markRead(viewer: Viewer, ids: string[] | null | undefined): Promise<number> {
    const qb = this.notifications
      .createQueryBuilder()
      .update()
      .set({ readAt: () => 'now()' })
      .where('recipient_id = :viewerId AND read_at IS NULL', { viewerId: viewer.id });
    if (ids) {
      if (ids.length > MAX_IDS) throw badInput('ids', `at most ${MAX_IDS} at once`);
      const uuids = ids.map((id) => fromGlobalId(id, 'Notification', 'ids'));
      qb.andWhere('id = ANY(:uuids::uuid[])', { uuids });
    }
    const result = await qb.execute();
    return result.affected ?? 0;
  }

  /** A notification by id, for live delivery to the channel of its recipient only. */
  findById(id: string): Promise<NotificationEntity | null> {
    return this.notifications.findOneBy({ id });
  }

  /** A notification of the viewer's, for node(id) and nodes(ids); null for anyone else's. */
  async findOwn(
    ctx: object,
    viewer: Viewer | null,
    id: string,
  ): Promise<NotificationEntity | null> {
    if (!viewer) return null;
    const notification = await requestLoader<string, NotificationEntity | null>(
      ctx,
      'notifications.byId',
      async (ids) => {
        const rows = await this.notifications.findBy({ id: In([...ids]) });
        return byKeys(ids, rows, (row) => row.id, null);
      },
    ).load(id);
    return notification?.recipientId === viewer.id ? notification : null;
  }

  private ofViewer(viewer: Viewer, unreadOnly: boolean): SelectQueryBuilder<NotificationEntity> {
    const qb = this.notifications
      .createQueryBuilder('n')
      .where('n.recipient_id = :viewerId', { viewerId: viewer.id });
    if (unreadOnly) qb.andWhere('n.read_at IS NULL');
    return qb;
  }
}
