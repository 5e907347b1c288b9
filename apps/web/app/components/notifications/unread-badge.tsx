import { print } from 'graphql';
import { createClient } from 'graphql-ws';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../graphql/generated';
import type { NotificationAddedSubscription } from '../../graphql/generated/graphql';

const NotificationAdded = graphql(`
  subscription NotificationAdded {
    notificationAdded {
      id
    }
  }
`);

/**
 * The header's count of unread notifications: the root loader's count, plus each notification
 * pushed over graphql-ws since (signed in by the site's proxy from the session cookie). When the
 * root loader counts again (after marking read, or on the next page), its count takes over.
 * Without scripts it is the loader's count alone.
 */
export function UnreadBadge({ count }: { count: number }) {
  const { t } = useTranslation();
  const [live, setLive] = useState({ base: count, added: 0 });
  const seen = useRef(new Set<string>());
  if (live.base !== count) setLive({ base: count, added: 0 });

  useEffect(() => {
    const client = createClient({
      url: `${location.origin.replace(/^http/, 'ws')}/graphql`,
      // A dropped socket comes back by itself; the badge keeps its count meanwhile.
      retryAttempts: Infinity,
      shouldRetry: () => true,
    });
    const unsubscribe = client.subscribe<NotificationAddedSubscription>(
      { query: print(NotificationAdded) },
      {
        next: ({ data }) => {
          const id = data?.notificationAdded.id;
          if (!id || seen.current.has(id)) return;
          seen.current.add(id);
          setLive((current) => ({ ...current, added: current.added + 1 }));
        },
        error: () => undefined,
        complete: () => undefined,
      },
    );
    return () => {
      unsubscribe();
      void client.dispose();
    };
  }, []);

  const total = live.base + (live.base === count ? live.added : 0);
  // Always present, so that screen readers announce the count as it changes.
  return (
    <span className="unread-live" aria-live="polite">
      {total > 0 && <span className="badge">{t('site.unread', { count: total })}</span>}
    </span>
  );
}
