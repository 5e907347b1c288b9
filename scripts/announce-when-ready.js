// Tells the person who ran `npm start` where the site is, once it and the API answer, so the
// address is not lost among the processes' log lines.
const { setTimeout: sleep } = require('node:timers/promises');

const PROBE_INTERVAL_MS = 250;

/** Whether `probeUrl` answers 200 (for the API: Postgres and Redis reached). */
async function isReady(probeUrl) {
  try {
    const response = await globalThis.fetch(probeUrl);
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * Probes every one of `probeUrls` until all answer 200, then prints `label: address` on one
 * line. Gives up quietly when `stopped()` turns true (a child exited before it was ready).
 */
async function announceWhenReady({ probeUrls, label, address, stopped }) {
  while (!stopped()) {
    if ((await Promise.all(probeUrls.map(isReady))).every(Boolean)) {
      console.log(`${label}: ${address}`);
      return;
    }
    await sleep(PROBE_INTERVAL_MS);
  }
}

module.exports = { announceWhenReady };
