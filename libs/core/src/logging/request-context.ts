import { PinoLogger } from 'nestjs-pino';
import { storage, Store } from 'nestjs-pino/storage';

/** The key of the request id in every log line (and in pino-http's own). */
export const REQUEST_ID_LOG_KEY = 'requestId';

/**
 * The id of the request being served, read from the log context that pino-http opened for it
 * (or that withRequestId opened in the worker); null outside any request.
 */
export function currentRequestId(): string | null {
  const bindings = storage.getStore()?.logger.bindings() as Record<string, unknown> | undefined;
  const id = bindings?.[REQUEST_ID_LOG_KEY];
  return typeof id === 'string' ? id : null;
}

/**
 * Runs `work` with `fields` (and the request id, when there is one) in every log line it writes,
 * and with that request id as the current one, so that events it records carry it on.
 */
export function withLogContext<T>(
  requestId: string | null,
  fields: Record<string, unknown>,
  work: () => Promise<T>,
): Promise<T> {
  // nestjs-pino sets its root logger when it mounts its HTTP middleware: the API and the worker
  // (for its health and metrics) have one, an application context without HTTP has none, and
  // its lines then go without the extra fields.
  const parent = storage.getStore()?.logger ?? PinoLogger.root;
  if (!parent) return work();
  const logger = parent.child(requestId ? { [REQUEST_ID_LOG_KEY]: requestId, ...fields } : fields);
  return storage.run(new Store(logger), work);
}
