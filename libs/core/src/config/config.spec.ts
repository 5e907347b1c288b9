import { ConfigError, loadConfig } from './config';

/** A secret of the kind `openssl rand -hex 32` makes. */
const STRONG_SECRET = '3f9c1e7a5b2d8046e1a9c3f7b5d20e84c6a1f9e3b7d5c2a04f8e6b1d9c3a7f5e';

/** Loads a configuration from `env` alone, never from the test process's own environment. */
function load(env: Record<string, string | undefined> = {}) {
  return loadConfig(env);
}

/** The ConfigError that loading `env` throws (fails the test when nothing is thrown). */
function configErrorFor(env: Record<string, string | undefined>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error(`expected a ConfigError for ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  describe('with an empty environment', () => {
    it('uses the contract defaults for the database, Redis and port', () => {
      const config = load();
      expect(config.databaseUrl).toBe('postgres://postgres@127.0.0.1:5432/community');
      expect(config.redisUrl).toBe('redis://127.0.0.1:6379');
      expect(config.port).toBe(3000);
    });

    it('runs in development with rate limits on, no SMTP and info logging', () => {
      const config = load();
      expect(config.nodeEnv).toBe('development');
      expect(config.rateLimitEnabled).toBe(true);
      expect(config.smtpUrl).toBeNull();
      expect(config.logLevel).toBe('info');
      expect(config.redisPrefix).toBe('community');
    });

    it('falls back to a development JWT secret long enough to sign with', () => {
      expect(load().jwtSecret.length).toBeGreaterThanOrEqual(16);
    });

    it('derives the public URL from the port', () => {
      expect(load({ PORT: '4100' }).publicUrl).toBe('http://127.0.0.1:4100');
    });
  });

  describe('with good values', () => {
    it('reads every variable it is given', () => {
      const config = load({
        NODE_ENV: 'production',
        DATABASE_URL: 'postgresql://app:pw@db:5432/prod',
        REDIS_URL: 'rediss://cache:6380',
        REDIS_PREFIX: 'run_42-a',
        PORT: '8080',
        JWT_SECRET: STRONG_SECRET,
        SMTP_URL: 'smtps://mail.example.com:465',
        LOG_LEVEL: 'warn',
      });
      expect(config).toMatchObject({
        nodeEnv: 'production',
        databaseUrl: 'postgresql://app:pw@db:5432/prod',
        redisUrl: 'rediss://cache:6380',
        redisPrefix: 'run_42-a',
        port: 8080,
        jwtSecret: STRONG_SECRET,
        smtpUrl: 'smtps://mail.example.com:465',
        logLevel: 'warn',
      });
    });

    it('accepts the lowest and highest ports', () => {
      expect(load({ PORT: '0' }).port).toBe(0);
      expect(load({ PORT: '65535' }).port).toBe(65535);
    });

    it('treats an empty PORT as unset', () => {
      expect(load({ PORT: '' }).port).toBe(3000);
    });
  });

  describe('RATE_LIMIT', () => {
    it('lifts the rate limits when set to off', () => {
      expect(load({ RATE_LIMIT: 'off' }).rateLimitEnabled).toBe(false);
    });

    it('keeps them when set to on', () => {
      expect(load({ RATE_LIMIT: 'on' }).rateLimitEnabled).toBe(true);
    });

    it('ignores the case of on and off', () => {
      expect(load({ RATE_LIMIT: 'OFF' }).rateLimitEnabled).toBe(false);
    });

    it('rejects anything but on or off, naming RATE_LIMIT', () => {
      const error = configErrorFor({ RATE_LIMIT: 'false' });
      expect(error.message).toMatch(/^RATE_LIMIT\b/);
      expect(error.message).toContain('"false"');
    });
  });

  describe('PORT', () => {
    it('rejects a port that is not a number, naming PORT', () => {
      expect(configErrorFor({ PORT: 'http' }).message).toMatch(/^PORT\b/);
    });

    it('rejects a port with a fraction, naming PORT', () => {
      expect(configErrorFor({ PORT: '3000.5' }).message).toMatch(/^PORT\b/);
    });

    it('rejects a port above 65535, naming PORT', () => {
      expect(configErrorFor({ PORT: '65536' }).message).toMatch(/^PORT\b/);
    });

    it('rejects a negative port, naming PORT', () => {
      expect(configErrorFor({ PORT: '-1' }).message).toMatch(/^PORT\b/);
    });
  });

  describe('WORKER_PORT', () => {
    it('is 3001 by default, and when empty', () => {
      expect(load().workerPort).toBe(3001);
      expect(load({ WORKER_PORT: '' }).workerPort).toBe(3001);
    });

    it('reads a port, 0 (any free port) and 65535 included', () => {
      expect(load({ WORKER_PORT: '9464' }).workerPort).toBe(9464);
      expect(load({ WORKER_PORT: '0' }).workerPort).toBe(0);
      expect(load({ WORKER_PORT: '65535' }).workerPort).toBe(65535);
    });

    it.each(['http', '3001.5', '65536', '-1', ' 3001'])(
      'rejects %j, naming WORKER_PORT',
      (value) => {
        expect(configErrorFor({ WORKER_PORT: value }).message).toMatch(/^WORKER_PORT\b/);
      },
    );
  });

  describe('DATABASE_URL', () => {
    it('rejects a value that is not a URL, naming DATABASE_URL', () => {
      const error = configErrorFor({ DATABASE_URL: 'not a url' });
      expect(error.message).toMatch(/^DATABASE_URL\b/);
      expect(error.message).toContain('must be a URL');
    });

    it('rejects a URL of another protocol, naming DATABASE_URL', () => {
      const error = configErrorFor({ DATABASE_URL: 'mysql://root@127.0.0.1/community' });
      expect(error.message).toMatch(/^DATABASE_URL\b/);
      expect(error.message).toContain('mysql:');
    });

    it('accepts both postgres: and postgresql:', () => {
      expect(load({ DATABASE_URL: 'postgres://h/db' }).databaseUrl).toBe('postgres://h/db');
      expect(load({ DATABASE_URL: 'postgresql://h/db' }).databaseUrl).toBe('postgresql://h/db');
    });
  });

  describe('REDIS_URL', () => {
    it('rejects a value that is not a URL, naming REDIS_URL', () => {
      expect(configErrorFor({ REDIS_URL: '127.0.0.1:6379' }).message).toMatch(/^REDIS_URL\b/);
    });

    it('rejects a URL of another protocol, naming REDIS_URL', () => {
      expect(configErrorFor({ REDIS_URL: 'http://127.0.0.1:6379' }).message).toMatch(
        /^REDIS_URL\b/,
      );
    });
  });

  describe('LOG_LEVEL', () => {
    it('rejects an unknown level, naming LOG_LEVEL', () => {
      const error = configErrorFor({ LOG_LEVEL: 'verbose' });
      expect(error.message).toMatch(/^LOG_LEVEL\b/);
      expect(error.message).toContain('"verbose"');
    });

    it('accepts silent', () => {
      expect(load({ LOG_LEVEL: 'silent' }).logLevel).toBe('silent');
    });
  });

  describe('REDIS_PREFIX', () => {
    it('rejects a prefix with a colon, naming REDIS_PREFIX', () => {
      expect(configErrorFor({ REDIS_PREFIX: 'a:b' }).message).toMatch(/^REDIS_PREFIX\b/);
    });

    it('rejects an empty prefix, naming REDIS_PREFIX', () => {
      expect(configErrorFor({ REDIS_PREFIX: '' }).message).toMatch(/^REDIS_PREFIX\b/);
    });

    it('rejects a prefix longer than 40 characters, naming REDIS_PREFIX', () => {
      expect(load({ REDIS_PREFIX: 'p'.repeat(40) }).redisPrefix).toHaveLength(40);
      expect(configErrorFor({ REDIS_PREFIX: 'p'.repeat(41) }).message).toMatch(/^REDIS_PREFIX\b/);
    });
  });

  describe('JWT_SECRET', () => {
    it('is required when NODE_ENV=production, naming JWT_SECRET', () => {
      const error = configErrorFor({ NODE_ENV: 'production' });
      expect(error.message).toMatch(/^JWT_SECRET\b/);
      expect(error.message).toContain('required');
    });

    it('rejects a secret shorter than 16 characters, naming JWT_SECRET', () => {
      const error = configErrorFor({ JWT_SECRET: 'fifteen-chars!!' });
      expect(error.message).toMatch(/^JWT_SECRET\b/);
      expect(error.message).toContain('16');
    });

    it('rejects an empty secret in production as too short', () => {
      expect(configErrorFor({ NODE_ENV: 'production', JWT_SECRET: '' }).message).toMatch(
        /^JWT_SECRET\b/,
      );
    });

    it('accepts a secret of exactly 16 characters outside production', () => {
      expect(load({ NODE_ENV: 'test', JWT_SECRET: 'x'.repeat(16) }).jwtSecret).toBe('x'.repeat(16));
    });

    it('says how to make a secret when production has none', () => {
      expect(configErrorFor({ NODE_ENV: 'production' }).message).toContain('openssl rand -hex 32');
    });

    it('rejects a secret shorter than 32 characters in production, naming JWT_SECRET', () => {
      const error = configErrorFor({
        NODE_ENV: 'production',
        JWT_SECRET: STRONG_SECRET.slice(0, 31),
      });
      expect(error.message).toMatch(/^JWT_SECRET\b/);
      expect(error.message).toContain('32');
    });

    it('accepts a random secret of exactly 32 characters in production', () => {
      const secret = STRONG_SECRET.slice(0, 32);
      expect(load({ NODE_ENV: 'production', JWT_SECRET: secret }).jwtSecret).toBe(secret);
    });

    it.each([
      ['the development default', 'development-only-secret-change-me'],
      ['the value docker-compose.yml used to default to', 'change-this-secret-in-production'],
      ['a change-me placeholder', 'please-changeme-before-going-live-ok'],
      ['a replace-this placeholder', 'REPLACE_THIS_WITH_A_REAL_SECRET_VALUE'],
      ['a your-secret placeholder', 'your-jwt-secret-goes-here-0123456789'],
      ['one character repeated', 'x'.repeat(64)],
      ['a word repeated', 'secret'.repeat(8)],
    ])('rejects %s in production, naming JWT_SECRET', (_label, secret) => {
      const error = configErrorFor({ NODE_ENV: 'production', JWT_SECRET: secret });
      expect(error.message).toMatch(/^JWT_SECRET\b/);
      expect(error.message).toContain('openssl rand -hex 32');
    });

    it('keeps the development default working outside production', () => {
      expect(load({ NODE_ENV: 'development' }).jwtSecret).toBe('development-only-secret-change-me');
    });
  });

  describe('METRICS_TOKEN', () => {
    it('is unset by default and when empty', () => {
      expect(load().metricsToken).toBeNull();
      expect(load({ METRICS_TOKEN: '' }).metricsToken).toBeNull();
    });

    it('reads a token of 16 characters or more', () => {
      expect(load({ METRICS_TOKEN: 'scrape-token-0123' }).metricsToken).toBe('scrape-token-0123');
    });

    it.each([
      ['shorter than 16 characters', 'short-token'],
      ['with a space', 'scrape token 0123456'],
    ])('rejects a token %s, naming METRICS_TOKEN', (_label, token) => {
      expect(configErrorFor({ METRICS_TOKEN: token }).message).toMatch(/^METRICS_TOKEN\b/);
    });
  });

  describe('CORS_ORIGINS', () => {
    it('allows no origin by default', () => {
      expect(load().corsOrigins).toEqual([]);
      expect(load({ CORS_ORIGINS: ' ' }).corsOrigins).toEqual([]);
    });

    it('reads exact origins', () => {
      expect(
        load({ CORS_ORIGINS: 'https://community.example.com, http://localhost:5173' }).corsOrigins,
      ).toEqual(['https://community.example.com', 'http://localhost:5173']);
    });

    it.each([
      '*',
      'community.example.com',
      'https://example.com/',
      'ftp://example.com',
      'https://a.com,',
    ])('rejects %p, naming CORS_ORIGINS', (value) => {
      expect(configErrorFor({ CORS_ORIGINS: value }).message).toMatch(/^CORS_ORIGINS\b/);
    });
  });

  describe('TRUST_PROXY', () => {
    it('believes no proxy by default, or when empty or false', () => {
      expect(load().trustProxy).toBe(false);
      expect(load({ TRUST_PROXY: '' }).trustProxy).toBe(false);
      expect(load({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    });

    it('reads true, a hop count, and addresses with ranges and names', () => {
      expect(load({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
      expect(load({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
      expect(load({ TRUST_PROXY: '10.0.0.0/8, loopback,fe80::/10' }).trustProxy).toEqual([
        '10.0.0.0/8',
        'loopback',
        'fe80::/10',
      ]);
    });

    it.each(['1.2.3.4.5', '::::', '10.0.0.0/33', 'proxy.internal', '10.0.0.1,,10.0.0.2'])(
      'rejects %p, naming TRUST_PROXY',
      (value) => {
        expect(configErrorFor({ TRUST_PROXY: value }).message).toMatch(/^TRUST_PROXY\b/);
      },
    );

    it('rejects more than 20 hops, naming TRUST_PROXY', () => {
      expect(configErrorFor({ TRUST_PROXY: '21' }).message).toMatch(/^TRUST_PROXY\b/);
    });
  });

  describe('GRAPHQL_INTROSPECTION', () => {
    it('is on outside production and off in it', () => {
      expect(load().introspection).toBe(true);
      expect(load({ NODE_ENV: 'production', JWT_SECRET: STRONG_SECRET }).introspection).toBe(false);
    });

    it('can be turned on in production and off elsewhere', () => {
      expect(
        load({ NODE_ENV: 'production', JWT_SECRET: STRONG_SECRET, GRAPHQL_INTROSPECTION: 'on' })
          .introspection,
      ).toBe(true);
      expect(load({ GRAPHQL_INTROSPECTION: 'OFF' }).introspection).toBe(false);
    });

    it('rejects anything but on or off, naming GRAPHQL_INTROSPECTION', () => {
      expect(configErrorFor({ GRAPHQL_INTROSPECTION: 'yes' }).message).toMatch(
        /^GRAPHQL_INTROSPECTION\b/,
      );
    });
  });

  describe('stopping', () => {
    it('waits 2 s before closing and at most 10 s in all by default', () => {
      const config = load();
      expect(config.shutdownDelayMs).toBe(2000);
      expect(config.shutdownGraceMs).toBe(10000);
    });

    it('reads both', () => {
      const config = load({ SHUTDOWN_DELAY_MS: '0', SHUTDOWN_GRACE_MS: '30000' });
      expect(config.shutdownDelayMs).toBe(0);
      expect(config.shutdownGraceMs).toBe(30000);
    });

    it('rejects a delay that is not shorter than the grace period, naming SHUTDOWN_DELAY_MS', () => {
      expect(
        configErrorFor({ SHUTDOWN_DELAY_MS: '5000', SHUTDOWN_GRACE_MS: '5000' }).message,
      ).toMatch(/^SHUTDOWN_DELAY_MS\b/);
    });

    it.each([
      ['SHUTDOWN_GRACE_MS', '50'],
      ['SHUTDOWN_GRACE_MS', 'soon'],
      ['SHUTDOWN_DELAY_MS', '-1'],
      ['QUEUE_STALLED_INTERVAL_MS', '100'],
    ])('rejects %s=%p, naming it', (name, value) => {
      expect(configErrorFor({ [name]: value }).message).toMatch(new RegExp(`^${name}\\b`));
    });
  });

  describe('SMTP_URL', () => {
    it('rejects a URL of another protocol, naming SMTP_URL', () => {
      expect(configErrorFor({ SMTP_URL: 'http://mail' }).message).toMatch(/^SMTP_URL\b/);
    });
  });

  describe('OTEL_EXPORTER_OTLP_ENDPOINT and OTEL_SERVICE_NAME', () => {
    it('sends no traces and names the service community-platform by default, and when empty', () => {
      expect(load()).toMatchObject({
        otlpEndpoint: undefined,
        otelServiceName: 'community-platform',
      });
      expect(load({ OTEL_EXPORTER_OTLP_ENDPOINT: '', OTEL_SERVICE_NAME: '' })).toMatchObject({
        otlpEndpoint: undefined,
        otelServiceName: 'community-platform',
      });
    });

    it('reads an http or https endpoint and a service name', () => {
      expect(
        load({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SERVICE_NAME: 'api-eu' }),
      ).toMatchObject({ otlpEndpoint: 'http://collector:4318', otelServiceName: 'api-eu' });
      expect(load({ OTEL_EXPORTER_OTLP_ENDPOINT: 'https://otel.example.com' }).otlpEndpoint).toBe(
        'https://otel.example.com',
      );
    });

    it.each(['collector:4318', 'grpc://collector:4317', 'not a url'])(
      'rejects the endpoint %p, naming OTEL_EXPORTER_OTLP_ENDPOINT',
      (value) => {
        expect(configErrorFor({ OTEL_EXPORTER_OTLP_ENDPOINT: value }).message).toMatch(
          /^OTEL_EXPORTER_OTLP_ENDPOINT\b/,
        );
      },
    );

    it.each(['community platform', 'x'.repeat(101)])(
      'rejects the service name %p, naming OTEL_SERVICE_NAME',
      (value) => {
        expect(configErrorFor({ OTEL_SERVICE_NAME: value }).message).toMatch(
          /^OTEL_SERVICE_NAME\b/,
        );
      },
    );
  });

  describe('with several bad variables', () => {
    const env = {
      NODE_ENV: 'production',
      JWT_SECRET: 'changeme',
      PORT: 'http',
      DATABASE_URL: 'mysql://root:hunter2-db-password@db/community',
      RATE_LIMIT: 'maybe',
      CORS_ORIGINS: '*',
      SHUTDOWN_DELAY_MS: '5000',
      SHUTDOWN_GRACE_MS: '5000',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318',
    };

    it('reports every one of them in one error, a line each, starting with its name', () => {
      const error = configErrorFor(env);
      expect(error.problems.map((problem) => problem.variable).sort()).toEqual([
        'CORS_ORIGINS',
        'DATABASE_URL',
        'JWT_SECRET',
        'OTEL_EXPORTER_OTLP_ENDPOINT',
        'PORT',
        'RATE_LIMIT',
        'SHUTDOWN_DELAY_MS',
      ]);
      const lines = error.message.split('\n');
      expect(lines).toHaveLength(7);
      expect(lines).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^PORT must be an integer from 0 to 65535 \(got "http"\)$/),
          expect.stringMatching(/^RATE_LIMIT must be "on" or "off" \(got "maybe"\)$/),
          expect.stringMatching(
            /^DATABASE_URL must use postgres: or postgresql: \(got "mysql:"\)$/,
          ),
          expect.stringMatching(/^JWT_SECRET must be at least 32 characters .*\(it has 8;/),
          expect.stringMatching(/^SHUTDOWN_DELAY_MS must be less than SHUTDOWN_GRACE_MS/),
        ]),
      );
    });

    it('never repeats a secret or a URL that may hold a password', () => {
      const { message } = configErrorFor({
        ...env,
        JWT_SECRET: 'short-secret',
        METRICS_TOKEN: 'scrape token with spaces',
        SMTP_URL: 'http://mailer:smtp-password@mail',
      });
      for (const secret of ['short-secret', 'scrape token', 'hunter2', 'smtp-password', 'root']) {
        expect(message).not.toContain(secret);
      }
    });
  });
});
