import { bearerToken } from '../auth/bearer-token';
import { AppConfig } from '../config/config';
import { createHash, timingSafeEqual } from 'node:crypto';

/** What a scrape of `/metrics` may see: the metrics, a demand for the token, or nothing at all. */
export type MetricsAccess = 'allowed' | 'unauthorized' | 'disabled';

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/** Compares in constant time; hashing first hides the length of the token too. */
function sameToken(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * With METRICS_TOKEN set, only `Authorization: Bearer <METRICS_TOKEN>` sees the metrics. Without
 * it the endpoint is open outside production and absent in production.
 */
export function metricsAccess(
  config: Pick<AppConfig, 'nodeEnv' | 'metricsToken'>,
  authorization: unknown,
): MetricsAccess {
  if (config.metricsToken === null) {
    return config.nodeEnv === 'production' ? 'disabled' : 'allowed';
  }
  const given = bearerToken(authorization);
  return given !== null && sameToken(given, config.metricsToken) ? 'allowed' : 'unauthorized';
}
