// Dependencies point one way: renderer → shared ← electron. shared/ is pure (no Node, DOM, Electron, SQLite, React).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
function files(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}
const imports = (file: string) =>
  [...fs.readFileSync(path.join(root, file), 'utf8').matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)]
    .map((m) => m[1] ?? m[2]!);

describe('dependency direction', () => {
  it('shared/ imports nothing of Node, the DOM, Electron, SQLite or React, and nothing outside shared/', () => {
    for (const f of files('shared')) {
      for (const spec of imports(f)) {
        expect(spec, `${f} imports ${spec}`).not.toMatch(/^(node:|electron|better-sqlite3|react|exceljs|fs$|path$)/);
        if (spec.startsWith('.')) expect(path.resolve(path.dirname(path.join(root, f)), spec).startsWith(path.join(root, 'shared')), `${f} imports ${spec}`).toBe(true);
      }
    }
  });

  it('renderer/ reaches the backend only through shared/api', () => {
    for (const f of files('renderer')) {
      for (const spec of imports(f)) expect(spec, `${f} imports ${spec}`).not.toMatch(/electron|better-sqlite3|^node:/);
    }
  });

  it('only electron/main imports electron (apart from the preload)', () => {
    for (const f of files('electron')) {
      if (f.startsWith(path.join('electron', 'main')) || f.startsWith(path.join('electron', 'preload'))) continue;
      for (const spec of imports(f)) expect(spec, `${f} imports ${spec}`).not.toBe('electron');
    }
  });
});

/** The relative imports of every file in shared/, as repository paths (a type-only import counts: it is an edge all the same). */
function sharedGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const f of files('shared')) {
    const to = imports(f).filter((s) => s.startsWith('.'))
      .map((s) => path.relative(root, path.resolve(path.dirname(path.join(root, f)), s)));
    graph.set(f, to);
  }
  return graph;
}

/** Every cycle a depth-first walk meets (one per back edge), each as the path a → b → … → a. */
function cyclesOf(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (node: string): void => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      const s = state.get(next);
      if (s === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (s === undefined && graph.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return cycles;
}

describe('shared/ import graph', () => {
  it('finds a cycle when there is one, and names its path (the check itself)', () => {
    const g = new Map([['a', ['b']], ['b', ['c']], ['c', ['a', 'd']], ['d', []], ['e', ['e']]]);
    expect(cyclesOf(g)).toEqual([['a', 'b', 'c', 'a'], ['e', 'e']]);
    expect(cyclesOf(new Map([['a', ['b', 'c']], ['b', ['c']], ['c', []]]))).toEqual([]);
  });

  it('has no import cycle anywhere in shared/', () => {
    const graph = sharedGraph();
    expect(graph.size).toBeGreaterThan(100); // the walk saw the tree
    expect(cyclesOf(graph).map((c) => c.join(' → '))).toEqual([]);
  });

  it('the core (shared/ outside shared/api) imports nothing from shared/api', () => {
    const api = path.join('shared', 'api') + path.sep;
    const wrong = [...sharedGraph()].filter(([f]) => !f.startsWith(api))
      .flatMap(([f, to]) => to.filter((t) => t.startsWith(api)).map((t) => `${f} imports ${t}`));
    expect(wrong).toEqual([]);
  });

  it('no section of the contract (shared/api/methods/*) imports contract.ts', () => {
    const methods = path.join('shared', 'api', 'methods') + path.sep;
    const contract = path.join('shared', 'api', 'contract.ts');
    const sections = [...sharedGraph()].filter(([f]) => f.startsWith(methods));
    expect(sections.filter(([, to]) => to.includes(contract)).map(([f]) => f)).toEqual([]);
  });

  it('contract.ts declares no method itself: every section lives in shared/api/methods/', () => {
    const text = fs.readFileSync(path.join(root, 'shared', 'api', 'contract.ts'), 'utf8');
    expect(text.match(/'[a-z]+\.[A-Za-z]+': method</g) ?? []).toEqual([]);
    expect(files(path.join('shared', 'api', 'methods')).length).toBeGreaterThanOrEqual(10);
  });
});
