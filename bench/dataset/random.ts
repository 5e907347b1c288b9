/**
 * Stateless randomness: a number is a pure function of (stream, index, draw), so the plan and
 * the row writers can ask for the same fact (a post's author, a vote's age) independently and
 * agree, and two runs of the same scale build the same community.
 */

const SEED = 0x1b873593;

/** A 32-bit avalanche of `value` (murmur3's finalizer). */
function mix(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A uniform 32-bit integer for (stream, index, draw). */
export function hash32(stream: number, index: number, draw = 0): number {
  return mix(mix(mix(SEED ^ stream) ^ index) + Math.imul(draw, 0x9e3779b1));
}

/** A uniform number in [0, 1) for (stream, index, draw). */
export function chance(stream: number, index: number, draw = 0): number {
  return hash32(stream, index, draw) / 4294967296;
}

/** A uniform integer in [0, n) for (stream, index, draw). */
export function below(n: number, stream: number, index: number, draw = 0): number {
  return Math.floor(chance(stream, index, draw) * n);
}

/** A sequential generator (mulberry32) seeded from one row, for the many draws of its text. */
export function sequence(stream: number, index: number): () => number {
  let state = hash32(stream, index, 0x5eed);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Draws ranks 0..n-1 with probability proportional to 1 / (rank + 1)^exponent: a few ranks
 * (words, members) take most draws, as in real writing and real communities.
 */
export class Zipf {
  private readonly cumulative: Float64Array;

  constructor(n: number, exponent: number) {
    this.cumulative = new Float64Array(n);
    let total = 0;
    for (let rank = 0; rank < n; rank++) {
      total += 1 / (rank + 1) ** exponent;
      this.cumulative[rank] = total;
    }
    for (let rank = 0; rank < n; rank++) this.cumulative[rank] /= total;
  }

  /** The rank that the uniform number `u` in [0, 1) falls on. */
  rank(u: number): number {
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.cumulative[middle] > u) high = middle;
      else low = middle + 1;
    }
    return low;
  }
}

/**
 * A heavy-tailed count with the given mean (a Lomax draw, floored): most values small, many
 * zero, a few large: answers per thread, kudos per answer.
 */
export function heavyTail(u: number, mean: number, shape = 2.5): number {
  const scale = mean * (shape - 1);
  return Math.floor(scale * ((1 - u) ** (-1 / shape) - 1));
}
