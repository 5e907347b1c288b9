import { APP_CONFIG, AppConfig } from '@app/core';
import {
  ApolloServerPlugin,
  BaseContext,
  GraphQLRequestContext,
  GraphQLRequestListener,
  GraphQLServerContext,
  GraphQLServerListener,
} from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import { Inject } from '@nestjs/common';
import { cachePlanOf } from './cache-plan';
import { isAnonymous, OperationRequest } from './operation-request';
import { Preparation, ResponseCacheStore } from './response-cache.store';

/** The request as the cache keys it: the text Apollo ran (found by hash too), as sent. */
function operationOf(request: GraphQLRequestContext<BaseContext>['request']): OperationRequest {
  const persisted = request.extensions?.persistedQuery as { sha256Hash?: unknown } | undefined;
  return {
    query: request.query,
    persistedQueryHash:
      typeof persisted?.sha256Hash === 'string' ? persisted.sha256Hash : undefined,
    operationName: request.operationName,
    variables: request.variables,
  };
}

/**
 * Keeps the answers of anonymous queries that the cache may serve (see cachePlanOf) when they
 * have no errors; the Fastify hook (ResponseCacheHook) serves them. The threads' generations are
 * read before the operation runs, so a change committed while it runs leaves its answer stale.
 * Answers the cache could have served are marked `x-cache: miss`, answers served `x-cache: hit`.
 */
@Plugin()
export class ResponseCachePlugin implements ApolloServerPlugin<BaseContext> {
  constructor(
    private readonly store: ResponseCacheStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async serverWillStart({ schema }: GraphQLServerContext): Promise<GraphQLServerListener> {
    this.store.useSchema(schema);
    return {
      schemaDidLoadOrUpdate: ({ apiSchema }) => this.store.useSchema(apiSchema),
    };
  }

  async requestDidStart({
    request,
  }: GraphQLRequestContext<BaseContext>): Promise<GraphQLRequestListener<BaseContext> | void> {
    const http = request.http;
    if (!this.config.responseCacheEnabled || !http) return;
    if (!isAnonymous((name) => http.headers.get(name))) return;
    let entryKey: string | null = null;
    let rootFields = 0;
    let preparation: Preparation | null = null;
    return {
      didResolveOperation: async ({ schema, document, request: resolved }) => {
        const plan = cachePlanOf(schema, document);
        const threadIds = plan?.threadIds(resolved.variables ?? {});
        if (!plan || !threadIds) return;
        rootFields = plan.rootFields;
        entryKey = this.store.keyOf(operationOf(resolved));
        if (entryKey) preparation = await this.store.prepare(entryKey, threadIds);
      },
      willSendResponse: async ({ response }) => {
        if (!entryKey || !preparation || response.body.kind !== 'single') return;
        const result = response.body.singleResult;
        if (result.errors?.length || (response.http.status ?? 200) !== 200) return;
        response.http.headers.set('x-cache', 'miss');
        if (!preparation.worthKeeping) return;
        // As Apollo writes it: the same bytes whether computed or served.
        const body = `${JSON.stringify({ data: result.data, extensions: result.extensions })}\n`;
        await this.store.save(entryKey, { body, rootFields }, preparation.generations);
      },
    };
  }
}
