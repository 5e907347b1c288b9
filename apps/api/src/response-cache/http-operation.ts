import { HeaderReader, isAnonymous, OperationRequest } from './operation-request';

/** The parts of an HTTP request (Fastify's) that say which GraphQL operation it asks for. */
export interface HttpGraphQLRequest {
  method: string;
  header: HeaderReader;
  /** The parsed JSON body of a POST. */
  body: unknown;
  /** The query-string parameters of a GET. */
  query: unknown;
}

type Fields = Record<string, unknown>;

const isFields = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const NOT_JSON = Symbol('not JSON');

/** A JSON parameter of a GET (`variables`, `extensions`): undefined when absent. */
function jsonParameter(value: unknown): unknown {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') return NOT_JSON;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return NOT_JSON;
  }
}

/**
 * The answer Apollo gives such a request is plain JSON: no Accept header, or one that takes
 * application/json first and asks for no other format Apollo knows.
 */
function wantsPlainJson(accept: string | undefined): boolean {
  if (accept === undefined) return true;
  return (
    /(^|,)\s*(\*\/\*|application\/json)\s*(;|,|$)/.test(accept) &&
    !/graphql-response|multipart|callback/.test(accept)
  );
}

/** The request's fields, when each has the shape Apollo accepts; null otherwise. */
function operationFrom(fields: Fields): OperationRequest | null {
  const { query, operationName, variables, extensions } = fields;
  if (query !== undefined && typeof query !== 'string') return null;
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') {
    return null;
  }
  if (variables !== undefined && variables !== null && !isFields(variables)) return null;
  if (extensions !== undefined && extensions !== null && !isFields(extensions)) return null;
  const persisted = isFields(extensions) ? extensions.persistedQuery : undefined;
  const hash = isFields(persisted) ? persisted.sha256Hash : undefined;
  if (hash !== undefined && typeof hash !== 'string') return null;
  return { query, operationName, variables, persistedQueryHash: hash };
}

/**
 * The operation of an anonymous GraphQL request over HTTP that the response cache may answer: a
 * JSON POST, or a GET that passes Apollo's CSRF rule (a preflight header). Null for anything
 * else, which then goes to Apollo as always.
 */
export function anonymousHttpOperation(request: HttpGraphQLRequest): OperationRequest | null {
  if (!isAnonymous(request.header) || !wantsPlainJson(request.header('accept'))) return null;
  if (request.method === 'POST') {
    const contentType = request.header('content-type') ?? '';
    if (!/^application\/json\s*(;|$)/i.test(contentType) || !isFields(request.body)) return null;
    return operationFrom(request.body);
  }
  if (request.method === 'GET' && isFields(request.query)) {
    const preflight =
      request.header('apollo-require-preflight') !== undefined ||
      request.header('x-apollo-operation-name') !== undefined;
    if (!preflight) return null;
    const variables = jsonParameter(request.query.variables);
    const extensions = jsonParameter(request.query.extensions);
    if (variables === NOT_JSON || extensions === NOT_JSON) return null;
    return operationFrom({ ...request.query, variables, extensions });
  }
  return null;
}
