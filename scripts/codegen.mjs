#!/usr/bin/env node
// npm run codegen: prints the schema the API serves to apps/web/schema.graphql, then generates the
// web app's typed GraphQL documents into apps/web/src/gql (both committed).
// npm run codegen -- --check (part of npm run lint): regenerates both into a temporary folder and
// fails when the committed files differ, i.e. when someone changed the API or a document and did
// not run `npm run codegen`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './services.mjs';

const check = process.argv.includes('--check');
const SCHEMA = 'apps/web/schema.graphql';
const GQL = 'apps/web/src/gql';

function run(args, env = {}) {
  const res = spawnSync(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (res.status !== 0) process.exit(res.status ?? 1);
}

function generate(schemaFile, outDir) {
  run(
    [
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
      'scripts/print-schema.ts',
      schemaFile,
    ],
    {
      TS_NODE_PROJECT: 'tsconfig.json',
    },
  );
  run(['node_modules/@graphql-codegen/cli/cjs/bin.js', '--config', 'apps/web/codegen.ts', '--silent'], {
    YVC_CODEGEN_SCHEMA: schemaFile,
    YVC_CODEGEN_OUT: `${outDir}/`,
  });
  // the generated files follow the project's formatting, so a check compares like with like
  run([
    'node_modules/prettier/bin/prettier.cjs',
    '--config',
    '.prettierrc',
    '--log-level',
    'warn',
    '--write',
    outDir,
  ]);
}

if (!check) {
  generate(join(ROOT, SCHEMA), join(ROOT, GQL));
  console.log(`[codegen] wrote ${SCHEMA} and ${GQL}/`);
} else {
  const dir = mkdtempSync(join(tmpdir(), 'yvc-codegen-'));
  try {
    generate(join(dir, 'schema.graphql'), join(dir, 'gql'));
    const stale = [];
    const same = (a, b) =>
      existsSync(a) && existsSync(b) && readFileSync(a, 'utf8') === readFileSync(b, 'utf8');
    if (!same(join(dir, 'schema.graphql'), join(ROOT, SCHEMA))) stale.push(SCHEMA);
    const names = new Set([
      ...readdirSync(join(dir, 'gql')),
      ...(existsSync(join(ROOT, GQL)) ? readdirSync(join(ROOT, GQL)) : []),
    ]);
    for (const n of names) if (!same(join(dir, 'gql', n), join(ROOT, GQL, n))) stale.push(`${GQL}/${n}`);
    if (stale.length) {
      console.error(`[codegen] stale: ${stale.join(', ')}. Run \`npm run codegen\` and commit the result.`);
      process.exit(1);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
