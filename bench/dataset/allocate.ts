/**
 * Splits `total` into `weights.length` whole counts proportional to the weights, none above
 * `cap`, summing to exactly `total` (when the caps allow it): the exact row counts of a scale
 * with the skew the weights give. Capped shares overflow onto the others.
 */
export function allocate(total: number, weights: Float64Array, cap: number): Int32Array {
  const n = weights.length;
  const counts = new Int32Array(n);
  let weighted = 0;
  for (let i = 0; i < n; i++) if (weights[i] > 0) weighted++;
  if (total > weighted * cap) {
    throw new Error(`cannot place ${total} in ${weighted} slots of at most ${cap}`);
  }
  let left = total;
  const open = new Uint8Array(n).fill(1);
  // Each pass hands out the floor of each open slot's share; slots that reach the cap close, so
  // a few passes settle it. What the floors leave over goes one by one below; a slot of weight 0
  // (an unanswered thread) never gets any.
  for (let pass = 0; pass < 20 && left > 0; pass++) {
    let weightOpen = 0;
    for (let i = 0; i < n; i++) if (open[i]) weightOpen += weights[i];
    if (weightOpen <= 0) break;
    const round = left;
    for (let i = 0; i < n; i++) {
      if (!open[i]) continue;
      const share = Math.min(Math.floor((round * weights[i]) / weightOpen), cap - counts[i]);
      counts[i] += share;
      left -= share;
      if (counts[i] >= cap) open[i] = 0;
    }
    if (left === round) break;
  }
  for (let i = 0; left > 0; i = (i + 1) % n) {
    if (counts[i] < cap && weights[i] > 0) {
      counts[i]++;
      left--;
    }
  }
  return counts;
}
