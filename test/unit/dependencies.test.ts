// Dependencies point one way: renderer → shared ← electron. shared/ is pure (no Node, DOM, Electron, SQLite, React).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
function files(dir: string): string[] {
  return fs
    .readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}
const imports = (file: string) =>
  [...fs.readFileSync(path.join(root, file), 'utf8').matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (m) => m[1] ?? m[2]!,
  );

describe('dependency direction', () => {
  it('shared/ imports nothing of Node, the DOM, Electron, SQLite or React, and nothing outside shared/', () => {
    for (const f of files('shared')) {
      for (const spec of imports(f)) {
        expect(spec, `${f} imports ${spec}`).not.toMatch(/^(node:|electron|better-sqlite3|react|exceljs|fs$|path$)/);
        if (spec.startsWith('.'))
          expect(path.resolve(path.dirname(path.join(root, f)), spec).startsWith(path.join(root, 'shared')), `${f} imports ${spec}`).toBe(true);
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

/** The relative imports of every file under the folders, as repository paths (a type-only import counts: it is an edge all the same). */
function importGraph(...dirs: string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const f of dirs.flatMap(files)) {
    const to = imports(f)
      .filter((s) => s.startsWith('.'))
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
    const g = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
      ['e', ['e']],
    ]);
    expect(cyclesOf(g)).toEqual([
      ['a', 'b', 'c', 'a'],
      ['e', 'e'],
    ]);
    expect(
      cyclesOf(
        new Map([
          ['a', ['b', 'c']],
          ['b', ['c']],
          ['c', []],
        ]),
      ),
    ).toEqual([]);
  });

  it('has no import cycle anywhere: shared/, electron/, renderer/, scripts/', () => {
    const graph = importGraph('shared', 'electron', 'renderer', 'scripts');
    expect(graph.size).toBeGreaterThan(400); // the walk saw the tree
    expect(cyclesOf(graph).map((c) => c.join(' → '))).toEqual([]);
  });

  it('the core (shared/ outside shared/api) imports nothing from shared/api', () => {
    const api = path.join('shared', 'api') + path.sep;
    const wrong = [...importGraph('shared')]
      .filter(([f]) => !f.startsWith(api))
      .flatMap(([f, to]) => to.filter((t) => t.startsWith(api)).map((t) => `${f} imports ${t}`));
    expect(wrong).toEqual([]);
  });

  it('no section of the contract (shared/api/methods/*) imports contract.ts', () => {
    const methods = path.join('shared', 'api', 'methods') + path.sep;
    const contract = path.join('shared', 'api', 'contract.ts');
    const sections = [...importGraph('shared')].filter(([f]) => f.startsWith(methods));
    expect(sections.filter(([, to]) => to.includes(contract)).map(([f]) => f)).toEqual([]);
  });

  it('contract.ts declares no method itself: every section lives in shared/api/methods/', () => {
    const text = fs.readFileSync(path.join(root, 'shared', 'api', 'contract.ts'), 'utf8');
    expect(text.match(/'[a-z]+\.[A-Za-z]+': method</g) ?? []).toEqual([]);
    expect(files(path.join('shared', 'api', 'methods')).length).toBeGreaterThanOrEqual(10);
  });
});

/**
 * The renderer's layers: app (the window: shell, menus, dialog host) → features/<screen> → ui (what several
 * screens use: table, charts, dialogs, io, i18n, state) → api (the data layer) → shared/api. A layer imports
 * only the layers below it, and a screen never imports another screen.
 */
describe('renderer layers', () => {
  const layer = (f: string): string => {
    const [, top, sub] = f.split(path.sep);
    return top === 'features' ? `features/${sub}` : top!;
  };
  const rank: Record<string, number> = { 'main.tsx': 4, 'env.d.ts': 4, app: 3, features: 2, ui: 1, api: 0 };
  const edges = () =>
    [...importGraph('renderer')].flatMap(([f, to]) =>
      to.filter((t) => t.startsWith(`renderer${path.sep}`)).map((t) => ({ f, t, from: layer(f), to: layer(t) })),
    );

  it('every renderer file sits in a known layer', () => {
    for (const f of files('renderer')) expect(rank[layer(f).split('/')[0]!], f).toBeDefined();
  });

  it('imports run app → features → ui → api, never upwards', () => {
    const up = edges()
      .filter((e) => rank[e.to.split('/')[0]!]! > rank[e.from.split('/')[0]!]!)
      .map((e) => `${e.f} imports ${e.t}`);
    expect(up).toEqual([]);
  });

  it('no feature imports another feature', () => {
    const across = edges()
      .filter((e) => e.from.startsWith('features/') && e.to.startsWith('features/') && e.from !== e.to)
      .map((e) => `${e.f} imports ${e.t}`);
    expect(across).toEqual([]);
  });

  it('the check sees the layers (features exist and ui is used by them)', () => {
    const all = edges();
    expect(new Set(all.map((e) => e.from).filter((l) => l.startsWith('features/'))).size).toBeGreaterThanOrEqual(9);
    expect(all.some((e) => e.from.startsWith('features/') && e.to === 'ui')).toBe(true);
  });
});
