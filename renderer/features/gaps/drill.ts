/**
 * The results of a report arranged for drilling down: one row per place (unit or facility) with its
 * result for each target, the rows under each place, and the targets that have results among them.
 */
import type { GapResult, GapStatus } from '../../../shared/gaps/result.ts';
import type { Scope, Target } from '../../../shared/gaps/standard.ts';
import type { GapSelection } from '../../ui/state/types.ts';
export type { GapSelection };

export const REGION = 'region';

export interface PlaceRow {
  scope: Scope;
  code: string;
  name: string;
  parent: string | null;
  /** By target id. A unit can carry a direct presence result and a roll-up of the units below: the first (direct) wins. */
  results: Map<string, GapResult>;
}

export interface GapIndex {
  targets: Target[];
  targetById: Map<string, Target>;
  /** Targets in display order: by group (first appearance), then as listed in the set. */
  ordered: Target[];
  rows: Map<string, PlaceRow>;
  /** Rows under a place code ('region' for the region). */
  children: Map<string, PlaceRow[]>;
  /** Region-level results that are not the region line: named units not in the plan, city-level presence. */
  regionExtras: Map<string, GapResult[]>;
}

const rowKey = (scope: Scope, code: string) => `${scope}|${code}`;

export function orderTargets(targets: readonly Target[]): Target[] {
  const groups: string[] = [];
  for (const t of targets) if (!groups.includes(t.group)) groups.push(t.group);
  return groups.flatMap((g) => targets.filter((t) => t.group === g));
}

export function indexReport(targets: Target[], results: readonly GapResult[]): GapIndex {
  const rows = new Map<string, PlaceRow>();
  const children = new Map<string, PlaceRow[]>();
  const regionExtras = new Map<string, GapResult[]>();
  for (const r of results) {
    if (r.scope === 'region' && r.code !== REGION) {
      regionExtras.set(r.target, [...(regionExtras.get(r.target) ?? []), r]);
      continue;
    }
    const key = rowKey(r.scope, r.code);
    let row = rows.get(key);
    if (!row) {
      // A facility standing directly in the city (no county) hangs under the region.
      const parent = r.scope === 'region' ? null : (r.parent ?? REGION);
      row = { scope: r.scope, code: r.code, name: r.name, parent, results: new Map() };
      rows.set(key, row);
      if (parent !== null) children.set(parent, [...(children.get(parent) ?? []), row]);
    }
    if (!row.results.has(r.target)) row.results.set(r.target, r);
  }
  return { targets, targetById: new Map(targets.map((t) => [t.id, t])), ordered: orderTargets(targets), rows, children, regionExtras };
}

export const placeRow = (ix: GapIndex, scope: Scope, code: string) => ix.rows.get(rowKey(scope, code));

/** The scope of the place a row code stands for when drilled into. */
export const levelOf = (depth: number): Scope => (depth === 0 ? 'region' : depth === 1 ? 'county' : 'township');

/** A facility as the street's list needs it: one the report judged (GapReportOut.facilities, as of its year). */
export interface PlanFacility {
  id: string;
  name: string;
  unit_code: string;
}
/** A unit of the plan as the walk up to its street/town needs it. */
export interface PlanUnit {
  code: string;
  parent_code: string | null;
}

/**
 * Every facility standing in a street/town (in it or in one of its communities/villages): those with
 * results first, as the report has them, then the others in the report's order, with no results — no
 * facility-level target of the set applies to their type. A street's drill-down used to list only the
 * first ("1 个机构" for a street of seven). `facilities`: those the report judged, as of its year (its
 * `facilities`), not the scenario's present rows — a facility a project closes before the year is gone
 * from the list, one a project opens by then is in it.
 */
export function facilitiesIn(place: PlaceRow, withResults: readonly PlaceRow[], facilities: readonly PlanFacility[], units: readonly PlanUnit[]): PlaceRow[] {
  if (place.scope !== 'township') return [...withResults];
  const parent = new Map(units.map((u) => [u.code, u.parent_code]));
  const inPlace = (code: string | null) => {
    for (let c = code, n = 0; c && n < 16; c = parent.get(c) ?? null, n++) if (c === place.code) return true;
    return false;
  };
  const have = new Set(withResults.map((r) => r.code));
  const others = facilities
    .filter((f) => !have.has(f.id) && inPlace(f.unit_code))
    .map((f): PlaceRow => ({ scope: 'facility', code: f.id, name: f.name, parent: place.code, results: new Map() }));
  return [...withResults, ...others];
}

/**
 * The rows listed under a place: the units below it, and its facilities — for a street/town every one the
 * report judged in its year (`judged`: GapReportOut.facilities), with results or not; elsewhere those with results.
 */
export function rowsUnder(
  ix: GapIndex,
  place: PlaceRow,
  judged: readonly PlanFacility[],
  units: readonly PlanUnit[],
): { units: PlaceRow[]; facilities: PlaceRow[] } {
  const below = ix.children.get(place.code) ?? [];
  return {
    units: below.filter((r) => r.scope !== 'facility'),
    facilities: facilitiesIn(
      place,
      below.filter((r) => r.scope === 'facility'),
      judged,
      units,
    ),
  };
}

/** Whether a row has anything below it to drill into. */
export const canDrill = (ix: GapIndex, row: PlaceRow) => (row.scope === 'county' || row.scope === 'township') && (ix.children.get(row.code)?.length ?? 0) > 0;

/** The targets with a result in any of the rows, in display order. */
export function columnsFor(ix: GapIndex, rows: readonly PlaceRow[]): Target[] {
  const have = new Set<string>();
  for (const r of rows) for (const id of r.results.keys()) have.add(id);
  return ix.ordered.filter((t) => have.has(t.id));
}

export const isShortish = (s: GapStatus | undefined) => s === 'short' || s === 'near';

/** Rank for "worst first": short, near, met, then what cannot be judged. */
const STATUS_RANK: Record<GapStatus, number> = { short: 0, near: 1, met: 2, not_due: 3, reference: 4, missing_data: 5, not_evaluated: 6, not_applicable: 7 };

/** How far a result is towards its requirement (1 = exactly met); null when unknown. */
export function attainment(r: GapResult | undefined): number | null {
  if (!r || r.value === null) return null;
  if (r.count) return r.count.of ? r.count.met / r.count.of : null;
  if (!r.required) return r.value > 0 ? Infinity : 1;
  return r.value / r.required;
}

export type SortDir = 'worst' | 'best';

/** Orders rows by one target's result: worst (or best) first; what cannot be judged always last. */
export function sortRows(rows: readonly PlaceRow[], target: string, dir: SortDir): PlaceRow[] {
  const keyed = rows.map((row, i) => {
    const r = row.results.get(target);
    const rank = r ? STATUS_RANK[r.status] : 5;
    return { row, i, judged: rank <= 2, rank, a: attainment(r) ?? 0 };
  });
  const sign = dir === 'worst' ? 1 : -1;
  keyed.sort((x, y) => {
    if (x.judged !== y.judged) return x.judged ? -1 : 1;
    if (!x.judged) return x.rank - y.rank || x.i - y.i;
    return sign * (x.rank - y.rank) || sign * (x.a - y.a) || x.i - y.i;
  });
  return keyed.map((k) => k.row);
}

/**
 * The selection as it stands at the place being looked at: a figure of that place or of a row shown
 * under it stays; anything else — a figure picked at another place before a drill-down or a step back
 * up, or a target picked without a place — becomes the same target at this place. The source panel
 * never shows the previous place's figure.
 */
export function selectionAt(ix: GapIndex, place: PlaceRow, s: GapSelection | null): GapSelection | null {
  if (!s) return null;
  const here = { target: s.target, scope: place.scope, code: place.code };
  if (!s.scope || !s.code) return here;
  if (s.scope === place.scope && s.code === place.code) return s;
  return placeRow(ix, s.scope, s.code)?.parent === place.code ? s : here;
}

export const sameSelection = (a: GapSelection | null, b: GapSelection | null) => a?.target === b?.target && a?.scope === b?.scope && a?.code === b?.code;
