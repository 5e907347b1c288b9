export interface GraphQLErrorShape {
  message: string;
  path?: string[];
  extensions?: { code?: string; field?: string; [key: string]: unknown };
}

export interface GraphQLResponse<T> {
  status: number;
  data: T | null;
  errors?: GraphQLErrorShape[];
}

/** Posts one GraphQL operation to the API, as a browser or app would. */
export async function postGraphQL<T>(
  url: string,
  query: string,
  variables: object = {},
  token?: string,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T | null; errors?: GraphQLErrorShape[] };
  return { status: response.status, data: body.data ?? null, errors: body.errors };
}

/** The data of a response that must have succeeded. */
export function ok<T>(response: GraphQLResponse<T>): T {
  if (response.errors?.length || !response.data) {
    throw new Error(`GraphQL errors: ${JSON.stringify(response.errors)}`);
  }
  return response.data;
}

/** The code of the first error of a response that must have failed. */
export function errorCode(response: GraphQLResponse<unknown>): string | undefined {
  if (!response.errors?.length)
    throw new Error(`expected an error, got ${JSON.stringify(response.data)}`);
  return response.errors[0].extensions?.code;
}
