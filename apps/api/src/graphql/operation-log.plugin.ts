import {
  ApolloServerPlugin,
  BaseContext,
  GraphQLRequestContextWillSendResponse,
  GraphQLRequestListener,
} from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import { Logger } from '@nestjs/common';
import { GraphQLFormattedError } from 'graphql';
import { ApiMetrics } from '../metrics/metrics';
import { OperationLabels } from './operation-labels';

/** The code a client sees on an error; Apollo's own for one that has none. */
const codeOf = (error: GraphQLFormattedError): string =>
  typeof error.extensions?.code === 'string' ? error.extensions.code : 'INTERNAL_SERVER_ERROR';

/** The errors of the response sent, as the client receives them (after formatError). */
function sentErrors(
  context: GraphQLRequestContextWillSendResponse<BaseContext>,
): readonly GraphQLFormattedError[] {
  const body = context.response.body;
  const errors = body.kind === 'single' ? body.singleResult.errors : body.initialResult.errors;
  return errors ?? [];
}

/**
 * One log line per GraphQL request over HTTP (operation name and type, duration, error codes),
 * in the request's log context so it carries the request id, and the same facts as metrics.
 * Requests refused before their operation is known have the type `unknown`.
 */
@Plugin()
export class OperationLogPlugin implements ApolloServerPlugin<BaseContext> {
  private readonly logger = new Logger('GraphQL');
  private readonly labels = new OperationLabels();

  constructor(private readonly metrics: ApiMetrics) {}

  async requestDidStart(): Promise<GraphQLRequestListener<BaseContext>> {
    const started = performance.now();
    return {
      willSendResponse: async (context) => {
        const seconds = (performance.now() - started) / 1000;
        const operationName = context.operationName ?? context.request.operationName ?? null;
        const operationType = context.operation?.operation ?? 'unknown';
        const errorCodes = sentErrors(context).map(codeOf);
        this.metrics.operationDuration.observe(
          { operation_name: this.labels.labelFor(operationName), operation_type: operationType },
          seconds,
        );
        for (const code of errorCodes) this.metrics.operationErrors.inc({ code });
        this.logger.log(
          { operationName, operationType, durationMs: Math.round(seconds * 1000), errorCodes },
          `${operationType} ${operationName ?? '(anonymous)'}`,
        );
      },
    };
  }
}
