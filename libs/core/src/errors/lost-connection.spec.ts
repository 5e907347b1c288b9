import { createServer, Server, Socket } from 'node:net';
import { DatabaseError, Client, Pool } from 'pg';
import {
  QueryFailedError,
  QueryRunnerAlreadyReleasedError,
  QueryRunnerProviderAlreadyReleasedError,
} from 'typeorm';
import { badInput } from './app-errors';
import { isLostConnection } from './lost-connection';

/** A Postgres error as node-postgres builds it from the server's ErrorResponse. */
function serverError(code: string, message: string): DatabaseError {
  const error = new DatabaseError(message, 100, 'error');
  error.code = code;
  error.severity = 'FATAL';
  return error;
}

function socketError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), {
    code,
    errno: -1,
    syscall: 'connect',
  });
}

/** What TypeORM throws around a driver error. */
const wrapped = (driverError: Error) => new QueryFailedError('SELECT 1', [], driverError);

describe('isLostConnection', () => {
  describe('socket errors', () => {
    it.each(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'EAI_AGAIN'])(
      '%s is a lost connection',
      (code) => {
        expect(isLostConnection(socketError(code))).toBe(true);
        expect(isLostConnection(wrapped(socketError(code)))).toBe(true);
      },
    );

    it('looks into an AggregateError of several refused addresses', () => {
      const error = new AggregateError([socketError('ECONNREFUSED'), socketError('ECONNREFUSED')]);
      expect(isLostConnection(error)).toBe(true);
    });
  });

  describe('server errors', () => {
    it.each([
      ['57P01', 'terminating connection due to administrator command'],
      ['57P02', 'terminating connection because of crash of another server process'],
      ['57P03', 'the database system is starting up'],
      ['57P05', 'terminating connection due to idle-session timeout'],
      ['53300', 'sorry, too many clients already'],
      ['08006', 'connection failure'],
      ['08003', 'connection does not exist'],
      ['08P01', 'protocol violation'],
    ])('SQLSTATE %s (%s) is a lost connection, bare or wrapped by TypeORM', (code, message) => {
      expect(isLostConnection(serverError(code, message))).toBe(true);
      expect(isLostConnection(wrapped(serverError(code, message)))).toBe(true);
    });

    it('knows the server messages even without their code', () => {
      for (const message of [
        'terminating connection due to administrator command',
        'the database system is shutting down',
        'the database system is in recovery mode',
        'sorry, too many clients already',
      ]) {
        expect(isLostConnection(new Error(message))).toBe(true);
      }
    });
  });

  describe('node-postgres and its pool', () => {
    it.each([
      'Connection terminated unexpectedly',
      'Connection terminated',
      'Connection terminated due to connection timeout',
      'Client has encountered a connection error and is not queryable',
      'Client was closed and is not queryable',
      'timeout exceeded when trying to connect',
      'timeout expired',
    ])('"%s" is a lost connection, bare or wrapped by TypeORM', (message) => {
      expect(isLostConnection(new Error(message))).toBe(true);
      expect(isLostConnection(wrapped(new Error(message)))).toBe(true);
    });

    it("is TypeORM's released query runner, bare or as a cause", () => {
      for (const error of [
        new QueryRunnerAlreadyReleasedError(),
        new QueryRunnerProviderAlreadyReleasedError(),
      ]) {
        expect(isLostConnection(error)).toBe(true);
        expect(isLostConnection(new Error('the transaction failed', { cause: error }))).toBe(true);
      }
    });

    it('follows `cause`', () => {
      const error = new Error('the transaction failed', { cause: socketError('ECONNRESET') });
      expect(isLostConnection(error)).toBe(true);
    });

    it('follows the originalError of a GraphQL error', () => {
      const error = Object.assign(new Error('located'), {
        originalError: wrapped(new Error('Connection terminated unexpectedly')),
      });
      expect(isLostConnection(error)).toBe(true);
    });
  });

  describe('what is not a lost connection', () => {
    it.each([
      ['23505', 'duplicate key value violates unique constraint "users_email_key"'],
      ['23503', 'insert or update on table "posts" violates foreign key constraint'],
      ['42601', 'syntax error at or near "SELEC"'],
      ['57014', 'canceling statement due to statement timeout'],
      ['40001', 'could not serialize access due to concurrent update'],
      ['22P02', 'invalid input syntax for type uuid: "nope"'],
    ])('SQLSTATE %s (%s)', (code, message) => {
      expect(isLostConnection(serverError(code, message))).toBe(false);
      expect(isLostConnection(wrapped(serverError(code, message)))).toBe(false);
    });

    it.each([
      ['a TypeError', new TypeError("Cannot read properties of undefined (reading 'id')")],
      ['a contract error', badInput('body', 'must not be blank')],
      ['an error mentioning a connection', new Error('the connection string is invalid')],
      ['a file error', socketError('ENOENT')],
    ])('%s', (_what, error) => {
      expect(isLostConnection(error)).toBe(false);
    });

    it.each([null, undefined, 'Connection terminated', 42, {}])('the value %p', (value) => {
      expect(isLostConnection(value)).toBe(false);
    });

    it('stops at a cycle of causes', () => {
      const a: { message: string; cause?: unknown } = { message: 'a' };
      const b = { message: 'b', cause: a };
      a.cause = b;
      expect(isLostConnection(a)).toBe(false);
    });
  });

  describe('errors node-postgres really raises', () => {
    /** A server that accepts connections and never answers; `cut` closes what it accepted. */
    async function silentServer() {
      const sockets = new Set<Socket>();
      const server: Server = createServer((socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return {
        port: (server.address() as { port: number }).port,
        accepted: () => sockets.size,
        cut: () => sockets.forEach((socket) => socket.destroy()),
        close: async () => {
          sockets.forEach((socket) => socket.destroy());
          await new Promise<void>((resolve) => server.close(() => resolve()));
        },
      };
    }

    const caught = async (promise: Promise<unknown>): Promise<unknown> => {
      try {
        await promise;
      } catch (error) {
        return error;
      }
      throw new Error('expected a failure');
    };

    it('a refused connection', async () => {
      const server = await silentServer();
      await server.close();
      const client = new Client({ host: '127.0.0.1', port: server.port, user: 'postgres' });
      expect(isLostConnection(await caught(client.connect()))).toBe(true);
    });

    it('a connection that times out', async () => {
      const server = await silentServer();
      const client = new Client({
        host: '127.0.0.1',
        port: server.port,
        user: 'postgres',
        connectionTimeoutMillis: 50,
      });
      const error = await caught(client.connect());
      await server.close();
      expect(isLostConnection(error)).toBe(true);
    });

    it('a connection cut by the other side', async () => {
      const server = await silentServer();
      const client = new Client({ host: '127.0.0.1', port: server.port, user: 'postgres' });
      client.on('error', () => undefined);
      const connecting = caught(client.connect());
      while (server.accepted() === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      server.cut();
      // "Connection terminated unexpectedly" or "read ECONNRESET", as the close races the read.
      const error = await connecting;
      await server.close();
      expect(isLostConnection(error)).toBe(true);
    });

    it('a pool that cannot connect, or hand out a client, in time', async () => {
      const server = await silentServer();
      const pool = new Pool({
        host: '127.0.0.1',
        port: server.port,
        user: 'postgres',
        max: 1,
        connectionTimeoutMillis: 50,
      });
      pool.on('error', () => undefined);
      const [holder, waiter] = await Promise.all([caught(pool.connect()), caught(pool.connect())]);
      await pool.end();
      await server.close();
      expect(isLostConnection(holder)).toBe(true);
      expect(isLostConnection(waiter)).toBe(true);
    });
  });
});
