import type { More } from '../lib/use-more';

/** The "More" link under a keyset list (nothing after the last page). */
export function MoreLink<T>({ more, label }: { more: More<T>; label: string }) {
  if (!more.href) return null;
  return (
    <p className="more">
      <a href={more.href} onClick={more.load} className="button" aria-busy={more.loading}>
        {label}
      </a>
    </p>
  );
}
