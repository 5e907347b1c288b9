// Tells the person who ran `npm start` where the API is, once it answers as ready, so the
// address is not lost among the processes' log lines.
const { setTimeout: sleep } = require('node:timers/promises');

const PROBE_INTERVAL_MS = 250;

/** Whether the API at `probeUrl` says it can serve (Postgres and Redis reached). */
async function isReady(probeUrl) {
  try {
    const response = await globalThis.fetch(probeUrl);
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * Probes `probeUrl` until it answers 200, then prints `label: address` on one line. Gives up
 * quietly when `stopped()` turns true (a child exited before the API was ready).
 */
async function announceWhenReady({ probeUrl, label, address, stopped }) {
  while (!stopped()) {
    if (await isReady(probeUrl)) {
      console.log(`${label}: ${address}`);
      return;
    }
    await sleep(PROBE_INTERVAL_MS);
  }
}

module.exports = { announceWhenReady };
