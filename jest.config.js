// Three tiers. Unit tests (*.spec.ts) sit next to the code and replace the repositories: the
// rules, fast. Medium tests (*.medium-spec.ts) sit next to the code too and run services and
// repositories on the real Postgres and Redis, without the API. End-to-end tests live in tests/
// and talk to the running API over HTTP and WebSocket, and to the site in Chromium. Every medium
// and end-to-end test file gets its own database, cloned from a template built once per run.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      keepClassNames: true,
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

const shared = {
  transform: { '^.+\\.(t|j)s$': swc },
  moduleNameMapper: {
    '^@app/(.*)$': '<rootDir>/libs/$1/src',
    '^@test/(.*)$': '<rootDir>/tests/support/$1',
  },
  testEnvironment: 'node',
};

module.exports = {
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'medium',
      testMatch: ['<rootDir>/{apps,libs,bench}/**/*.medium-spec.ts'],
      globalSetup: '<rootDir>/tests/support/medium-global-setup.ts',
      globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/tests/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/tests/support/global-setup.ts',
      globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
      slowTestThreshold: 30,
    },
  ],
  testTimeout: 60000,
};
