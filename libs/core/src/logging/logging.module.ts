import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { IncomingMessage } from 'node:http';
import { destination } from 'pino';
import { Options } from 'pino-http';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/config';
import { prettyLogs } from './log-format';
import { REQUEST_ID_LOG_KEY } from './request-context';

/** Health probes and scrapes would drown the request log. */
const UNLOGGED_PATHS = /^\/(health\/|metrics(\/|\?|$))/;

/**
 * The path the client asked for. Fastify runs Nest middleware through middie, which hands each
 * one `url` without the part its route matched (here, all of it) and keeps the whole in
 * `originalUrl`.
 */
const requestedPath = (req: IncomingMessage & { originalUrl?: string }): string =>
  req.originalUrl ?? req.url ?? '';

/**
 * Structured logs (pino): one line per request, every line of a request carrying its
 * `requestId` (Fastify names requests, see requestIdOf), credentials redacted. JSON, except pretty for a developer at a terminal.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const options: Options = {
          level: config.logLevel,
          redact: ['req.headers.authorization', 'req.headers.cookie'],
          // Lines logged while serving a request carry its id alone, not the whole request.
          quietReqLogger: true,
          customAttributeKeys: { reqId: REQUEST_ID_LOG_KEY },
          autoLogging: { ignore: (req) => UNLOGGED_PATHS.test(requestedPath(req)) },
        };
        if (prettyLogs({ nodeEnv: config.nodeEnv, terminal: process.stdout.isTTY === true })) {
          return {
            pinoHttp: {
              ...options,
              transport: { target: 'pino-pretty', options: { singleLine: true } },
            },
          };
        }
        // Written without waiting: the lines logged while a write is under way go out together
        // in the next, instead of a blocking write per line, two for every request. Pino
        // flushes what is left when the process exits.
        return { pinoHttp: [options, destination({ dest: 1, sync: false })] };
      },
    }),
  ],
})
export class LoggingModule {}
