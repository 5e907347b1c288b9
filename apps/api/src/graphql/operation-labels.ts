/** The label of an operation sent without a name (no GraphQL name has parentheses). */
export const ANONYMOUS_OPERATION = '(anonymous)';
/** The label of the names past the limit. */
export const OTHER_OPERATION = '(other)';

/**
 * Operation names come from clients, and each name is a time series in Prometheus: the first
 * `limit` names seen keep their own label, later ones share OTHER_OPERATION, so a client that
 * invents names cannot grow the metrics without bound.
 */
export class OperationLabels {
  private readonly seen = new Set<string>();

  constructor(private readonly limit = 200) {}

  labelFor(operationName: string | null | undefined): string {
    if (!operationName) return ANONYMOUS_OPERATION;
    if (this.seen.has(operationName)) return operationName;
    if (this.seen.size >= this.limit) return OTHER_OPERATION;
    this.seen.add(operationName);
    return operationName;
  }
}
