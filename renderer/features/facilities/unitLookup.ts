/** For each unit code: its name, and the county and street/town it lies in (for names and grouping). */
import { UNIT_KIND_LEVEL } from '../../../shared/model/kinds.ts';
import type { Unit } from '../../../shared/model/entities.ts';

export interface UnitPlace {
  name: string;
  county?: string;
  street?: string;
}

export function unitPlaces(units: readonly Unit[]): Map<string, UnitPlace> {
  const byCode = new Map(units.map((u) => [u.code, u]));
  const out = new Map<string, UnitPlace>();
  for (const u of units) {
    const place: UnitPlace = { name: u.name };
    let cur: Unit | undefined = u;
    for (let guard = 0; cur && guard < 8; guard++) {
      const level = UNIT_KIND_LEVEL[cur.kind];
      if (level === 1) place.county ??= cur.name;
      if (level === 2) place.street ??= cur.name;
      cur = cur.parent_code ? byCode.get(cur.parent_code) : undefined;
    }
    out.set(u.code, place);
  }
  return out;
}
