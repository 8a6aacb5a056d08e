/**
 * What an analysis on a plan starts from (access and siting alike): the road network as the worker
 * takes it, the units with their populations in the year, and the demand points.
 */
import type Database from 'better-sqlite3';
import { describeDemand, planDemand, type DemandDescription, type PlanDemand } from '../../../shared/access/demand.ts';
import { ApiError } from '../../../shared/api/errors.ts';
import type { Area } from '../../../shared/geo/polygon.ts';
import { populationMismatches, type PopulationMismatch } from '../../../shared/model/population-check.ts';
import type { AccessQuery } from '../../../shared/access/result.ts';
import { populationsAt } from '../../../shared/gaps/population.ts';
import type { Unit } from '../../../shared/model/entities.ts';
import { UNIT_KIND_LEVEL } from '../../../shared/model/kinds.ts';
import { listBoundaries } from '../db/boundaries.ts';
import { getMeta } from '../db/meta.ts';
import { listPopulations } from '../db/populations.ts';
import { getPeakFactors, getRoadSpeeds, loadRoadNetwork, roadSegmentCount } from '../db/roads.ts';
import { peakFactorsKey, placesKey, type TravelConditions, urbanPlaces } from '../../../shared/access/conditions.ts';
import { listRows } from '../db/tables.ts';
import { LOAD_NETWORK, type NetworkInput, storeKeyOf } from '../worker/network-cache.ts';
import type { RoadNetworkData } from '../../../shared/access/network.ts';
import { graphStored, graphStoreFile } from './graph-store.ts';

/** Loaded networks by plan, while their summary and speeds stay the same. */
const networks = new WeakMap<Database.Database, NetworkInput>();
/** Times the segments were loaded from a plan in this thread (tests: a stored graph needs none). */
export const segmentLoads = { count: 0 };
const EMPTY_NETWORK: RoadNetworkData = {
  offsets: new Uint32Array(1),
  coords: new Float64Array(0),
  highway: [],
  speedKmh: new Float32Array(0),
  oneway: new Int8Array(0),
};

/**
 * The plan's network for the worker. `peak` (peakOf): the peak hour — the car graph is then the peak
 * one (network-cache.ts), looked for in the store under its own key; absent, free flow as always.
 */
export function network(db: Database.Database, path: string, peak?: NetworkInput['peak']): NetworkInput | null {
  const summary = getMeta(db, 'road_summary');
  // Whether there is a segment at all: one row looked at (a count scans a province's million rows, and this runs for every analysis).
  if (!db.prepare('SELECT EXISTS (SELECT 1 FROM road_segment)').pluck().get()) return null;
  const speeds = getRoadSpeeds(db);
  const key = `${path}|${summary ?? roadSegmentCount(db)}|${JSON.stringify(speeds)}`;
  let net = networks.get(db);
  if (net?.key !== key) {
    // The graph store beside the plan (graph-store.ts) keys on the import's revision: a summary without one is not trusted to name a network.
    let revision: unknown;
    try {
      revision = summary ? (JSON.parse(summary) as { revision?: unknown }).revision : undefined;
    } catch {
      /* no store */
    }
    const load = () => {
      segmentLoads.count++;
      return loadRoadNetwork(db);
    };
    net = {
      key,
      data: null,
      speeds,
      ...(typeof revision === 'string' ? { store: { planPath: path, key: `${summary}|${JSON.stringify(speeds)}` } } : {}),
      [LOAD_NETWORK]: load,
    };
    networks.set(db, net);
  }
  // With the car graph stored, neither load the segments nor send them: the worker reads the graph (or asks for them).
  const only = peak ? { peak } : {};
  if (net.store && graphStored(graphStoreFile(net.store.planPath, storeKeyOf(net.store.key, 'drive', peak?.key))))
    return { ...net, ...only, data: EMPTY_NETWORK, omitted: true };
  net.data ??= net[LOAD_NETWORK]!();
  return peak ? { ...net, peak } : net;
}

/** The peak hour's input for a frame: the plan's peak factors and the places that class segments (shared/access/conditions.ts). */
export function peakOf(db: Database.Database, f: Frame): NonNullable<NetworkInput['peak']> {
  const factors = getPeakFactors(db);
  const places = urbanPlaces(f.units, f.parent);
  return { factors, places, key: `${peakFactorsKey(factors)}|${placesKey(places)}` };
}

/** The network under the conditions asked for (free flow: as it always was). */
export const networkUnder = (db: Database.Database, path: string, f: Frame, conditions: TravelConditions = 'free'): NetworkInput | null =>
  network(db, path, conditions === 'peak' ? peakOf(db, f) : undefined);

export interface Frame {
  units: Unit[];
  /** Unit index by code, and each unit's parent (-1: none in the plan). */
  byCode: Map<string, number>;
  parent: Int32Array;
  /** Per unit: index of its street/town and its county ancestor (itself included), or -1. */
  township: Int32Array;
  county: Int32Array;
  population: Float64Array;
  /** Per unit: its own 0–3 and 65+ figures in the year, NaN where none (for the group splits). */
  ages: { age_0_3: Float64Array; age_65_plus: Float64Array };
}

export function frameOf(db: Database.Database, scenarioId: number, year: number): Frame {
  const units = listRows(db, 'units', scenarioId);
  const byCode = new Map(units.map((u, i) => [u.code, i]));
  const parent = Int32Array.from(units, (u) => (u.parent_code ? (byCode.get(u.parent_code) ?? -1) : -1));
  const up = (level: number) =>
    Int32Array.from(units, (_, i) => {
      for (let u = i, d = 0; u >= 0 && d < 16; u = parent[u]!, d++) if (UNIT_KIND_LEVEL[units[u]!.kind] === level) return u;
      return -1;
    });
  const pops = populationsAt(units, parent, listPopulations(db, scenarioId), year);
  return {
    units,
    byCode,
    parent,
    township: up(2),
    county: up(1),
    population: pops.own.total,
    ages: { age_0_3: pops.own.age_0_3, age_65_plus: pops.own.age_65_plus },
  };
}

/** The demand of an analysis: its points (each with the unit it stands for, an index of the frame), and how it was formed. */
export interface PlanDemandOf {
  points: PlanDemand;
  /** Whether streets/towns were spread over a grid inside their boundaries. */
  grid: boolean;
  description: DemandDescription;
  /** The population mismatches between units and their units below, inside the demand's area. */
  mismatches: PopulationMismatch[];
}

/**
 * Demand points in which every unit's people are (shared/access/demand.ts planDemand): the lowest
 * units at their centres — or, asked for a grid, the streets/towns that have a boundary spread over
 * it — and the rest of a unit whose units below are not all listed at its own centre. `within`: only
 * those units (and everything under them).
 */
export function demandOf(
  db: Database.Database,
  f: Frame,
  q: Pick<AccessQuery, 'demand' | 'gridMeters'>,
  within: ReadonlySet<number> | null = null,
): PlanDemandOf {
  let areas: (Area | null)[] | null = null;
  if (q.demand === 'grid') {
    const shapes = new Map(listBoundaries(db).map((b) => [b.code, b.geometry]));
    areas = f.units.map((u) => (UNIT_KIND_LEVEL[u.kind] === 2 ? (shapes.get(u.code) ?? null) : null));
    if (!areas.some((a) => a)) areas = null;
  }
  const points = planDemand({ units: f.units, parent: f.parent, own: f.population, within, grid: areas ? { areas, cellMetres: q.gridMeters } : null });
  const description = describeDemand(points, f.units, { cellMetres: areas ? q.gridMeters : undefined });
  const inArea = new Set<number>();
  for (let p = 0; p < points.unit.length; p++)
    for (let u = points.unit[p]!, d = 0; u >= 0 && d < 16 && !inArea.has(u); u = f.parent[u]!, d++) {
      inArea.add(u);
      if (points.starts.includes(u)) break;
    }
  const mismatches = populationMismatches(f.units, f.parent, f.population).filter((m) => inArea.has(f.byCode.get(m.code)!));
  return { points, grid: !!areas, description, mismatches };
}

/** Unit codes or exact names → unit indices; an unknown or ambiguous one is refused, naming it (what: the field, for the message). */
export function unitsNamed(f: Frame, names: readonly string[], what: { zh: string; en: string }): Set<number> {
  const out = new Set<number>();
  for (const n of names) {
    const i = f.byCode.get(n) ?? -1;
    const byName = f.units.flatMap((u, k) => (u.name === n ? [k] : []));
    if (i >= 0) out.add(i);
    else if (byName.length === 1) out.add(byName[0]!);
    else
      throw new ApiError(
        'INVALID_ARGS',
        `${what.zh}：方案中${byName.length > 1 ? '有多个' : '没有'}「${n}」${byName.length > 1 ? '，请用区划代码' : ''}`,
        `${what.en}: ${byName.length > 1 ? 'several units are named' : 'no unit'} "${n}"${byName.length > 1 ? ' — use the code' : ' in the plan'}`,
      );
  }
  return out;
}

/** The name of an analysis's area: the within-units', else the plan's top units'. */
export function areaName(f: Frame, within: ReadonlySet<number>): string {
  return within.size
    ? [...within].map((i) => f.units[i]!.name).join('、')
    : f.units
        .filter((_, i) => f.parent[i]! < 0)
        .map((u) => u.name)
        .join('、');
}

/** The demand points' identity (their places), so the worker can reuse its snap of them. */
export function demandKeyOf(d: PlanDemandOf, gridMeters: number): string {
  // FNV-1a over the coordinates' bytes: the same places give the same key.
  let h = 0x811c9dc5;
  for (const a of [d.points.lon, d.points.lat]) {
    const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    for (let k = 0; k < bytes.length; k++) h = Math.imul(h ^ bytes[k]!, 0x01000193);
  }
  return `${d.grid ? `grid${gridMeters}` : 'centroids'}|${d.points.lon.length}|${(h >>> 0).toString(16)}`;
}
