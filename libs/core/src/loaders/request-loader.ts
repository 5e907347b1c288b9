import DataLoader from 'dataloader';
import { RequestLoaders } from './request-loaders';

const loadersByRequest = new WeakMap<object, Map<string, DataLoader<unknown, unknown>>>();

/**
 * The DataLoader named `name` for this request's context, created on first use. Loaders live
 * exactly as long as the request, so batching never serves one viewer's data to another.
 */
export function requestLoader<K, V>(
  ctx: object,
  name: string,
  batch: (keys: readonly K[]) => Promise<V[]>,
): DataLoader<K, V> {
  if (ctx instanceof RequestLoaders) return ctx.get(name, batch);
  let loaders = loadersByRequest.get(ctx);
  if (!loaders) {
    loaders = new Map();
    loadersByRequest.set(ctx, loaders);
  }
  let loader = loaders.get(name) as DataLoader<K, V> | undefined;
  if (!loader) {
    loader = new DataLoader<K, V>(batch, { maxBatchSize: 500 });
    loaders.set(name, loader as DataLoader<unknown, unknown>);
  }
  return loader;
}

/**
 * Drops the loaders of a context. A subscription keeps one context for all its events, so each
 * event starts afresh instead of being answered from what an earlier event cached.
 */
export function forgetRequestLoaders(ctx: object): void {
  loadersByRequest.delete(ctx);
  const scoped = (ctx as { loaders?: unknown }).loaders;
  if (scoped instanceof RequestLoaders) scoped.clear();
}

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
