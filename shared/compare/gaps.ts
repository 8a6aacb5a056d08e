/**
 * Every target's result in each scenario side by side, per place (the region and the units of a
 * level), with each scenario's difference from the first (the reference): which way it went and by
 * how much. Every target is a minimum, so a higher value and a smaller shortfall are better.
 */
import type { GapResult, GapStatus } from '../gaps/result.ts';
import type { Scope } from '../gaps/standard.ts';

/** Better: closer to the target (smaller shortfall, or higher value); changed: different, but neither (data appeared or went). */
export type Direction = 'same' | 'better' | 'worse' | 'changed';

/** One scenario's result for a target at a place: the gap engine's figures. */
export interface CompareCell {
  value: number | null;
  required: number | null;
  shortfall: number | null;
  status: GapStatus;
  count?: { met: number; of: number };
  missing?: string;
  missingEn?: string;
  population?: number;
}

/** A scenario against the reference at one place and target. */
export interface CellDiff {
  direction: Direction;
  /** Scenario − reference, where both are known. */
  value: number | null;
  shortfall: number | null;
  statusChanged: boolean;
}

export interface CompareRow {
  target: string;
  scope: Scope;
  code: string;
  name: string;
  parent: string | null;
  /** Per scenario, in the order asked; null where the place is not in that scenario. */
  cells: (CompareCell | null)[];
  /** Per scenario against the reference; null for the reference itself. */
  diffs: (CellDiff | null)[];
  /** Some scenario differs from the reference here. */
  changed: boolean;
}

const RANK: Partial<Record<GapStatus, number>> = { short: 1, near: 2, met: 3 };
const EPS = 1e-9;
const differs = (a: number | null, b: number | null) => (a === null || b === null ? a !== b : Math.abs(a - b) > EPS * Math.max(1, Math.abs(a), Math.abs(b)));
const sign = (x: number): Direction => (x > 0 ? 'better' : 'worse');

export function cellOf(r: GapResult): CompareCell {
  const c: CompareCell = { value: r.value, required: r.required, shortfall: r.shortfall, status: r.status };
  if (r.count) c.count = r.count;
  if (r.missing !== undefined) c.missing = r.missing;
  if (r.missingEn !== undefined) c.missingEn = r.missingEn;
  if (r.population !== undefined) c.population = r.population;
  return c;
}

/** How a scenario's result compares with the reference's. */
export function diffCell(ref: CompareCell | null, cell: CompareCell | null): CellDiff {
  if (!ref || !cell) return { direction: ref === cell ? 'same' : 'changed', value: null, shortfall: null, statusChanged: ref !== cell };
  const statusChanged = ref.status !== cell.status;
  const dv = ref.value !== null && cell.value !== null ? cell.value - ref.value : null;
  const ds = ref.shortfall !== null && cell.shortfall !== null ? cell.shortfall - ref.shortfall : null;
  const countChanged = (ref.count?.met ?? null) !== (cell.count?.met ?? null) || (ref.count?.of ?? null) !== (cell.count?.of ?? null);
  const same =
    !statusChanged && !countChanged && !differs(ref.value, cell.value) && !differs(ref.required, cell.required) && !differs(ref.shortfall, cell.shortfall);
  const out = { value: dv, shortfall: ds, statusChanged };
  if (same) return { direction: 'same', ...out };
  let direction: Direction = 'changed';
  if (ds !== null && ds !== 0) direction = sign(-ds);
  else if (dv !== null && differs(ref.value, cell.value)) direction = sign(dv);
  else if (RANK[ref.status] !== undefined && RANK[cell.status] !== undefined && RANK[ref.status] !== RANK[cell.status])
    direction = sign(RANK[cell.status]! - RANK[ref.status]!);
  return { direction, ...out };
}

/**
 * The scenarios' results side by side: rows for the region and for the places at `level` (once each
 * even when `level` is the region), in the reference's order, then places only other scenarios have.
 */
export function compareResults(results: readonly (readonly GapResult[])[], level: Exclude<Scope, 'facility'>): CompareRow[] {
  const keep = (r: GapResult) => r.scope === 'region' || r.scope === level;
  const keyOf = (r: GapResult) => `${r.target}\u0000${r.scope}\u0000${r.code}`;
  const rows = new Map<string, CompareRow>();
  results.forEach((list, s) => {
    for (const r of list) {
      if (!keep(r)) continue;
      const k = keyOf(r);
      let row = rows.get(k);
      if (!row) {
        row = { target: r.target, scope: r.scope, code: r.code, name: r.name, parent: r.parent, cells: results.map(() => null), diffs: [], changed: false };
        rows.set(k, row);
      }
      row.cells[s] = cellOf(r);
    }
  });
  for (const row of rows.values()) {
    row.diffs = row.cells.map((c, s) => (s === 0 ? null : diffCell(row.cells[0]!, c)));
    row.changed = row.diffs.some((d) => d !== null && d.direction !== 'same');
  }
  return [...rows.values()];
}
