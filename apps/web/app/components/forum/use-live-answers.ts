import { print } from 'graphql';
import { createClient } from 'graphql-ws';
import { useEffect, useState } from 'react';
import { graphql } from '../../graphql/generated';
import type {
  ForumPostFragment,
  ThreadActivitySubscription,
} from '../../graphql/generated/graphql';

const ThreadActivity = graphql(`
  subscription ThreadActivity($threadId: ID!) {
    threadActivity(threadId: $threadId) {
      ...ForumPost
    }
  }
`);

/**
 * Answers of the thread that were posted or edited since the page was loaded, pushed over
 * graphql-ws (signed in by the site's proxy from the session cookie). Each arrival replaces an
 * earlier one of the same post. `loaded` is the page's data and `loadedIds` the posts it holds:
 * each time that data is loaded again (after a kudo, say), its fresher copies take over.
 */
export function useLiveAnswers(
  threadId: string,
  loaded: unknown,
  loadedIds: readonly string[],
): ForumPostFragment[] {
  const [pushed, setPushed] = useState<ForumPostFragment[]>([]);
  const loadedKey = loadedIds.join(' ');

  useEffect(() => {
    const client = createClient({
      url: `${location.origin.replace(/^http/, 'ws')}/graphql`,
      // A dropped socket comes back by itself; the page works without it meanwhile.
      retryAttempts: Infinity,
      shouldRetry: () => true,
    });
    const unsubscribe = client.subscribe<ThreadActivitySubscription>(
      { query: print(ThreadActivity), variables: { threadId } },
      {
        next: ({ data }) => {
          const post = data?.threadActivity;
          if (post) setPushed((posts) => [...posts.filter((p) => p.id !== post.id), post]);
        },
        error: () => undefined,
        complete: () => undefined,
      },
    );
    return () => {
      unsubscribe();
      void client.dispose();
    };
  }, [threadId]);

  useEffect(() => {
    const ids = new Set(loadedKey.split(' '));
    setPushed((posts) => {
      const newer = posts.filter((post) => !ids.has(post.id));
      return newer.length === posts.length ? posts : newer;
    });
  }, [loaded, loadedKey]);

  return pushed;
}
