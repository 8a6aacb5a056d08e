/**
 * What the map draws from the plan: roads as GeoJSON lines (by bounding box, major classes only for a
 * large network, at most `limit`), unit boundaries as GeoJSON polygons with the unit's name and kind.
 */
import type Database from 'better-sqlite3';
import type { BBox, BoundaryFeatureCollection, RoadFeature, RoadFeatureCollection } from '../../shared/api/contract.ts';
import { rankOf, ROAD_CLASS_RANK } from '../../shared/access/road-import.ts';
import type { UnitKind } from '../../shared/model/kinds.ts';
import { listBoundaries } from './db/boundaries.ts';
import { loadRoadNetwork } from './db/roads.ts';

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

type RoadQuery = { bbox?: BBox; minClass?: string; limit: number };

/**
 * Each road crossing `bbox`, of `minClass` or more major, in the network's order: `take` is called for the
 * first `limit` of them (the segment's coordinates are coords[2·from … 2·to)); returns how many matched.
 */
function scanRoads(
  db: Database.Database,
  q: RoadQuery,
  take: (coords: Float64Array, from: number, to: number, highway: string, oneway: -1 | 0 | 1) => void,
): number {
  const maxRank = q.minClass ? (ROAD_CLASS_RANK[q.minClass] ?? 7) : Infinity;
  const [w, s, e, n] = q.bbox ?? [-180, -90, 180, 90];
  const net = loadRoadNetwork(db);
  const { offsets, coords: c, highway, oneway } = net;
  const rank = new Map<string, number>();
  let total = 0;
  for (let seg = 0; seg + 1 < offsets.length; seg++) {
    const h = highway[seg]!;
    let r = rank.get(h);
    if (r === undefined) rank.set(h, (r = rankOf(h)));
    if (r > maxRank) continue;
    const from = offsets[seg]!,
      to = offsets[seg + 1]!;
    let bw = Infinity,
      bs = Infinity,
      be = -Infinity,
      bn = -Infinity;
    for (let i = from; i < to; i++) {
      const x = c[2 * i]!,
        y = c[2 * i + 1]!;
      if (x < bw) bw = x;
      if (x > be) be = x;
      if (y < bs) bs = y;
      if (y > bn) bn = y;
    }
    if (be < w || bw > e || bn < s || bs > n) continue;
    if (total++ < q.limit) take(c, from, to, h, oneway[seg] as -1 | 0 | 1);
  }
  return total;
}

/** Roads crossing `bbox`, of `minClass` or more major, at most `limit` (total says how many matched). */
export function mapRoads(db: Database.Database, q: RoadQuery): RoadFeatureCollection {
  const features: RoadFeature[] = [];
  const total = scanRoads(db, q, (c, from, to, highway, oneway) => {
    const coordinates: [number, number][] = [];
    for (let i = from; i < to; i++) coordinates.push([round6(c[2 * i]!), round6(c[2 * i + 1]!)]);
    features.push({ type: 'Feature', geometry: { type: 'LineString', coordinates }, properties: { highway, oneway } });
  });
  return { type: 'FeatureCollection', features, total, truncated: total > features.length };
}

/**
 * mapRoads as GeoJSON text (map.roadsGeoJson: the same collection, for MapLibre's worker), written straight
 * from the network's arrays without the objects in between (a province's major roads are 5.8 MB of it).
 */
export function mapRoadsText(db: Database.Database, q: RoadQuery): string {
  const parts: string[] = [];
  let taken = 0;
  const total = scanRoads(db, q, (c, from, to, highway, oneway) => {
    let line = '';
    for (let i = from; i < to; i++) line += `${i > from ? ',' : ''}[${round6(c[2 * i]!)},${round6(c[2 * i + 1]!)}]`;
    parts.push(
      `{"type":"Feature","geometry":{"type":"LineString","coordinates":[${line}]},"properties":{"highway":${JSON.stringify(highway)},"oneway":${oneway}}}`,
    );
    taken++;
  });
  return `{"type":"FeatureCollection","features":[${parts.join(',')}],"total":${total},"truncated":${total > taken}}`;
}

const unitNames = (db: Database.Database): Map<string, { name: string; kind: UnitKind }> => {
  const units = new Map<string, { name: string; kind: UnitKind }>();
  for (const u of db.prepare('SELECT code, name, kind FROM unit ORDER BY scenario_id').all() as { code: string; name: string; kind: UnitKind }[]) {
    if (!units.has(u.code)) units.set(u.code, { name: u.name, kind: u.kind });
  }
  return units;
};

export function mapBoundaries(db: Database.Database, q: { kinds?: UnitKind[] }): BoundaryFeatureCollection {
  const units = unitNames(db);
  const kinds = q.kinds ? new Set(q.kinds) : null;
  const features: BoundaryFeatureCollection['features'] = [];
  for (const b of listBoundaries(db)) {
    const u = units.get(b.code);
    if (kinds && (!u || !kinds.has(u.kind))) continue;
    features.push({ type: 'Feature', geometry: b.geometry, properties: { code: b.code, name: u?.name ?? null, kind: u?.kind ?? null } });
  }
  return { type: 'FeatureCollection', features };
}

/** mapBoundaries as GeoJSON text (map.boundariesGeoJson): each geometry as it is stored (JSON), not parsed and written again. */
export function mapBoundariesText(db: Database.Database, q: { kinds?: UnitKind[] }): string {
  const units = unitNames(db);
  const kinds = q.kinds ? new Set(q.kinds) : null;
  const parts: string[] = [];
  for (const [code, geometry] of db.prepare('SELECT code, geometry FROM unit_boundary ORDER BY code').raw(true).all() as [string, string][]) {
    const u = units.get(code);
    if (kinds && (!u || !kinds.has(u.kind))) continue;
    const properties = JSON.stringify({ code, name: u?.name ?? null, kind: u?.kind ?? null });
    parts.push(`{"type":"Feature","geometry":${geometry},"properties":${properties}}`);
  }
  return `{"type":"FeatureCollection","features":[${parts.join(',')}]}`;
}

/** Codes of the units with a boundary (map.boundaryCodes), sorted. */
export function boundaryCodes(db: Database.Database): string[] {
  return db.prepare('SELECT code FROM unit_boundary ORDER BY code').pluck().all() as string[];
}
