import { ProxyTracerProvider, trace } from '@opentelemetry/api';

/**
 * Sends the spans still buffered, when tracing runs (a no-op otherwise); a stopping process calls
 * it last. Reaches the provider through the API package, so that code which only stops does not
 * load the tracing SDK.
 */
export async function flushTraces(): Promise<void> {
  const global = trace.getTracerProvider();
  const provider: unknown = global instanceof ProxyTracerProvider ? global.getDelegate() : global;
  const { shutdown } = provider as { shutdown?: () => Promise<void> };
  await shutdown?.call(provider).catch(() => undefined);
}
