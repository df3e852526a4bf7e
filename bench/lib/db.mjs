// The benchmark's own database: a dedicated name, on this machine, made fresh.
import pg from 'pg';

const RESERVED = ['postgres', 'yvc', 'yvc_test'];

/** Throws unless `name` is a plain identifier other than the databases people work in. */
export function assertBenchDatabaseName(name, example = 'yvc_bench') {
  if (!/^[a-z_][a-z0-9_]*$/.test(name) || RESERVED.includes(name)) {
    throw new Error(`--database ${name}: use a dedicated name such as ${example} (it is dropped)`);
  }
}

/** The server URL with its password hidden, for logs. */
export const redact = (url) => url.replace(/:[^:@/]+@/, ':***@');

/** Throws unless the PostgreSQL server is on this machine (benchmarks load 127.0.0.1 only). */
export function assertLocalServer(serverUrl) {
  if (!/@(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?$/.test(serverUrl)) {
    throw new Error(
      `PostgreSQL at ${redact(serverUrl)} is not on this machine; the benchmark loads 127.0.0.1 only`,
    );
  }
}

/** DROP (forcing other sessions out) and CREATE the database `name`. */
export async function freshDatabase(serverUrl, name) {
  assertBenchDatabaseName(name);
  const client = new pg.Client({ connectionString: `${serverUrl}/postgres` });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

/** Whether the database `name` exists on the server. */
export async function databaseExists(serverUrl, name) {
  const client = new pg.Client({ connectionString: `${serverUrl}/postgres` });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    return rowCount > 0;
  } finally {
    await client.end();
  }
}
