import DataLoader from 'dataloader';

/**
 * The DataLoaders of one request, created on first use by name. It lives exactly as long as the
 * request (the GraphQL context holds it), so batching never serves one viewer's data to another;
 * services that batch take it as an argument instead of the whole context.
 */
export class RequestLoaders {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  /** The loader named `name`, batching through `batch` (keys in, values in the same order out). */
  get<K, V>(name: string, batch: (keys: readonly K[]) => Promise<V[]>): DataLoader<K, V> {
    let loader = this.loaders.get(name) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V>(batch, { maxBatchSize: 500 });
      this.loaders.set(name, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }

  /**
   * Forgets every loaded value. A subscription keeps one context for all its events, so each
   * event starts afresh instead of being answered from what an earlier event cached.
   */
  clear(): void {
    this.loaders.clear();
  }
}
