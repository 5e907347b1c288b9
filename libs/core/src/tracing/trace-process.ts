import { loadConfigOrExit } from '../config/config';
import { startTracing } from './tracing';

/**
 * Traces this process when OTEL_EXPORTER_OTLP_ENDPOINT is set, as `<OTEL_SERVICE_NAME>-<role>`;
 * otherwise nothing is patched. Imported straight from this file, not through the core index,
 * which would load pg and ioredis before they could be instrumented.
 */
export function traceProcess(role: 'api' | 'worker'): void {
  const config = loadConfigOrExit();
  if (!config.otlpEndpoint) return;
  startTracing({ endpoint: config.otlpEndpoint, serviceName: `${config.otelServiceName}-${role}` });
}
