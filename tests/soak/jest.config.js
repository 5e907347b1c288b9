// `npm run soak`: the long run with faults, apart from `npm test` (SOAK_MINUTES sets its length).
// It brings its own Postgres and Redis, so it needs none of the e2e project's shared databases.
const { projects } = require('../../jest.config');

const { transform, moduleNameMapper, testEnvironment } = projects.find(
  (project) => project.displayName === 'e2e',
);

module.exports = {
  rootDir: '../..',
  displayName: 'soak',
  transform,
  moduleNameMapper,
  testEnvironment,
  testMatch: ['<rootDir>/tests/soak/*.soak.ts'],
  slowTestThreshold: 3600,
};
