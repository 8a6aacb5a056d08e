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

/** Roads crossing `bbox`, of `minClass` or more major, at most `limit` (total says how many matched). */
export function mapRoads(db: Database.Database, q: { bbox?: BBox; minClass?: string; limit: number }): RoadFeatureCollection {
  const maxRank = q.minClass ? (ROAD_CLASS_RANK[q.minClass] ?? 7) : Infinity;
  const [w, s, e, n] = q.bbox ?? [-180, -90, 180, 90];
  const net = loadRoadNetwork(db);
  const { offsets, coords: c, highway, oneway } = net;
  const features: RoadFeature[] = [];
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
    total++;
    if (features.length >= q.limit) continue;
    const coordinates: [number, number][] = [];
    for (let i = from; i < to; i++) coordinates.push([round6(c[2 * i]!), round6(c[2 * i + 1]!)]);
    features.push({ type: 'Feature', geometry: { type: 'LineString', coordinates }, properties: { highway: h, oneway: oneway[seg] as -1 | 0 | 1 } });
  }
  return { type: 'FeatureCollection', features, total, truncated: total > features.length };
}

export function mapBoundaries(db: Database.Database, q: { kinds?: UnitKind[] }): BoundaryFeatureCollection {
  const units = new Map<string, { name: string; kind: UnitKind }>();
  for (const u of db.prepare('SELECT code, name, kind FROM unit ORDER BY scenario_id').all() as { code: string; name: string; kind: UnitKind }[]) {
    if (!units.has(u.code)) units.set(u.code, { name: u.name, kind: u.kind });
  }
  const kinds = q.kinds ? new Set(q.kinds) : null;
  const features: BoundaryFeatureCollection['features'] = [];
  for (const b of listBoundaries(db)) {
    const u = units.get(b.code);
    if (kinds && (!u || !kinds.has(u.kind))) continue;
    features.push({ type: 'Feature', geometry: b.geometry, properties: { code: b.code, name: u?.name ?? null, kind: u?.kind ?? null } });
  }
  return { type: 'FeatureCollection', features };
}
