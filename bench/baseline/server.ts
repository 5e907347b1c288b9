// The bare ceiling: `node:http` and a `pg` pool with hand-written SQL, answering the bench's
// thread page and postAnswer with the API's JSON. What the API spends beyond this is the cost of
// its framework, which the bench reports as a ratio.
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { Pool } from 'pg';
import { uuidOf } from './global-id';
import { postAnswer } from './post-answer';
import { threadPage } from './thread-page';

const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  // The API's pool size, so that neither waits for connections the other has.
  max: Number(process.env.DATABASE_POOL_SIZE ?? 20),
});
const secret = process.env.JWT_SECRET ?? '';

interface GraphqlBody {
  variables?: { id?: unknown; input?: { threadId?: unknown; body?: unknown } };
}

async function readJson(request: IncomingMessage): Promise<GraphqlBody> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as GraphqlBody;
}

/** Reads the same request body as the API's (a GraphQL request) and takes its variables. */
async function answer(request: IncomingMessage): Promise<object | null> {
  if (request.method === 'GET' && request.url === '/health') return { ok: true };
  if (request.method !== 'POST') return null;
  const body = await readJson(request);
  if (request.url === '/thread-page') {
    const threadId = uuidOf('Thread', body.variables?.id);
    return threadId ? threadPage(pool, threadId) : { data: { viewer: null, thread: null } };
  }
  if (request.url === '/post-answer') {
    return postAnswer(pool, secret, request.headers.authorization, body.variables?.input ?? {});
  }
  return null;
}

function send(response: ServerResponse, status: number, payload: object): void {
  const json = JSON.stringify(payload);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
  });
  response.end(json);
}

const server = createServer((request, response) => {
  answer(request).then(
    (payload) => send(response, payload ? 200 : 404, payload ?? { error: 'not found' }),
    (error: Error) => send(response, 500, { errors: [{ message: error.message }] }),
  );
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1');

process.on('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  void pool.end().then(() => process.exit(0));
});
