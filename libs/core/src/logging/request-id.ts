import { randomUUID } from 'node:crypto';

/** The header a client or proxy names its request with, and that the response echoes. */
export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * What a request id from outside may be: up to 128 characters of letters, digits and `-_.:=+/@`,
 * enough for UUIDs, trace ids and the ids balancers make. Anything else (spaces, quotes, control
 * characters) could forge or break log lines, so it is replaced.
 */
const ACCEPTED_REQUEST_ID = /^[A-Za-z0-9\-_.:=+/@]{1,128}$/;

/** The id a request goes by: the one it brought, when it is acceptable, or a fresh UUID. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const given = Array.isArray(header) ? header[0] : header;
  return given !== undefined && ACCEPTED_REQUEST_ID.test(given) ? given : randomUUID();
}
