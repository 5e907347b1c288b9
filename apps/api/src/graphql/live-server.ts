import { APP_CONFIG, AppConfig, SessionRevocations, TokenService } from '@app/core';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { ExecutionArgs, getOperationAST, GraphQLError, GraphQLSchema, parse } from 'graphql';
import { Context, Disposable } from 'graphql-ws';
import { Extra, useServer } from 'graphql-ws/use/ws';
import { IncomingMessage, Server } from 'node:http';
import { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { ApiMetrics } from '../metrics/metrics';
import { clientAddress, trustFunction } from '../trust-proxy';
import { documentValidator, shapeError } from './graphql-options';
import { DOCUMENT_LIMITS } from './limits/document-limits';
import { DocumentValidator } from './limits/document-validation';

import { refuseOperation } from './limits/operation-gate';
import { LiveSessions } from './live-sessions';
import { LiveSubscriptionCount } from './live-subscription-count';
import { buildRequestContext } from './request-context';
import { rootFieldName } from './root-field';

const PATH = '/graphql';

/** A refusal before execution, in the shape graphql-ws hands to `onError`. */
const requestError = (code: string, message: string): GraphQLError =>
  new GraphQLError(message, { extensions: { code } });

/**
 * The graphql-ws endpoint on `/graphql`. Every operation it carries, subscription, query or
 * mutation, is parsed with the same token limit, validated with the same rules, passed through
 * the same operation gate and shaped by the same error formatter as over HTTP.
 */
@Injectable()
export class LiveServer implements OnApplicationBootstrap {
  private readonly sockets = new WebSocketServer({
    noServer: true,
    path: PATH,
    maxPayload: DOCUMENT_LIMITS.maxMessageBytes,
  });
  private disposable: Disposable | null = null;
  private readonly validator: DocumentValidator;
  private readonly logger = new Logger(LiveServer.name);
  private readonly sessions: LiveSessions;
  private stopListening: Promise<(() => void) | null> = Promise.resolve(null);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly http: HttpAdapterHost,
    private readonly schemaHost: GraphQLSchemaHost,
    private readonly metrics: ApiMetrics,
    tokens: TokenService,
    private readonly revocations: SessionRevocations,
  ) {
    this.validator = documentValidator(config);
    this.sessions = new LiveSessions(tokens);
  }

  onApplicationBootstrap(): void {
    const trust = trustFunction(this.config.trustProxy);
    const server = this.http.httpAdapter.getHttpServer() as Server;
    server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (new URL(request.url ?? '/', 'http://localhost').pathname !== PATH) {
        socket.destroy();
        return;
      }
      this.sockets.handleUpgrade(request, socket, head, (ws) =>
        this.sockets.emit('connection', ws, request),
      );
    });
    const schema = this.schemaHost.schema;
    const subscriptions = new LiveSubscriptionCount(
      this.metrics.liveSubscriptions,
      Object.keys(schema.getSubscriptionType()?.getFields() ?? {}),
    );
    const contextOf = (ctx: Context<Record<string, unknown> | undefined, Extra>) =>
      buildRequestContext({
        connectionParams: ctx.connectionParams,
        upgradeAuthorization: ctx.extra.request.headers.authorization,
        ip: clientAddress(ctx.extra.request, trust),
      });
    // Not awaited: an API started while Redis is away must still start (and serve sockets).
    this.stopListening = this.revocations
      .listen((revocation) => this.sessions.revoked(revocation))
      .catch((error: Error) => {
        this.logger.warn(`session revocations not followed: ${error.message}`);
        return null;
      });
    this.disposable = useServer(
      {
        schema,
        // Noted, not refused: a bad token is refused operation by operation, with its code.
        onConnect: (ctx) => {
          this.sessions.connected(ctx.extra.socket, contextOf(ctx).token);
        },
        context: contextOf,
        onSubscribe: (ctx, _id, payload) => this.prepare(schema, payload),
        // Only a subscription that runs yields a stream; one refused or failed yields a result.
        onOperation: (ctx, id, _payload, args, result) => {
          if (Symbol.asyncIterator in Object(result)) {
            subscriptions.started(ctx, id, rootFieldName(args.document, args.operationName));
          }
        },
        onComplete: (ctx, id) => subscriptions.ended(ctx, id),
        onClose: (ctx) => {
          subscriptions.socketClosed(ctx);
          this.sessions.closed(ctx.extra.socket);
        },
        onError: (_ctx, _id, _payload, errors) =>
          errors.map((error) => shapeError(error.toJSON(), error)),
        onNext: (_ctx, _id, _payload, _args, result) =>
          result.errors
            ? { ...result, errors: result.errors.map((error) => shapeError(error.toJSON(), error)) }
            : undefined,
      },
      this.sockets,
    );
  }

  /** Closes every WebSocket client with `code` (1001 on shutdown) and stops accepting more. */
  async close(code: number, reason: string): Promise<void> {
    // Not awaited either: with Redis away the listening may never have begun.
    void this.stopListening.then((stop) => stop?.());
    for (const client of this.sockets.clients) client.close(code, reason);
    await this.disposable?.dispose();
    this.disposable = null;
    await new Promise<void>((resolve) => this.sockets.close(() => resolve()));
  }

  /** Parses, validates and gates one operation, or returns why it is refused. */
  private prepare(
    schema: GraphQLSchema,
    payload: {
      query: string;
      operationName?: string | null;
      variables?: Record<string, unknown> | null;
    },
  ): ExecutionArgs | readonly GraphQLError[] {
    let document;
    try {
      document = parse(payload.query, { maxTokens: DOCUMENT_LIMITS.maxTokens });
    } catch (error) {
      return [requestError('GRAPHQL_PARSE_FAILED', (error as Error).message)];
    }
    const invalid = this.validator.refuse(schema, document);
    if (invalid.length) return invalid;
    const operation = getOperationAST(document, payload.operationName);
    const refusal = refuseOperation(
      schema,
      document,
      operation,
      payload.variables,
      this.config.queryCostLimit,
    );
    if (refusal) return [refusal];
    return {
      schema,
      document,
      operationName: payload.operationName,
      variableValues: payload.variables,
    };
  }
}
