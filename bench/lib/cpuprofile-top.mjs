#!/usr/bin/env node
// Where a .cpuprofile's time went: self time by function and by package (node_modules/<pkg>,
// our dist/libs/<lib>, node: internals), top N of each.
//   node bench/lib/cpuprofile-top.mjs FILE.cpuprofile [--top 15]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '15' } },
});
const top = Number(values.top);
for (const file of positionals) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const counts = new Map();
  for (const id of profile.samples) counts.set(id, (counts.get(id) ?? 0) + 1);
  const dt = (profile.endTime - profile.startTime) / profile.samples.length / 1000; // ms per sample
  const total = profile.samples.length * dt;
  const fn = new Map();
  const pkg = new Map();
  for (const [id, n] of counts) {
    const node = byId.get(id);
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url.replace(/^.*node_modules\//, '').replace(/^.*\/dist\//, 'dist/');
    const key = `${functionName || '(anonymous)'} ${where ? `${where}:${lineNumber + 1}` : ''}`.trim();
    fn.set(key, (fn.get(key) ?? 0) + n * dt);
    const p = !url
      ? functionName.startsWith('(')
        ? functionName
        : '(native)'
      : url.startsWith('node:')
        ? 'node: internals'
        : (/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1] ??
          /dist\/(libs\/[^/]+|apps\/[^/]+)/.exec(url)?.[1] ??
          url);
    pkg.set(p, (pkg.get(p) ?? 0) + n * dt);
  }
  const rows = (m) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, ms]) => `| ${k} | ${(ms / 1000).toFixed(2)} | ${((100 * ms) / total).toFixed(1)}% |`);
  console.log(`\n${file}: ${(total / 1000).toFixed(1)} s sampled\n`);
  console.log('| package | self s | share |\n|---|---:|---:|');
  console.log(rows(pkg).join('\n'));
  console.log('\n| function | self s | share |\n|---|---:|---:|');
  console.log(rows(fn).join('\n'));
}
