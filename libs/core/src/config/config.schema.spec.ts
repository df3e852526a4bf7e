import { randomBytes } from 'node:crypto';
import { ConfigError, loadConfig } from './config.schema';
import { heapFlags } from './heap-growth';

const PRODUCTION = {
  NODE_ENV: 'production',
  PORT: '8080',
  PUBLIC_URL: 'https://yvc.example.kz',
  DATABASE_URL: 'postgresql://yvc:secret@db.internal:5432/yvc',
  REDIS_URL: 'rediss://cache.internal:6380',
  JWT_SECRET: 'a'.repeat(32),
  IIN_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  IIN_HASH_KEY: 'h'.repeat(16),
  LOG_LEVEL: 'warn',
};

/** The ConfigError loadConfig throws for `env`. */
function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error('loadConfig did not throw');
}

describe('loadConfig', () => {
  it('gives development defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      NODE_ENV: 'development',
      PORT: 3000,
      PUBLIC_URL: 'http://localhost:3000',
      DATABASE_URL: expect.stringMatching(/^postgres:\/\//),
      REDIS_URL: expect.stringMatching(/^redis:\/\//),
      LOG_LEVEL: 'info',
      MEMBERSHIP_PREFIX: 'ZHM',
      JWT_ACCESS_TTL_SECONDS: 900,
    });
    expect(config.JWT_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(Buffer.from(config.IIN_ENCRYPTION_KEY, 'base64')).toHaveLength(32);
    expect(config.IIN_HASH_KEY.length).toBeGreaterThanOrEqual(16);
  });

  it('reads which proxies to trust: loopback by default, hops as a number, lists as they are', () => {
    expect(loadConfig({}).TRUST_PROXY).toBe('loopback');
    expect(loadConfig({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8, fd00::/8' }).TRUST_PROXY).toBe(
      'loopback, 10.0.0.0/8, fd00::/8',
    );
    expect(configError({ TRUST_PROXY: 'everyone' }).message).toContain('TRUST_PROXY');
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', LOG_LEVEL: '' })).toMatchObject({ PORT: 3000, LOG_LEVEL: 'info' });
  });

  it('coerces numbers', () => {
    expect(loadConfig({ PORT: '8080', GRAPHQL_MAX_DEPTH: '7' })).toMatchObject({
      PORT: 8080,
      GRAPHQL_MAX_DEPTH: 7,
    });
  });

  it('lets the heap grow 50% past its live size by default; 0 leaves it to V8', () => {
    expect(loadConfig({}).HEAP_GROWING_PERCENT).toBe(50);
    expect(loadConfig({ HEAP_GROWING_PERCENT: '0' }).HEAP_GROWING_PERCENT).toBe(0);
  });

  it("leaves the young generation's growth to V8 by default; 1 keeps it at its start size", () => {
    expect(loadConfig({}).SEMI_SPACE_GROWTH_FACTOR).toBe(0);
    expect(heapFlags(loadConfig({}))).toEqual(['--heap-growing-percent=50']);
    expect(heapFlags(loadConfig({ SEMI_SPACE_GROWTH_FACTOR: '1' }))).toEqual([
      '--heap-growing-percent=50',
      '--semi-space-growth-factor=1',
    ]);
    expect(heapFlags(loadConfig({ HEAP_GROWING_PERCENT: '0', SEMI_SPACE_GROWTH_FACTOR: '0' }))).toEqual([]);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ PORT: '80.5' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    [{ REDIS_URL: 'http://cache:6379' }, 'REDIS_URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ PUBLIC_URL: 'yvc.kz' }, 'PUBLIC_URL'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ IIN_ENCRYPTION_KEY: randomBytes(31).toString('base64') }, 'IIN_ENCRYPTION_KEY'],
    [{ IIN_ENCRYPTION_KEY: randomBytes(33).toString('base64') }, 'IIN_ENCRYPTION_KEY'],
    [{ MEMBERSHIP_PREFIX: 'zhm' }, 'MEMBERSHIP_PREFIX'],
    [{ BODY_LIMIT: '1gb' }, 'BODY_LIMIT'],
    [{ HEAP_GROWING_PERCENT: '-1' }, 'HEAP_GROWING_PERCENT'],
    [{ HEAP_GROWING_PERCENT: '301' }, 'HEAP_GROWING_PERCENT'],
    [{ SEMI_SPACE_GROWTH_FACTOR: '9' }, 'SEMI_SPACE_GROWTH_FACTOR'],
    [{ SEMI_SPACE_GROWTH_FACTOR: '1.5' }, 'SEMI_SPACE_GROWTH_FACTOR'],
  ])('rejects %j, naming %s', (env, name) => {
    const err = configError(env);
    expect(err.message).toContain(name);
    expect(err.problems.length).toBeGreaterThan(0);
    for (const problem of err.problems) expect(problem.startsWith(`${name} `)).toBe(true);
  });

  it('names every secret that production lacks', () => {
    const err = configError({ NODE_ENV: 'production' });
    expect(err.problems).toHaveLength(3);
    for (const name of ['JWT_SECRET', 'IIN_ENCRYPTION_KEY', 'IIN_HASH_KEY']) {
      expect(err.message).toContain(name);
    }
  });

  it.each(['JWT_SECRET', 'IIN_ENCRYPTION_KEY', 'IIN_HASH_KEY'])('requires %s in production', (name) => {
    const err = configError({ ...PRODUCTION, [name]: undefined });
    expect(err.problems).toEqual([`${name} is required in production`]);
  });

  it('names several bad variables at once', () => {
    const err = configError({ PORT: 'abc', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x' });
    expect(err.problems).toHaveLength(3);
    for (const name of ['PORT', 'LOG_LEVEL', 'DATABASE_URL']) expect(err.message).toContain(name);
  });

  it('accepts a full production environment and keeps its secrets', () => {
    expect(loadConfig(PRODUCTION)).toMatchObject({ ...PRODUCTION, PORT: 8080 });
  });

  it('does not put secret values into the error', () => {
    const err = configError({ ...PRODUCTION, JWT_SECRET: 'too-short-secret-value' });
    expect(err.message).toContain('JWT_SECRET');
    expect(err.message).not.toContain('too-short-secret-value');
  });
});
