#!/usr/bin/env node
// Measures the API as a user meets it. Start the platform first (npm start), then:
//   node bench/api.mjs [--url http://localhost:3000] [--requests 2000] [--concurrency 16]
// Prints requests/s and latency percentiles per scenario. Load goes to the given local URL only.
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://localhost:3000' },
    requests: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '16' },
  },
});
const BASE = values.url;
if (!/^http:\/\/(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/.test(BASE)) {
  console.error('bench/api.mjs only loads a server on this machine (localhost / 127.x).');
  process.exit(2);
}
const N = Number(values.requests);
const C = Number(values.concurrency);
const PASSWORD = 'Demo-2026!';

/** `ip`: the caller's address as a local proxy would pass it (X-Forwarded-For, trusted from loopback). */
async function gql(query, variables = {}, token, ip) {
  const res = await fetch(`${BASE}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(ip ? { 'x-forwarded-for': ip } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors[0]));
  return body.data;
}

async function measure(name, total, concurrency, fn) {
  const times = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t = performance.now();
        await fn(i);
        times.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  const p = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(1);
  console.log(
    `| ${name.padEnd(44)} | ${String(total).padStart(5)} | ${String(concurrency).padStart(3)} | ${(total / seconds).toFixed(0).padStart(7)} | ${p(0.5).padStart(6)} | ${p(0.95).padStart(6)} | ${p(0.99).padStart(6)} |`,
  );
}

const health = await fetch(`${BASE}/health/ready`).catch(() => null);
if (!health?.ok) {
  console.error(`No ready API at ${BASE}: run npm start first.`);
  process.exit(1);
}
const coordinator = (
  await gql(`mutation { login(email: "coordinator02@demo.yvc.kz", password: "${PASSWORD}") { accessToken } }`)
).login.accessToken;
const student = (
  await gql(`mutation { login(email: "student@demo.yvc.kz", password: "${PASSWORD}") { accessToken } }`)
).login.accessToken;
const units = await gql(`{ units { id code clubs { id name } } }`);
const club = units.units.flatMap((u) => u.clubs).find((c) => c.name.startsWith('Дулати'));
const taraz = units.units.find((u) => u.code === 'zhambyl.taraz').id;

console.log(`API at ${BASE}, node ${process.version}, ${new Date().toISOString()}`);
console.log('| scenario | requests | conc. | req/s | p50 ms | p95 ms | p99 ms |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
await measure('GET /health/live (framework floor)', N, C, () =>
  fetch(`${BASE}/health/live`).then((r) => r.text()),
);
await measure('units with clubs and memberCount (public)', N, C, () =>
  gql(`{ units { code name clubs { name memberCount } } }`),
);
await measure('me with clubs (JWT + session check)', N, C, () =>
  gql(`{ me { id fullName clubs { name } } }`, {}, student),
);
await measure('clubMembers first 50, Kazakh order (coordinator)', Math.ceil(N / 2), C, () =>
  gql(
    `query($id: ID!) { clubMembers(clubId: $id, first: 50) { totalCount edges { node { fullName maskedContact } } } }`,
    { id: club.id },
    coordinator,
  ),
);
await measure('login (argon2id verify)', 60, 4, () =>
  gql(`mutation { login(email: "student@demo.yvc.kz", password: "${PASSWORD}") { accessToken } }`),
);
const run = Date.now();
await measure('signUp (argon2id hash + one transaction)', 60, 4, (i) =>
  gql(
    `mutation($input: SignUpInput!) { signUp(input: $input) { accessToken } }`,
    {
      input: {
        fullName: 'Бенчмарк Қатысушы',
        email: `bench.${run}.${i}@bench.yvc.kz`,
        password: 'bench-password-1',
        birthDate: '2005-05-05',
        unitId: taraz,
        consentToDataProcessing: true,
      },
    },
    undefined,
    // sign-ups are limited per IP (SIGN_UP_PER_IP_PER_HOUR): each comes from a network of its own
    `10.250.${Math.floor(i / 250)}.${(i % 250) + 1}`,
  ),
);
