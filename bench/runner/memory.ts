import { readFile } from 'node:fs/promises';

/** A process's resident memory in MB, from /proc (Linux); null once it is gone. */
export async function residentMb(pid: number): Promise<number | null> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
    return kb ? Math.round(Number(kb) / 1024) : null;
  } catch {
    return null;
  }
}

/** Samples a process's resident memory every `everyMs` while `work` runs; returns its peak. */
export async function peakResidentMb<T>(
  pid: number,
  work: () => Promise<T>,
  everyMs = 100,
): Promise<{ result: T; peakMb: number }> {
  let peakMb = (await residentMb(pid)) ?? 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peakMb = Math.max(peakMb, (await residentMb(pid)) ?? 0);
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  try {
    const result = await work();
    return { result, peakMb };
  } finally {
    sampling = false;
    await sampler;
  }
}
