// First import of main.ts: tracing patches http, graphql, pg and ioredis as they load.
import { traceProcess } from '../../../libs/core/src/tracing/trace-process';

traceProcess('api');
