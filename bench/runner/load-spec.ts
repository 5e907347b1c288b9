/** One request a scenario sends: the load generator cycles through a scenario's variants. */
export interface RequestVariant {
  /** POST unless named: GraphQL and the ceiling take POST, the site's pages GET. */
  method?: 'GET' | 'POST';
  path: string;
  body?: string;
  headers?: Record<string, string>;
}

/** What the load generator is asked to run: a warm-up, then the measured part. */
export interface LoadSpec {
  /**
   * Names the scenario's position in its variants: rounds of one scenario go on where the last
   * round stopped, so a write never repeats before every variant has been sent once.
   */
  key: string;
  origin: string;
  connections: number;
  warmupSeconds: number;
  seconds: number;
  variants: RequestVariant[];
}

/** The figures of one measured run, latencies in milliseconds. */
export interface LoadFigures {
  requests: number;
  /** Non-2xx answers, GraphQL answers carrying `errors`, connection errors and timeouts. */
  errors: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  /** The start of the first failed answer's body, to say what went wrong. */
  firstError: string | null;
}

/** A message from the bench to the load generator's process. */
export interface LoadRequest {
  id: number;
  spec: LoadSpec;
}

/** The load generator's answer to a LoadRequest. */
export type LoadReply = { id: number; figures: LoadFigures } | { id: number; failure: string };
