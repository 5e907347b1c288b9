import { AppConfig, formatError } from '@app/core';
import { ApolloDriverConfig } from '@nestjs/apollo';
import { Logger } from '@nestjs/common';
import { nulCharactersPlugin } from './nul-characters';
import { queryLimitsPlugin } from './query-limits';
import { buildRequestContext } from './request-context';

const logger = new Logger('GraphQL');

/** The Apollo settings of the API: in-memory schema (sorted), error shaping, graphql-ws. */
export function graphqlOptions(config: AppConfig): ApolloDriverConfig {
  return {
    autoSchemaFile: true,
    sortSchema: true,
    path: '/graphql',
    playground: false,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    plugins: [nulCharactersPlugin(), queryLimitsPlugin(config.queryCostLimit)],
    context: (source: Parameters<typeof buildRequestContext>[0]) => buildRequestContext(source),
    formatError: (formatted, original) =>
      formatError(formatted, original, (error, cause) =>
        logger.error({ err: cause, path: error.path }, error.message),
      ),
    subscriptions: { 'graphql-ws': { path: '/graphql' } },
    // Credentials travel as bearer tokens, never cookies, so a cross-site request carries none.
    csrfPrevention: false,
  };
}
