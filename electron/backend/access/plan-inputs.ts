/**
 * What an analysis on a plan starts from (access and siting alike): the road network as the worker
 * takes it, the units with their populations in the year, and the demand points.
 */
import type Database from 'better-sqlite3';
import { demandFromCentroids, demandGrid, type DemandResult, type DemandUnit } from '../../../shared/access/index.ts';
import type { AccessQuery } from '../../../shared/access/result.ts';
import { populationsAt } from '../../../shared/gaps/population.ts';
import type { Unit } from '../../../shared/model/entities.ts';
import { UNIT_KIND_LEVEL } from '../../../shared/model/kinds.ts';
import { listBoundaries } from '../db/boundaries.ts';
import { getMeta } from '../db/meta.ts';
import { listPopulations } from '../db/populations.ts';
import { getRoadSpeeds, loadRoadNetwork, roadSegmentCount } from '../db/roads.ts';
import { listRows } from '../db/tables.ts';
import type { NetworkInput } from '../worker/network-cache.ts';

/** Loaded networks by plan, while their summary and speeds stay the same. */
const networks = new WeakMap<Database.Database, NetworkInput>();

export function network(db: Database.Database, path: string): NetworkInput | null {
  if (roadSegmentCount(db) === 0) return null;
  const speeds = getRoadSpeeds(db);
  const key = `${path}|${getMeta(db, 'road_summary') ?? roadSegmentCount(db)}|${JSON.stringify(speeds)}`;
  const cached = networks.get(db);
  if (cached?.key === key) return cached;
  // The worker keeps its own graph by key: the data only travels when the key is new to it.
  const net = { key, data: loadRoadNetwork(db), speeds };
  networks.set(db, net);
  return net;
}

export interface Frame {
  units: Unit[];
  /** Unit index by code, and each unit's parent (-1: none in the plan). */
  byCode: Map<string, number>;
  parent: Int32Array;
  /** Per unit: index of its street/town and its county ancestor (itself included), or -1. */
  township: Int32Array;
  county: Int32Array;
  population: Float64Array;
}

export function frameOf(db: Database.Database, scenarioId: number, year: number): Frame {
  const units = listRows(db, 'units', scenarioId);
  const byCode = new Map(units.map((u, i) => [u.code, i]));
  const parent = Int32Array.from(units, (u) => (u.parent_code ? byCode.get(u.parent_code) ?? -1 : -1));
  const up = (level: number) => Int32Array.from(units, (_, i) => {
    for (let u = i, d = 0; u >= 0 && d < 16; u = parent[u]!, d++) if (UNIT_KIND_LEVEL[units[u]!.kind] === level) return u;
    return -1;
  });
  const pops = populationsAt(units, parent, listPopulations(db, scenarioId), year);
  return { units, byCode, parent, township: up(2), county: up(1), population: pops.own.total };
}

/** Demand points and, per point, the unit it stands for (a village/community, or a street/town's grid cell). */
export function demandOf(db: Database.Database, f: Frame, q: Pick<AccessQuery, 'demand' | 'gridMeters'>): { points: DemandResult; unitOf: number[]; grid: boolean } {
  const hasChild = new Uint8Array(f.units.length);
  for (const p of f.parent) if (p >= 0) hasChild[p] = 1;
  const asDemand = (i: number): DemandUnit => {
    const u = f.units[i]!;
    const p = f.population[i]!;
    return { lon: u.lon, lat: u.lat, population: Number.isNaN(p) ? null : p, urban: u.urban };
  };
  if (q.demand === 'grid') {
    const shapes = new Map(listBoundaries(db).map((b) => [b.code, b.geometry]));
    const towns = f.units.map((_, i) => i).filter((i) => UNIT_KIND_LEVEL[f.units[i]!.kind] === 2 && shapes.has(f.units[i]!.code));
    if (towns.length) {
      const points = demandGrid(towns.map(asDemand), towns.map((i) => shapes.get(f.units[i]!.code) ?? null), q.gridMeters);
      return { points, unitOf: towns, grid: true };
    }
  }
  const leaves = f.units.map((_, i) => i).filter((i) => !hasChild[i]);
  return { points: demandFromCentroids(leaves.map(asDemand)), unitOf: leaves, grid: false };
}


/** The demand points' identity (codes joined), so the worker can reuse its snap of them. */
export function demandKeyOf(f: Frame, d: ReturnType<typeof demandOf>, gridMeters: number): string {
  return `${d.grid ? `grid${gridMeters}` : 'centroids'}|${d.unitOf.map((i) => f.units[i]!.code).join(',')}|${d.points.lon.length}`;
}
