// Fails when the modules under src/ import each other in a circle (type-only imports included):
// the house rule is no import cycles. Follows relative imports and re-exports; `npm run lint` runs it.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(process.argv[2] ?? 'src');
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (path.endsWith('.ts')) files.push(path);
  }
};
walk(root);

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+['"](\.{1,2}\/[^'"]+)['"]/g;
const graph = new Map();
for (const file of files) {
  const deps = [];
  for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
    const target = resolve(dirname(file), match[1]);
    const found = [target, `${target}.ts`, join(target, 'index.ts')].find((p) => existsSync(p) && statSync(p).isFile());
    if (found) deps.push(found);
  }
  graph.set(file, deps);
}

const done = new Set();
const path = [];
const onPath = new Set();
const cycles = [];
function visit(file) {
  done.add(file);
  path.push(file);
  onPath.add(file);
  for (const dep of graph.get(file) ?? []) {
    if (onPath.has(dep)) cycles.push([...path.slice(path.indexOf(dep)), dep]);
    else if (!done.has(dep)) visit(dep);
  }
  path.pop();
  onPath.delete(file);
}
for (const file of files) if (!done.has(file)) visit(file);

if (cycles.length > 0) {
  for (const cycle of cycles) console.error(`import cycle: ${cycle.map((f) => relative(process.cwd(), f)).join(' -> ')}`);
  process.exit(1);
}
console.log(`no import cycles in ${files.length} modules`);
