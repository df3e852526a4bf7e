// The built API (and the other built programs) as child processes, GraphQL over HTTP, and access
// tokens minted like AuthService's.
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import { gunzipSync, inflateSync } from 'node:zlib';
import { createInterface } from 'node:readline';
import { portAnswers } from '../../scripts/services.mjs';

/** `preferred` when nothing answers there, else a free port the system picks. */
export async function pickPort(preferred) {
  if (!(await portAnswers(preferred))) return preferred;
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Runs `node <script>` (a path in `root`, e.g. dist/apps/worker/src/main.js) with `env`, keeping its
 * stdout and stderr lines. Returns { pid, lines, stop, exited, exitCode } (the last two read as they
 * are now); stop() sends SIGTERM, SIGKILL after `killAfterMs`. `defer` receives the stop function;
 * `nodeArgs` go to node before the script.
 */
export function startProcess({ root, script, env, defer, killAfterMs = 10000, nodeArgs = [] }) {
  const child = spawn(process.execPath, [...nodeArgs, script], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines = [];
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => lines.push(line));
  }
  let exited = false;
  let exitCode = null;
  child.once('exit', (code, signal) => {
    exited = true;
    exitCode = code ?? signal;
  });
  const stop = () =>
    new Promise((resolve) => {
      if (exited) return resolve();
      const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGTERM');
    });
  defer?.(stop);
  return {
    pid: child.pid,
    lines,
    stop,
    get exited() {
      return exited;
    },
    get exitCode() {
      return exitCode;
    },
  };
}

/**
 * Starts `root`/dist/apps/api/src/main.js on `port` and resolves once /health/ready answers;
 * returns { base, stop, problems (its output lines), pid, exited, exitCode }. `defer` receives the stop function;
 * `nodeArgs` go to node before the script (e.g. --cpu-prof).
 */
export async function startApi({ root, env, port, defer, readyMs = 180000, nodeArgs = [] }) {
  const api = startProcess({
    root,
    script: 'dist/apps/api/src/main.js',
    env: { ...env, PORT: String(port) },
    defer,
    nodeArgs,
  });
  const base = `http://127.0.0.1:${port}`;
  const until = Date.now() + readyMs;
  while (Date.now() < until) {
    if (api.exited) throw new Error(`the API exited at start:\n${api.lines.join('\n')}`);
    const res = await fetch(`${base}/health/ready`).catch(() => null);
    if (res?.ok)
      return {
        base,
        stop: api.stop,
        problems: api.lines,
        pid: api.pid,
        get exited() {
          return api.exited;
        },
        get exitCode() {
          return api.exitCode;
        },
      };
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the API did not become ready within ${readyMs / 1000} s`);
}

/** The API runs with LOG_LEVEL=warn: whatever it logged is worth a look; grouped by message. */
export function reportApiLog(lines, log = console.log) {
  if (!lines.length) return log('the API logged no warning or error');
  const groups = new Map();
  for (const line of lines) {
    let key = line;
    try {
      const entry = JSON.parse(line);
      key = `${entry.level >= 50 ? 'error' : 'warn'}: ${entry.err?.message ?? entry.msg ?? line}`;
    } catch {
      // not JSON: keep the line
    }
    groups.set(key.slice(0, 300), (groups.get(key.slice(0, 300)) ?? 0) + 1);
  }
  log(`the API logged ${lines.length} line(s) at warn or above:`);
  for (const [key, count] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, 10)) log(`  ${count} x ${key}`);
}

/**
 * HS256 access tokens as AuthService issues them: { sub, sid, role }, issuer yvc. The session `sid`
 * must exist in `sessions` (not revoked) for the API to accept the token.
 */
export async function tokenSigner(secret, expiresIn = 900) {
  try {
    const { default: jwt } = await import('jsonwebtoken');
    return (claims) => jwt.sign(claims, secret, { algorithm: 'HS256', issuer: 'yvc', expiresIn });
  } catch {
    const b64 = (v) => Buffer.from(JSON.stringify(v)).toString('base64url');
    return (claims) => {
      const now = Math.floor(Date.now() / 1000);
      const body = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ ...claims, iat: now, exp: now + expiresIn, iss: 'yvc' })}`;
      return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
    };
  }
}

/**
 * The load generator's HTTP client: node:http over kept-alive connections. The global fetch (undici
 * behind WHATWG streams and Headers) cost the bench ~0.8 CPU-ms per request on the same 2 cores as
 * the API it measures; this costs a fraction of that. It sends what fetch sent (accept, accept-
 * encoding, accept-language, user-agent), so the API does the same work for each request.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: 1024 });

function post(base, path, body, headers) {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        agent,
        headers: {
          accept: '*/*',
          'accept-encoding': 'gzip, deflate',
          'accept-language': '*',
          'user-agent': 'node',
          'content-length': Buffer.byteLength(body),
          ...headers,
        },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          let raw = Buffer.concat(chunks);
          const encoding = res.headers['content-encoding'];
          if (encoding === 'gzip') raw = gunzipSync(raw);
          else if (encoding === 'deflate') raw = inflateSync(raw);
          resolve({ status: res.statusCode, text: raw.toString('utf8') });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * POSTs a GraphQL request; resolves { data, errors } as the API answered (errors: [] when none, an
 * error of its own when the answer was not JSON). Never throws for GraphQL errors.
 */
export async function graphql(base, query, variables, token) {
  const { status, text, body } = await postForJson(base, '/graphql', { query, variables }, token);
  if (body === undefined)
    return { data: null, errors: [{ message: `HTTP ${status}, not JSON: ${text.slice(0, 200)}` }] };
  return { data: body.data ?? null, errors: body.errors ?? [] };
}

/** A JSON POST with the bearer token: { status, text, body } (body undefined when not JSON). */
async function postForJson(base, path, payload, token) {
  const { status, text } = await post(base, path, JSON.stringify(payload), {
    'content-type': 'application/json',
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  });
  try {
    return { status, text, body: JSON.parse(text) };
  } catch {
    return { status, text, body: undefined };
  }
}

/**
 * POSTs JSON to a plain HTTP route (e.g. the door's /check-in/<event id>); resolves the parsed
 * answer, throws `HTTP <status> <code> <message>` for any status but 2xx.
 */
export async function postJson(base, path, payload, token) {
  const { status, text, body } = await postForJson(base, path, payload, token);
  if (body === undefined) throw new Error(`HTTP ${status}, not JSON: ${text.slice(0, 200)}`);
  if (status < 200 || status > 299)
    throw new Error(
      `HTTP ${status} ${body.error?.extensions?.code ?? ''} ${body.error?.message ?? text.slice(0, 200)}`,
    );
  return body;
}

/** One line per GraphQL error: code, reason, message, path. */
export function describeErrors(errors) {
  return errors.map((e) =>
    [e.extensions?.code, e.extensions?.reason, e.message, e.path ? `(at ${e.path.join('.')})` : '']
      .filter(Boolean)
      .join(' '),
  );
}

/** graphql() for callers that want the data or an exception: throws the first error, described. */
export async function graphqlData(base, query, variables, token) {
  const { data, errors } = await graphql(base, query, variables, token);
  if (errors.length) throw new Error(describeErrors(errors)[0]);
  return data;
}
