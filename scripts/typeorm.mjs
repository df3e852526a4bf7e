#!/usr/bin/env node
// Runs the TypeORM CLI on the TypeScript sources: npm run migration:generate -- AddEvents
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const [command, name] = process.argv.slice(2);
const args = ['-d', 'libs/database/src/cli-data-source.ts', command];
if (command === 'migration:generate') {
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
    console.error('Usage: npm run migration:generate -- PascalCaseName');
    process.exit(2);
  }
  args.push(`migrations/${name}`, '--pretty');
}
const cli = require.resolve('typeorm/cli.js');
const preload = ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'];
if (!existsSync('libs/database/src/cli-data-source.ts')) {
  console.error('Run from the project root.');
  process.exit(2);
}
const res = spawnSync(process.execPath, [...preload, cli, ...args], { stdio: 'inherit' });
process.exit(res.status ?? 1);
