import { AppConfig, formatError } from '@app/core';
import { ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloDriverConfig } from '@nestjs/apollo';
import { Logger } from '@nestjs/common';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { DOCUMENT_LIMITS } from './limits/document-limits';
import { DocumentValidator } from './limits/document-validation';
import { operationGatePlugin } from './limits/operation-gate.plugin';
import { noStorePlugin } from './no-store.plugin';
import { buildRequestContext } from './request-context';

const logger = new Logger('GraphQL');

/**
 * Apollo refuses a malformed persisted-query request (a hash that is not the query's, an unknown
 * version) with an HTTP 400 and no code: it is the client's mistake, told as BAD_REQUEST rather
 * than hidden as an internal error.
 */
function refusedRequest(
  formatted: GraphQLFormattedError,
  original: unknown,
): GraphQLFormattedError {
  const http = original instanceof GraphQLError ? original.extensions.http : undefined;
  const status = (http as { status?: number } | undefined)?.status;
  return original instanceof GraphQLError &&
    original.extensions.code === undefined &&
    status === 400
    ? { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_REQUEST' } }
    : formatted;
}

/** Shapes an error for a client and logs the unexpected ones: one formatter for both transports. */
export function shapeError(
  formatted: GraphQLFormattedError,
  original: unknown,
): GraphQLFormattedError {
  return formatError(refusedRequest(formatted, original), original, (error, cause) =>
    logger.error({ err: cause, path: error.path }, error.message),
  );
}

/** Validation as the configuration wants it: introspection and suggestions off in production. */
export function documentValidator(config: AppConfig): DocumentValidator {
  return new DocumentValidator({
    introspection: config.introspection,
    suggestions: config.nodeEnv !== 'production',
  });
}

/** A browser opening /graphql gets Apollo Sandbox in development, and nothing in production. */
function landingPage(config: AppConfig): ApolloServerPlugin {
  return config.nodeEnv === 'production'
    ? ApolloServerPluginLandingPageDisabled()
    : ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false });
}

/**
 * The Apollo settings of the API: in-memory schema (sorted), the operation gate, error shaping.
 * graphql-ws is served by the LiveServer, through the same gate and the same error shaping.
 */
export function graphqlOptions(config: AppConfig): ApolloDriverConfig {
  return {
    autoSchemaFile: true,
    sortSchema: true,
    path: '/graphql',
    playground: false,
    introspection: config.introspection,
    includeStacktraceInErrorResponses: false,
    // The parser stops counting at the limit instead of building the whole document first.
    parseOptions: { maxTokens: DOCUMENT_LIMITS.maxTokens },
    allowBatchedHttpRequests: false,
    // The operation gate validates, after checking that the document's shape keeps it cheap.
    dangerouslyDisableValidation: true,
    // Parsed documents are kept by hash in Apollo's bounded in-memory cache (its documentStore),
    // and the gate's validation remembers the documents that passed, so a repeated query is
    // neither parsed nor validated again. Automatic persisted queries share that bounded cache:
    // a client may send the query's hash alone once the server has seen the query; clients
    // that always send the whole query are served as before.
    cache: 'bounded',
    persistedQueries: { ttl: 24 * 3600 },
    plugins: [
      operationGatePlugin(documentValidator(config), config.queryCostLimit),
      landingPage(config),
      // Cache hints are never set here, and the hint plugin would wrap every field's resolver.
      ApolloServerPluginCacheControlDisabled(),
      noStorePlugin(),
    ],
    context: (source: Parameters<typeof buildRequestContext>[0]) => buildRequestContext(source),
    formatError: shapeError,
    // A refusal raised while executing (RATE_LIMITED, SERVICE_UNAVAILABLE) keeps the status that
    // asRefusal gave it, instead of Nest resetting every executed response to 200.
    preserveHttpStatusForExecutionErrors: false,
    // A simple cross-site form post cannot carry a JSON body or Apollo's preflight headers.
    csrfPrevention: true,
  };
}
