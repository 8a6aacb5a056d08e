// contract.ts is the one place a caller imports the contract's types from: every type a section
// (shared/api/methods/*.ts) exports is re-exported there, from that section, once. Read from the source
// text (the installed TypeScript has no JS compiler API to ask).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const api = path.resolve(import.meta.dirname, '../../shared/api');
const names = (list: string) =>
  list
    .split(',')
    .map(
      (n) =>
        n
          .replace(/\btype\b/, '')
          .trim()
          .split(/\s+as\s+/)
          .pop()!,
    )
    .filter(Boolean);

/** The types a section exports: its own interfaces and type aliases, and those it re-exports. */
function sectionTypes(text: string): string[] {
  const own = [...text.matchAll(/^export (?:interface|type) (\w+)/gm)].map((m) => m[1]!);
  const again = [...text.matchAll(/^export type \{([^}]*)\}/gm)].flatMap((m) => names(m[1]!));
  return [...own, ...again].sort();
}

/** What contract.ts re-exports from each section file: file name → the names, in the order written. */
function contractReExports(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of text.matchAll(/^export type \{([^}]*)\} from '\.\/methods\/(\w+)\.ts';/gm)) {
    out.set(m[2]!, [...(out.get(m[2]!) ?? []), ...names(m[1]!)]);
  }
  return out;
}

const contract = fs.readFileSync(path.join(api, 'contract.ts'), 'utf8');
const sections = fs
  .readdirSync(path.join(api, 'methods'))
  .filter((f) => f.endsWith('.ts'))
  .sort();

describe('contract.ts re-exports every section type', () => {
  it('reads the sections and contract.ts (the patterns find what is there)', () => {
    expect(sections).toContain('gaps.ts');
    expect(sectionTypes(fs.readFileSync(path.join(api, 'methods', 'gaps.ts'), 'utf8'))).toEqual([
      'GapFacilityOut',
      'GapReportOut',
      'GapSettings',
      'GapStatusesOut',
    ]);
    expect(sectionTypes(fs.readFileSync(path.join(api, 'methods', 'compare.ts'), 'utf8'))).toEqual(['CompareOut', 'CostTable']);
    expect(contractReExports(contract).get('roads')).toContain('BoundaryFeatureCollection');
  });

  it('each type a section exports is importable from contract.ts, from its own section', () => {
    const reExported = contractReExports(contract);
    const missing = sections.flatMap((f) => {
      const section = f.replace(/\.ts$/, '');
      const have = reExported.get(section) ?? [];
      return sectionTypes(fs.readFileSync(path.join(api, 'methods', f), 'utf8'))
        .filter((t) => !have.includes(t))
        .map((t) => `${t} (methods/${f})`);
    });
    expect(missing).toEqual([]);
  });

  it('no name is re-exported twice, and none that its section does not export', () => {
    const all = [...contractReExports(contract).values()].flat();
    expect(all.filter((n, i) => all.indexOf(n) !== i)).toEqual([]);
    const stray = [...contractReExports(contract)].flatMap(([section, list]) => {
      const types = sectionTypes(fs.readFileSync(path.join(api, 'methods', `${section}.ts`), 'utf8'));
      return list.filter((n) => !types.includes(n)).map((n) => `${n} (methods/${section}.ts)`);
    });
    expect(stray).toEqual([]);
  });
});
