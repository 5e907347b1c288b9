/** Orders rows fetched by key back into the order of `keys`, with `fallback` for misses. */
export function byKeys<K, V, F>(
  keys: readonly K[],
  rows: V[],
  keyOf: (row: V) => K,
  fallback: F,
): (V | F)[] {
  const map = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => map.get(key) ?? fallback);
}
