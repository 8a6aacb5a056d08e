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
