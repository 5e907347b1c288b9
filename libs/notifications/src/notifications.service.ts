import {
  badInput,
  byKeys,
  Connection,
  PageRequest,
  RequestLoaders,
  toConnection,
  Viewer,
} from '@app/core';
import { Injectable } from '@nestjs/common';
import { NotificationEntity } from './notification.entity';
import { NotificationsRepository } from './notifications.repository';

const MAX_IDS = 100;

/** The viewer's own notifications: newest first, unread counts, marking read. */
@Injectable()
export class NotificationsService {
  constructor(private readonly notifications: NotificationsRepository) {}

  /** A keyset page of the viewer's notifications, newest first. */
  async list(
    viewer: Viewer,
    unreadOnly: boolean,
    page: PageRequest,
  ): Promise<Connection<NotificationEntity>> {
    const rows = await this.notifications.page(viewer.id, unreadOnly, page);
    return toConnection(rows, page, {
      cursorOf: (row) => this.notifications.cursorOf(row),
      nodeOf: (row) => row,
      totalCount: () => this.notifications.count(viewer.id, unreadOnly),
    });
  }

  /** How many of the viewer's notifications are unread. */
  unreadCount(viewer: Viewer): Promise<number> {
    return this.notifications.count(viewer.id, true);
  }

  /**
   * Marks the viewer's notifications with these UUIDs (or, with null, all) read; returns how
   * many changed. At most 100 at once.
   */
  async markRead(viewer: Viewer, ids: readonly string[] | null): Promise<number> {
    if (ids && ids.length > MAX_IDS) throw badInput('ids', `at most ${MAX_IDS} at once`);
    return this.notifications.markRead(viewer.id, ids);
  }

  /** A notification by UUID, for live delivery to the channel of its recipient only. */
  findById(id: string): Promise<NotificationEntity | null> {
    return this.notifications.findById(id);
  }

  /** A notification of the viewer's, for node(id) and nodes(ids); null for anyone else's. */
  async findOwn(
    loaders: RequestLoaders,
    viewer: Viewer | null,
    id: string,
  ): Promise<NotificationEntity | null> {
    if (!viewer) return null;
    const notification = await loaders
      .get<
        string,
        NotificationEntity | null
      >('notifications.byId', async (ids) => byKeys(ids, await this.notifications.byIds(ids), (row) => row.id, null))
      .load(id);
    return notification?.recipientId === viewer.id ? notification : null;
  }
}
