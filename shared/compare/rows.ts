/**
 * Rows of a scenario against the reference's, matched by key (facility id, unit code): which were
 * added, which removed, and for the rest which fields changed, old → new.
 */
import { FACILITY_COLUMNS, UNIT_COLUMNS } from '../model/columns.ts';
import type { Facility, Unit } from '../model/entities.ts';

export type FieldValue = string | number | boolean | null;
export interface FieldChange {
  field: string;
  from: FieldValue;
  to: FieldValue;
}

export interface RowDiff<R> {
  /** In the scenario, not in the reference (in the scenario's order). */
  added: R[];
  /** In the reference, not in the scenario (in the reference's order). */
  removed: R[];
  /** In both, with the fields that differ (in the scenario's order). */
  changed: { before: R; after: R; fields: FieldChange[] }[];
}

const norm = (v: unknown): FieldValue => (v === undefined ? null : (v as FieldValue));

/** Two stored values are the same: numbers within a rounding of a billionth of their size. */
export function sameValue(a: unknown, b: unknown): boolean {
  const x = norm(a),
    y = norm(b);
  if (typeof x === 'number' && typeof y === 'number') return x === y || Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y));
  return x === y;
}

export function diffRows<R extends object>(reference: readonly R[], scenario: readonly R[], key: keyof R & string, fields: readonly string[]): RowDiff<R> {
  const get = (r: R, f: string) => (r as Record<string, unknown>)[f];
  const before = new Map(reference.map((r) => [get(r, key), r]));
  const after = new Set(scenario.map((r) => get(r, key)));
  const out: RowDiff<R> = { added: [], removed: [], changed: [] };
  for (const r of scenario) {
    const a = before.get(get(r, key));
    if (!a) {
      out.added.push(r);
      continue;
    }
    const changes: FieldChange[] = [];
    for (const f of fields) if (f !== key && !sameValue(get(a, f), get(r, f))) changes.push({ field: f, from: norm(get(a, f)), to: norm(get(r, f)) });
    if (changes.length) out.changed.push({ before: a, after: r, fields: changes });
  }
  for (const r of reference) if (!after.has(get(r, key))) out.removed.push(r);
  return out;
}

const FACILITY_FIELDS = FACILITY_COLUMNS.map((c) => c.key);
const UNIT_FIELDS = UNIT_COLUMNS.map((c) => c.key);

export const diffFacilities = (reference: readonly Facility[], scenario: readonly Facility[]) => diffRows(reference, scenario, 'id', FACILITY_FIELDS);
export const diffUnits = (reference: readonly Unit[], scenario: readonly Unit[]) => diffRows(reference, scenario, 'code', UNIT_FIELDS);
