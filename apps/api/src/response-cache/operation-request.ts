import { createHash } from 'node:crypto';

/** What decides the answer to a GraphQL request, as the client sent it. */
export interface OperationRequest {
  query?: string;
  /** The automatic persisted query hash, when the client sent one. */
  persistedQueryHash?: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

/** A header's value, for the HTTP layers that read headers differently. */
export type HeaderReader = (name: string) => string | undefined;

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * A request that carries no credential the API reads or might one day read: neither a token nor
 * a cookie. Only its answers are the same for everyone.
 */
export function isAnonymous(header: HeaderReader): boolean {
  return header('authorization') === undefined && header('cookie') === undefined;
}

/**
 * The document's identity: the SHA-256 of its text, which is also its automatic persisted query
 * hash, so a client sending the text and one sending only the hash share one entry. Null when
 * the two disagree (Apollo refuses that request) or neither was sent.
 */
function documentId(request: OperationRequest): string | null {
  if (typeof request.query === 'string') {
    const id = sha256(request.query);
    const hash = request.persistedQueryHash;
    return hash === undefined || hash === id ? id : null;
  }
  return request.persistedQueryHash ?? null;
}

/**
 * The cache key of a request under one schema: the same document, operation name and variables
 * under the same schema get the same answer for every anonymous reader. Variables are taken as
 * sent, so the same values in another order only make another entry.
 */
export function responseCacheKey(schemaVersion: string, request: OperationRequest): string | null {
  const document = documentId(request);
  if (!document) return null;
  return sha256(
    JSON.stringify([
      schemaVersion,
      document,
      request.operationName ?? null,
      request.variables ?? {},
    ]),
  );
}
