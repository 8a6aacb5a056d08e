// The shipped standard sets (data/standards/*.json): each parses, is named after its file, and cites
// one of its own documents for every target (or is marked 待核实).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StandardSet } from '../../../shared/gaps/standard.ts';

const DIR = path.resolve(import.meta.dirname, '../../../data/standards');
const files = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();

describe('shipped standard sets', () => {
  it('has the sets the product promises, and a source note', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'changsha-14fyp-2025.json',
        'changsha-primary-2025.json',
        'kaifu-2024.json',
        'ziyang-2025.json',
        'gulou-2020.json',
        'national-reference.json',
      ]),
    );
    expect(fs.existsSync(path.join(DIR, 'SOURCE.md'))).toBe(true);
  });

  for (const f of files) {
    it(`${f} is a valid set citing its own documents`, () => {
      const parsed = StandardSet.safeParse(JSON.parse(fs.readFileSync(path.join(DIR, f), 'utf8')));
      if (!parsed.success) throw new Error(`${f}: ${JSON.stringify(parsed.error.issues.slice(0, 3), null, 1)}`);
      const set = parsed.data;
      expect(set.id).toBe(path.basename(f, '.json'));
      const docs = new Set(set.documents.map((d) => d.number));
      for (const t of set.targets) {
        expect(docs.has(t.source.document) || t.unverified, `${t.id} cites ${t.source.document}`).toBe(true);
        expect(t.source.text.length, `${t.id} quotes its wording`).toBeGreaterThan(3);
      }
    });
  }
});
