/**
 * Unit boundaries (单位边界), plan-wide: for each unit code, its GeoJSON Polygon or MultiPolygon
 * geometry (WGS-84) as JSON text in `unit_boundary`.
 */
import type Database from 'better-sqlite3';
import type { BoundaryGeometry } from '../../../shared/api/contract.ts';

/** Writes the boundaries given (a unit's earlier boundary is replaced); with `replace`, all others go. */
export function upsertBoundaries(
  db: Database.Database,
  entries: ReadonlyMap<string, BoundaryGeometry>,
  opts: { replace?: boolean } = {},
): { added: number; changed: number } {
  return db.transaction(() => {
    if (opts.replace) db.prepare('DELETE FROM unit_boundary').run();
    const has = db.prepare('SELECT 1 FROM unit_boundary WHERE code = ?').pluck();
    const put = db.prepare('INSERT INTO unit_boundary (code, geometry) VALUES (?, ?) ON CONFLICT (code) DO UPDATE SET geometry = excluded.geometry');
    let added = 0,
      changed = 0;
    for (const [code, g] of entries) {
      if (has.get(code)) changed++;
      else added++;
      put.run(code, JSON.stringify(g));
    }
    return { added, changed };
  })();
}

export function listBoundaries(db: Database.Database): { code: string; geometry: BoundaryGeometry }[] {
  const rows = db.prepare('SELECT code, geometry FROM unit_boundary ORDER BY code').raw(true).all() as [string, string][];
  return rows.map(([code, g]) => ({ code, geometry: JSON.parse(g) as BoundaryGeometry }));
}

export const boundaryCount = (db: Database.Database): number => db.prepare('SELECT count(*) FROM unit_boundary').pluck().get() as number;

export function clearBoundaries(db: Database.Database): number {
  return db.prepare('DELETE FROM unit_boundary').run().changes;
}
