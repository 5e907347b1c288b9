import { Link } from 'react-router';

export interface OrderTab {
  /** The value of `?order=` this tab shows. */
  value: string;
  label: string;
}

/**
 * The orders a list can be read in, as links (they work without scripts and can be shared);
 * the one shown is marked as the current page.
 */
export function OrderTabs({
  label,
  tabs,
  current,
  pathname,
}: {
  label: string;
  tabs: OrderTab[];
  current: string;
  pathname: string;
}) {
  return (
    <nav aria-label={label} className="order-tabs">
      <ul>
        {tabs.map((tab) => (
          <li key={tab.value}>
            <Link
              to={`${pathname}?order=${tab.value}`}
              aria-current={tab.value === current ? 'page' : undefined}
              preventScrollReset
            >
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
