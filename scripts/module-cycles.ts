/**
 * Module cycles in src/server/modules (issue 9, item 2): every non-type relative import from one module's
 * folder into another's is an edge (schema.ts imports count, tests do not); a strongly connected group of two
 * or more modules is a cycle. Prints each cycle with the imports that make it and exits 1 when there is one.
 * `npx tsx scripts/module-cycles.ts`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MODULES_DIR = path.join(ROOT, 'src/server/modules');

/** `import … from './x'` and `export … from './x'`; group 1 is `type ` for a type-only one. */
const IMPORT = /^(?:import|export)\s+(type\s+)?[^;]*?from\s+'([^']+)'/gms;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [full] : [];
  });
}

/** module → module it imports → the imports (`file -> target`), as modgraph prints them. */
export function moduleEdges(modulesDir = MODULES_DIR): Map<string, Map<string, string[]>> {
  const modules = readdirSync(modulesDir).filter((name) =>
    statSync(path.join(modulesDir, name)).isDirectory(),
  );
  const edges = new Map(modules.map((m) => [m, new Map<string, string[]>()]));
  for (const from of modules) {
    for (const file of sourceFiles(path.join(modulesDir, from))) {
      for (const [, typeOnly, spec] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
        if (typeOnly || !spec?.startsWith('.')) continue;
        const target = path.relative(modulesDir, path.resolve(path.dirname(file), spec));
        const to = target.split(path.sep)[0] ?? '';
        if (target.startsWith('..') || to === from || !edges.has(to)) continue;
        const imports = edges.get(from)?.get(to) ?? [];
        imports.push(`${path.relative(modulesDir, file)} -> ${target}`);
        edges.get(from)?.set(to, imports);
      }
    }
  }
  return edges;
}

/** Tarjan's strongly connected components with more than one module, each sorted. */
export function moduleCycles(edges: Map<string, Map<string, string[]>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v) ?? 0);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    for (let w = stack.pop(); w !== undefined; w = stack.pop()) {
      onStack.delete(w);
      component.push(w);
      if (w === v) break;
    }
    if (component.length > 1) cycles.push(component.sort());
  };
  for (const m of [...edges.keys()].sort()) if (!index.has(m)) visit(m);
  return cycles;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const edges = moduleEdges();
  const cycles = moduleCycles(edges);
  for (const cycle of cycles) {
    console.error(`module cycle: ${cycle.join(', ')}`);
    for (const from of cycle)
      for (const to of cycle) for (const line of edges.get(from)?.get(to) ?? []) console.error(`    ${line}`);
  }
  if (cycles.length > 0) {
    console.error(`${cycles.length} module cycle(s): a module may import only the modules below it.`);
    process.exit(1);
  }
  console.log('module cycles: none');
}
