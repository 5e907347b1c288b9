import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { webConfig } from '../config.server';
import type { RequestInfo } from '../request-context';

/** An error as the API reports it: its sentence, its code and, for bad input, the field. */
export interface ApiError {
  message: string;
  code: string;
  field?: string;
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; errors: ApiError[] };

interface GraphQLBody<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string; field?: string } }>;
}

/**
 * Runs one operation against the API as the request's member (or as a visitor), from the web
 * server: the token goes in a header here and never to the browser.
 */
export async function callApi<TData, TVariables>(
  request: RequestInfo,
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
): Promise<ApiResult<TData>> {
  const response = await fetch(`${webConfig.apiUrl}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': request.clientIp,
      'x-request-id': request.requestId,
      ...(request.token ? { authorization: `Bearer ${request.token}` } : {}),
    },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const body = (await response.json().catch(() => ({}))) as GraphQLBody<TData>;
  if (body.errors?.length || !body.data) {
    return {
      ok: false,
      errors: (body.errors ?? [{ message: `The API answered ${response.status}` }]).map(
        (error) => ({
          message: error.message,
          code: error.extensions?.code ?? 'INTERNAL_SERVER_ERROR',
          field: error.extensions?.field,
        }),
      ),
    };
  }
  return { ok: true, data: body.data };
}

/** For loaders: the data, or a thrown response that the error boundary shows. */
export async function queryApi<TData, TVariables>(
  request: RequestInfo,
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
): Promise<TData> {
  let result = await callApi(request, document, variables);
  // A session the API has ended (signed out elsewhere, a password reset) reads the page as a
  // visitor; the root loader clears the cookie from the same answer.
  if (!result.ok && request.token && result.errors.some((e) => e.code === 'UNAUTHENTICATED')) {
    result = await callApi({ ...request, token: null }, document, variables);
  }
  if (result.ok) return result.data;
  const [first] = result.errors;
  const status = first.code === 'NOT_FOUND' ? 404 : first.code === 'UNAUTHENTICATED' ? 401 : 502;
  throw new Response(first.message, { status });
}
