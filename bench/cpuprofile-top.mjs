// Summarises a V8 .cpuprofile (node --cpu-prof): the functions with the most self time, and the
// files/packages they live in; with `--inclusive REGEX`, the inclusive (self + callees) time of the
// functions whose label matches. `node bench/cpuprofile-top.mjs FILE [--top 25] [--inclusive dossier]`
import { readFileSync } from 'node:fs';

const file = process.argv[2];
if (!file) {
  console.error('usage: node bench/cpuprofile-top.mjs FILE.cpuprofile [--top N]');
  process.exit(2);
}
const topAt = process.argv.indexOf('--top');
const top = topAt === -1 ? 25 : Number(process.argv[topAt + 1]);
const profile = JSON.parse(readFileSync(file, 'utf8'));

// Self time per node = its samples × the mean sampling interval.
const interval = (profile.endTime - profile.startTime) / Math.max(1, profile.samples.length);
const hits = new Map();
for (const id of profile.samples) hits.set(id, (hits.get(id) ?? 0) + 1);

const where = (frame) => {
  const url = frame.url || '';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg) return pkg;
  if (url.startsWith('node:')) return url;
  return (
    url
      .replace(/^file:\/\//, '')
      .split('/')
      .slice(-2)
      .join('/') || '(native)'
  );
};
const byFunction = new Map();
const byPlace = new Map();
let total = 0;
for (const node of profile.nodes) {
  const self = (hits.get(node.id) ?? 0) * interval;
  if (!self) continue;
  total += self;
  const f = node.callFrame;
  const key = `${f.functionName || '(anonymous)'}  ${where(f)}:${f.lineNumber + 1}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + self);
  const place = where(f);
  byPlace.set(place, (byPlace.get(place) ?? 0) + self);
}
// Inclusive time: each sample counts once for every distinct function on its stack.
const parent = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
const nodeById = new Map(profile.nodes.map((node) => [node.id, node]));
const label = (f) => `${f.functionName || '(anonymous)'}  ${where(f)}:${f.lineNumber + 1}`;
const inclusive = new Map();
for (const [id, count] of hits) {
  const seen = new Set();
  for (let at = id; at !== undefined; at = parent.get(at)) {
    const key = label(nodeById.get(at).callFrame);
    if (seen.has(key)) continue;
    seen.add(key);
    inclusive.set(key, (inclusive.get(key) ?? 0) + count * interval);
  }
}
const inclusiveFilter = (() => {
  const at = process.argv.indexOf('--inclusive');
  return at === -1 ? undefined : new RegExp(process.argv[at + 1] ?? '.');
})();

const ms = (us) => `${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / total).toFixed(1).padStart(5)} %`;
console.log(`${file}: ${(total / 1000).toFixed(0)} ms sampled`);
console.log('\nself time by function');
for (const [key, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${ms(us)}  ${key}`);
if (inclusiveFilter) {
  console.log(`\ninclusive time (functions matching ${inclusiveFilter})`);
  for (const [key, us] of [...inclusive]
    .filter(([k]) => inclusiveFilter.test(k))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top))
    console.log(`${ms(us)}  ${key}`);
}
console.log('\nself time by package / file');
for (const [key, us] of [...byPlace].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`${ms(us)}  ${key}`);
