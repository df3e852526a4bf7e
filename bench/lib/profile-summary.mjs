#!/usr/bin/env node
// Sums up a .cpuprofile (V8 sampling profile): self time by where the code comes from (our dist/,
// each package in node_modules, node's internals, GC, idle) and the heaviest functions.
//   node bench/lib/profile-summary.mjs <file.cpuprofile> [--top 30]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

/** Self time per node of the profile, in ms (sampled). */
export function selfTimes(profile) {
  const self = new Map();
  const dt = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    self.set(id, (self.get(id) ?? 0) + (dt[i + 1] ?? 0) / 1000);
  }
  return self;
}

/** Where a call frame's code lives: our code, a package, node itself, or a V8 pseudo-frame. */
export function origin(frame) {
  const url = frame.url ?? '';
  const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (pkg) return pkg[1];
  if (url.includes('/dist/'))
    return `ours: ${url
      .replace(/.*\/dist\//, '')
      .split('/')
      .slice(0, 3)
      .join('/')}`;
  if (url.startsWith('node:')) return 'node internals';
  if (!url) return `(${frame.functionName || 'native'})`;
  return url;
}

export function summarise(profile, top = 30) {
  const self = selfTimes(profile);
  const byOrigin = new Map();
  const byFunction = new Map();
  let total = 0;
  for (const node of profile.nodes) {
    const t = self.get(node.id) ?? 0;
    if (!t) continue;
    const f = node.callFrame;
    total += t;
    const o = origin(f);
    byOrigin.set(o, (byOrigin.get(o) ?? 0) + t);
    const key = `${f.functionName || '(anonymous)'} ${o}${f.lineNumber >= 0 ? `:${f.lineNumber + 1}` : ''}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + t);
  }
  const idle = byOrigin.get('(idle)') ?? 0;
  const busy = total - idle;
  const lines = [`sampled ${(total / 1000).toFixed(2)} s, of which busy ${(busy / 1000).toFixed(2)} s`];
  const pct = (t) => `${((100 * t) / busy).toFixed(1)}%`;
  lines.push('', '| where (self time) | ms | share of busy |', '|---|---:|---:|');
  for (const [o, t] of [...byOrigin].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    if (o !== '(idle)') lines.push(`| ${o} | ${t.toFixed(0)} | ${pct(t)} |`);
  }
  lines.push('', '| function (self time) | ms | share of busy |', '|---|---:|---:|');
  for (const [k, t] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    if (!k.startsWith('(idle)')) lines.push(`| ${k} | ${t.toFixed(0)} | ${pct(t)} |`);
  }
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { top: { type: 'string', default: '30' } },
  });
  for (const file of positionals) {
    console.log(`## ${file}`);
    console.log(summarise(JSON.parse(readFileSync(file, 'utf8')), Number(values.top)));
  }
}
