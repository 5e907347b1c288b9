import { useEffect, useRef, useState } from 'react';
import { useFetcher, useLocation } from 'react-router';

/** One keyset page as a list shows it. */
export interface Page<T> {
  nodes: T[];
  endCursor?: string | null;
  hasNextPage: boolean;
}

export interface More<T> {
  /** The first page's nodes, then those of every page loaded since, each once. */
  nodes: T[];
  /** The next page's address (the same page with `after`), or null after the last page. */
  href: string | null;
  loading: boolean;
  /** For the link's onClick: loads the next page in place instead of going to it. */
  load: (event: React.MouseEvent) => void;
}

/**
 * Keyset "More": without scripts the link goes to the next page (`?after=…`); with them the
 * next page comes from the same route's loader and is added below. Pages are kept by the
 * cursor they were asked with, so that the router revalidating the last one after an action
 * refreshes it instead of adding it twice.
 */
export function useMore<TData, TNode extends { id: string }>(
  first: Page<TNode>,
  pageOf: (data: TData) => Page<TNode>,
): More<TNode> {
  const fetcher = useFetcher<TData>();
  const location = useLocation();
  const [loaded, setLoaded] = useState<Array<{ after: string; page: Page<TNode> }>>([]);
  const requested = useRef<string | null>(null);

  // Runs for each answer of the fetcher: a page asked for, or the router's refresh of it.
  useEffect(() => {
    const after = requested.current;
    // TData is loader data itself (not the loader), which the router's typing hands back as is.
    const answer = fetcher.data as TData | undefined;
    if (!answer || after === null) return;
    const page = pageOf(answer);
    setLoaded((pages) => [...pages.filter((entry) => entry.after !== after), { after, page }]);
  }, [fetcher.data]);

  const last = loaded.length > 0 ? loaded[loaded.length - 1].page : first;
  // An order by votes can move a node from one page to the next between two loads.
  const byId = new Map<string, TNode>();
  for (const page of [first, ...loaded.map((entry) => entry.page)]) {
    for (const node of page.nodes) if (!byId.has(node.id)) byId.set(node.id, node);
  }
  const nodes = [...byId.values()];

  let href: string | null = null;
  if (last.hasNextPage && last.endCursor) {
    const params = new URLSearchParams(location.search);
    params.set('after', last.endCursor);
    href = `${location.pathname}?${params.toString()}`;
  }
  const next = href;
  return {
    nodes,
    href,
    loading: fetcher.state === 'loading',
    load: (event) => {
      if (!next || !last.endCursor) return;
      event.preventDefault();
      requested.current = last.endCursor;
      void fetcher.load(next);
    },
  };
}
