/** A small real plan file for the plan-file tests: one county (开福区) in the baseline, closed again. */
import path from 'node:path';
import { createPlanFile } from '../../electron/backend/db/plan-file.ts';
import { upsertRows } from '../../electron/backend/db/tables.ts';

export function planWithUnit(dir: string, name: string): string {
  const file = path.join(dir, name);
  const p = createPlanFile(file, name);
  upsertRows(p.db, 'units', 1, [
    {
      code: '430105',
      name: '开福区',
      parent_code: null,
      kind: 'county',
      urban: true,
      population: 820790,
      population_0_3: null,
      population_65_plus: null,
      area_km2: null,
      lon: null,
      lat: null,
      year: 2020,
    },
  ]);
  p.close();
  return file;
}
