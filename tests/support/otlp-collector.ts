import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';

/** A span as OTLP/JSON carries it, with its attributes flattened and its service named. */
export interface ReceivedSpan {
  service: string;
  scope: string;
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  kind: number;
  attributes: Record<string, string | number | boolean>;
}

interface OtlpValue {
  stringValue?: string;
  intValue?: string | number;
  boolValue?: boolean;
  doubleValue?: number;
}

interface OtlpAttribute {
  key: string;
  value: OtlpValue;
}

interface OtlpExport {
  resourceSpans?: Array<{
    resource?: { attributes?: OtlpAttribute[] };
    scopeSpans?: Array<{
      scope?: { name?: string };
      spans?: Array<
        Omit<ReceivedSpan, 'service' | 'scope' | 'attributes'> & {
          attributes?: OtlpAttribute[];
        }
      >;
    }>;
  }>;
}

function flatten(attributes: OtlpAttribute[] = []): ReceivedSpan['attributes'] {
  return Object.fromEntries(
    attributes.map(({ key, value }) => [
      key,
      value.stringValue ?? value.boolValue ?? value.doubleValue ?? Number(value.intValue),
    ]),
  );
}

/** A trace collector on a free port that keeps what OTLP/HTTP exporters send it. */
export class OtlpCollector {
  readonly spans: ReceivedSpan[] = [];
  private server: Server | null = null;

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks);
        const text = (
          request.headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body
        ).toString();
        if (request.url === '/v1/traces') this.receive(JSON.parse(text) as OtlpExport);
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }

  private receive(payload: OtlpExport): void {
    for (const resourceSpans of payload.resourceSpans ?? []) {
      const service = String(flatten(resourceSpans.resource?.attributes)['service.name']);
      for (const scopeSpans of resourceSpans.scopeSpans ?? []) {
        for (const span of scopeSpans.spans ?? []) {
          this.spans.push({
            ...span,
            service,
            scope: scopeSpans.scope?.name ?? '',
            attributes: flatten(span.attributes),
          });
        }
      }
    }
  }
}
