import { useSyncExternalStore } from 'react';

const never = () => () => {};

/**
 * False while the page is rendered on the server (and while the browser hydrates it), true
 * once scripts run it: for what only makes sense with scripts, without a hydration mismatch.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    never,
    () => true,
    () => false,
  );
}
