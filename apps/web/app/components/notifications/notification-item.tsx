import { useTranslation } from 'react-i18next';
import { useFetcher } from 'react-router';
import { formatDate } from '../../lib/format';
import { useRootData } from '../../root';
import { type NotificationSubject, subjectHref } from './subject-href';

export interface NotificationView {
  id: string;
  kind: string;
  message: string;
  createdAt: string;
  readAt: string | null;
  subject: NotificationSubject | null;
}

/**
 * One notification: its kind, text (a link to what it is about) and date; an unread one is
 * marked so in words as well as in colour, with its own "Mark read" form, sent in place when
 * scripts run and as a plain post otherwise.
 */
export function NotificationItem({ notification }: { notification: NotificationView }) {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const fetcher = useFetcher();
  // Shown as read from the moment it is sent; the reloaded list confirms it.
  const unread = !notification.readAt && fetcher.state === 'idle';
  const href = subjectHref(notification.subject);
  return (
    <li className={unread ? 'notification unread' : 'notification'}>
      <p className="notification-kind">
        {unread && <span className="unread-label">{t('notifications.unread')}</span>}
        {t(`notifications.kind.${notification.kind}`, { defaultValue: notification.kind })}
      </p>
      {/* The API writes notification texts in English. */}
      <p className="notification-text" lang={locale === 'en' ? undefined : 'en'}>
        {href ? <a href={href}>{notification.message}</a> : notification.message}
      </p>
      <p className="meta">
        <time dateTime={notification.createdAt}>{formatDate(locale, notification.createdAt)}</time>
      </p>
      {unread && (
        <fetcher.Form method="post" preventScrollReset className="mark-read">
          <input type="hidden" name="intent" value="read" />
          <input type="hidden" name="id" value={notification.id} />
          <button
            type="submit"
            aria-label={t('notifications.markReadOf', { message: notification.message })}
          >
            {t('notifications.markRead')}
          </button>
        </fetcher.Form>
      )}
    </li>
  );
}
