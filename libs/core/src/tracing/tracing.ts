import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  CompositePropagator,
  W3CBaggagePropagator,
  W3CTraceContextPropagator,
} from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { GraphQLInstrumentation } from '@opentelemetry/instrumentation-graphql';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { PinoInstrumentation } from '@opentelemetry/instrumentation-pino';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';

/** Probes and scrapes every few seconds would bury the traces that matter. */
const UNTRACED_PATHS = /^\/(health(\/|\?|$)|metrics(\/|\?|$))/;

export interface TracingOptions {
  /** OTLP/HTTP base address; the spans go to `<endpoint>/v1/traces`. */
  endpoint: string;
  /** The service the spans belong to, as a tracing backend lists it. */
  serviceName: string;
}

let provider: TracerProvider | null = null;

/**
 * Starts tracing of HTTP, GraphQL, Postgres and Redis, exported over OTLP, and puts the active
 * trace and span ids into pino's log lines. It patches those modules as they load, so it runs
 * before anything imports them; BullMQ is traced through its own telemetry option (queue module).
 */
export function startTracing(options: TracingOptions): void {
  if (provider) return;
  provider = new TracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: options.serviceName }),
    spanProcessors: [
      new BatchSpanProcessor({
        exporter: new OTLPTraceExporter({
          url: `${options.endpoint.replace(/\/$/, '')}/v1/traces`,
        }),
      }),
    ],
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(
    new CompositePropagator({
      propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()],
    }),
  );
  trace.setGlobalTracerProvider(provider);
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request) => UNTRACED_PATHS.test(request.url ?? ''),
      }),
      // Parse, validate and execute per operation, not a span per field: a thread page resolves
      // hundreds of fields, and its statements are traced below anyway.
      new GraphQLInstrumentation({ ignoreResolveSpans: true }),
      // Queries and commands outside any request or job (the outbox relay's and BullMQ's polling)
      // would be thousands of lone traces an hour.
      new PgInstrumentation({ requireParentSpan: true }),
      new IORedisInstrumentation({ requireParentSpan: true }),
      new PinoInstrumentation(),
    ],
  });
}
