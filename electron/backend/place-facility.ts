/**
 * Placing facilities on the map (在地图上新增、移动、删除机构): each is one edit of the scenario, undone
 * as one. A placed facility belongs to the unit it stands in: the nearest community/village centre
 * (else street/town) of the plan.
 */
import { ApiError } from '../../shared/api/errors.ts';
import { invalidArgs } from '../../shared/api/say-issues.ts';
import { FACILITY_COLUMNS } from '../../shared/model/columns.ts';
import { emptyFacility, FacilitySchema, type Facility, type Unit } from '../../shared/model/entities.ts';
import { FACILITY_TYPE_LABELS, UNIT_KIND_LEVEL, type FacilityType } from '../../shared/model/kinds.ts';
import { recordEdit, WHOLE_ROW } from './db/edit-log.ts';
import type { PlanDb } from './db/plan-file.ts';
import { getRow, listRows, setRow } from './db/tables.ts';

export interface NewFacility {
  type: FacilityType;
  lon: number;
  lat: number;
  id?: string;
  name?: string;
  unit_code?: string;
  /** Further fields (beds, staff …), validated like an edit. */
  fields?: Record<string, unknown>;
}

/**
 * What a facility the app creates (新增机构 on the map, a siting proposal — new or as a project) holds
 * until the planner gives its figures: none of anything counted — beds, staff, ambulances, childcare
 * places are 0 — no TCM hall, fever clinic … (false) and no service-standard rating yet ('none', 未达标).
 * That is the truth of a facility that does not exist yet, and a planner's proposal of a 120 station
 * proposes no beds; left unknown (null, as an imported row with a blank cell is), every target that reads
 * them would report 数据不全 about rows the app made itself. What is not a count stays unknown: the floor
 * area (a building has one; the planner gives it), the bed occupancy rate (no beds, no rate) and the year
 * it opened (a project's year, else unknown).
 */
export const NEW_FACILITY_FIGURES: Readonly<Record<string, number | boolean | string>> = Object.fromEntries(
  FACILITY_COLUMNS.flatMap((c): [string, number | boolean | string][] => {
    if (c.type === 'int' && c.key !== 'opened_year') return [[c.key, 0]];
    if (c.type === 'bool') return [[c.key, false]];
    if (c.type === 'serviceStandard') return [[c.key, 'none']];
    return [];
  }),
);

/** The unit a point stands in: the nearest centre among the deepest units that have one. */
export function unitAt(units: readonly Unit[], lon: number, lat: number): Unit | undefined {
  // A kind this version does not know (a plan from a later one) has no level: such units are passed over.
  const placed = units.filter((u) => u.lon !== null && u.lat !== null && UNIT_KIND_LEVEL[u.kind] !== undefined);
  const deepest = Math.max(...placed.map((u) => UNIT_KIND_LEVEL[u.kind]));
  const k = Math.cos((lat * Math.PI) / 180);
  let best: Unit | undefined;
  let bestD = Infinity;
  for (const u of placed) {
    if (UNIT_KIND_LEVEL[u.kind] !== deepest) continue;
    const dx = (u.lon! - lon) * k,
      dy = u.lat! - lat;
    const d = dx * dx + dy * dy;
    if (d < bestD) {
      bestD = d;
      best = u;
    }
  }
  return best;
}

function checked(f: Record<string, unknown>): Facility {
  const r = FacilitySchema.safeParse(f);
  if (!r.success) throw invalidArgs(r.error.issues, f, 'facility', { zh: '新机构：', en: 'New facility: ' });
  return r.data;
}

export function addFacility(p: PlanDb, scenarioId: number, n: NewFacility): Facility {
  const units = listRows(p.db, 'units', scenarioId);
  const unit = n.unit_code ? units.find((u) => u.code === n.unit_code) : unitAt(units, n.lon, n.lat);
  if (!unit) throw new ApiError('INVALID_ARGS', '方案中没有可归属的单位：请先导入行政区划', 'The plan has no unit to place it in: import the units first');
  const label = FACILITY_TYPE_LABELS[n.type];
  let id = n.id;
  if (!id) {
    let k = 1;
    while (getRow(p.db, 'facilities', scenarioId, `NEW-${n.type}-${k}`)) k++;
    id = `NEW-${n.type}-${k}`;
  } else if (getRow(p.db, 'facilities', scenarioId, id)) {
    throw new ApiError('CONFLICT', `已有机构编码「${id}」`, `A facility "${id}" already exists`);
  }
  const f = checked({
    ...emptyFacility(id, n.name ?? `${unit.name}新建${label.zh}`, n.type, unit.code),
    ...NEW_FACILITY_FIGURES,
    ...n.fields,
    id,
    type: n.type,
    unit_code: unit.code,
    lon: n.lon,
    lat: n.lat,
  });
  setRow(p.db, 'facilities', scenarioId, id, f);
  recordEdit(p.db, scenarioId, 'facilities', id, WHOLE_ROW, null, f);
  return f;
}

/** Moves a facility; it then belongs to the unit it now stands in. */
export function moveFacility(p: PlanDb, scenarioId: number, id: string, lon: number, lat: number): Facility {
  const before = getRow(p.db, 'facilities', scenarioId, id);
  if (!before) throw new ApiError('NOT_FOUND', `找不到机构「${id}」`, `No facility "${id}"`);
  const unit = unitAt(listRows(p.db, 'units', scenarioId), lon, lat);
  const after = checked({ ...before, lon, lat, unit_code: unit?.code ?? before.unit_code });
  setRow(p.db, 'facilities', scenarioId, id, after);
  recordEdit(p.db, scenarioId, 'facilities', id, WHOLE_ROW, before, after);
  return after;
}

export function removeFacility(p: PlanDb, scenarioId: number, id: string): void {
  const before = getRow(p.db, 'facilities', scenarioId, id);
  if (!before) throw new ApiError('NOT_FOUND', `找不到机构「${id}」`, `No facility "${id}"`);
  setRow(p.db, 'facilities', scenarioId, id, null);
  recordEdit(p.db, scenarioId, 'facilities', id, WHOLE_ROW, before, null);
}
