/** One jest run: unit specs next to the code, e2e specs in test/ (real PostgreSQL and Redis). */
module.exports = {
  testEnvironment: 'node',
  rootDir: '.',
  testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  moduleNameMapper: { '^@yvc/(.*)$': '<rootDir>/libs/$1/src' },
  testTimeout: 60_000,
  maxWorkers: 2,
};
