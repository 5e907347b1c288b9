/**
 * How long a reading taken at scrape time may last. Prometheus gives up on the whole scrape
 * after its timeout (10 s by default), so one store that hangs, such as Redis during an outage
 * (BullMQ's connections queue commands until it is back), must not take every metric with it.
 */
const READING_TIMEOUT_MS = 1000;

/** `reading`, or a rejection once it has taken longer than a scrape can wait for it. */
export function scrapeReading<T>(reading: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer within ${READING_TIMEOUT_MS} ms`)),
      READING_TIMEOUT_MS,
    );
  });
  return Promise.race([reading, timeout]).finally(() => clearTimeout(timer));
}
