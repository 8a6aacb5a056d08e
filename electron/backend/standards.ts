/**
 * Standard sets: the shipped ones (data/standards/*.json, read once) and the plan's own (copies a
 * planner edited, kept in the plan file). Every set is validated against the schema in shared/gaps.
 */
import type Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../shared/api/errors.ts';
import { invalidArgs } from '../../shared/api/say-issues.ts';
import { StandardSet, type StandardSetInput, type StandardSummary } from '../../shared/gaps/standard.ts';
import { projectRoot } from './paths.ts';

let shipped: Map<string, StandardSet> | undefined;

/** The sets shipped in data/standards, by id (the file name). A broken file is a bug: fail loudly. */
export function shippedSets(): Map<string, StandardSet> {
  if (shipped) return shipped;
  const dir = path.join(projectRoot(), 'data', 'standards');
  shipped = new Map();
  for (const f of fs
    .readdirSync(dir)
    .filter((x) => x.endsWith('.json'))
    .sort()) {
    const set = StandardSet.parse(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
    if (set.id !== path.basename(f, '.json')) throw new Error(`data/standards/${f}: id ${set.id} differs from the file name`);
    shipped.set(set.id, set);
  }
  return shipped;
}

function ownSets(db: Database.Database): Map<string, StandardSet> {
  const rows = db.prepare('SELECT id, json FROM standard_set ORDER BY id').all() as { id: string; json: string }[];
  return new Map(rows.map((r) => [r.id, StandardSet.parse(JSON.parse(r.json))]));
}

const summary = (s: StandardSet, builtin: boolean): StandardSummary => ({
  id: s.id,
  name: s.name,
  nameEn: s.nameEn,
  year: s.year,
  builtin,
  targets: s.targets.length,
  documents: s.documents.map((d) => d.number),
});

export function listSets(db: Database.Database): StandardSummary[] {
  return [...[...shippedSets().values()].map((s) => summary(s, true)), ...[...ownSets(db).values()].map((s) => summary(s, false))];
}

export function findSet(db: Database.Database, id: string): StandardSet | undefined {
  return shippedSets().get(id) ?? ownSets(db).get(id);
}

export function getSet(db: Database.Database, id: string): StandardSet {
  const set = findSet(db, id);
  if (!set) throw new ApiError('NOT_FOUND', `没有编号为「${id}」的标准`, `No standard set "${id}"`);
  return set;
}

/** Saves one of the plan's own sets (a shipped set is never changed: copy it first). */
export function saveSet(db: Database.Database, input: StandardSetInput): StandardSet {
  if (shippedSets().has(input.id)) {
    throw new ApiError(
      'CONFLICT',
      `「${input.id}」是内置标准，不能修改：请先复制一份再编辑`,
      `"${input.id}" is a shipped set and cannot be changed: copy it first`,
    );
  }
  const parsed = StandardSet.safeParse(input);
  if (!parsed.success) throw invalidArgs(parsed.error.issues, input, 'set');
  db.prepare(
    "INSERT INTO standard_set (id, json, updated_at) VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) ON CONFLICT (id) DO UPDATE SET json = excluded.json, updated_at = excluded.updated_at",
  ).run(parsed.data.id, JSON.stringify(parsed.data));
  return parsed.data;
}

export function copySet(db: Database.Database, fromId: string, id: string, name: string): StandardSet {
  if (shippedSets().has(id) || ownSets(db).has(id)) throw new ApiError('CONFLICT', `已有编号为「${id}」的标准`, `A standard set "${id}" already exists`);
  return saveSet(db, { ...getSet(db, fromId), id, name, nameEn: name });
}

export function deleteSet(db: Database.Database, id: string): void {
  if (shippedSets().has(id)) throw new ApiError('CONFLICT', '内置标准不能删除', 'A shipped set cannot be deleted');
  if (db.prepare('DELETE FROM standard_set WHERE id = ?').run(id).changes === 0)
    throw new ApiError('NOT_FOUND', `没有编号为「${id}」的标准`, `No standard set "${id}"`);
}
