import { ApolloServerPlugin } from '@apollo/server';

/**
 * Marks every GraphQL response `Cache-Control: no-store`, as Apollo's cache-control plugin did
 * for the uncacheable answers this API gives (no field carries a cache hint). That plugin is off
 * because it hooks the resolution of every field to collect hints nobody sets; a header that is
 * already there (set by whoever decides a response may be cached) is left as it is.
 */
export function noStorePlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (!response.http.headers.has('cache-control')) {
            response.http.headers.set('cache-control', 'no-store');
          }
        },
      };
    },
  };
}
