/** The plan's rows and the services' answers as GeoJSON for the map's sources. */
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { DemandPointOut } from '../../../shared/access/result.ts';
import type { Facility, Unit } from '../../../shared/model/entities.ts';
import { UNIT_KIND_LEVEL } from '../../../shared/model/kinds.ts';
import { bandOf, type Measure, type StatusColour } from './palette.ts';

export type Statuses = ReadonlyMap<string, StatusColour> | null;
export const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

const point = (lon: number, lat: number, properties: Record<string, unknown>): Feature<Point> => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [lon, lat] },
  properties,
});

/** Units of the county and street/town levels at their centres (labels, and circles where no boundary is known). */
export function unitCentres(units: readonly Unit[], statuses: Statuses, shaped: ReadonlySet<string>): FeatureCollection {
  const features: Feature[] = [];
  for (const u of units) {
    const level = UNIT_KIND_LEVEL[u.kind];
    if (u.lon === null || u.lat === null || (level !== 1 && level !== 2)) continue;
    features.push(
      point(u.lon, u.lat, {
        code: u.code,
        name: u.name,
        kind: u.kind,
        population: u.population ?? 0,
        status: statuses ? (statuses.get(u.code) ?? 'none') : '',
        hasShape: shaped.has(u.code),
      }),
    );
  }
  return { type: 'FeatureCollection', features };
}

export function facilityPoints(facilities: readonly Facility[], hidden: string | null): FeatureCollection {
  const features: Feature[] = [];
  for (const f of facilities) {
    if (f.lon === null || f.lat === null || f.id === hidden) continue;
    features.push(point(f.lon, f.lat, { id: f.id, name: f.name, type: f.type }));
  }
  return { type: 'FeatureCollection', features };
}

/** Points written in one task: 5,000 (text and Blob) take some tens of ms, where 25,000 at once took 0.4 s. */
const DEMAND_CHUNK = 5000;
const FC_HEAD = '{"type":"FeatureCollection","features":[';
const FC_TAIL = ']}';
const nextTask = () => new Promise<void>((r) => setTimeout(r, 0));

/**
 * The demand points as GeoJSON text for MapLibre's worker (useTextSource), written here rather than handed to
 * setData as objects, whose structured clone to the worker took 0.15 s of the main thread and left as much
 * garbage: what the layer draws by (covered, band) and the place's code and people, not its name. A Blob
 * written over several tasks: each chunk of points becomes its own Blob (copying a
 * string into a Blob costs as much as writing it: 4.4 MB took 0.2 s in one go), and the whole is a Blob of
 * those Blobs, which refers to them without copying. No task of it comes near 200 ms.
 */
export async function demandBlob(points: readonly DemandPointOut[], measure: Measure, yieldTask = nextTask): Promise<Blob> {
  const parts: BlobPart[] = [FC_HEAD];
  for (let s = 0; s < points.length; s += DEMAND_CHUNK) {
    if (s > 0) await yieldTask();
    const e = Math.min(points.length, s + DEMAND_CHUNK);
    parts.push(new Blob([(s > 0 ? ',' : '') + demandFeatures(points, s, e, measure)]));
  }
  parts.push(FC_TAIL);
  return new Blob(parts, { type: 'application/json' });
}

/** Points [from, to) as GeoJSON features joined by commas (all ASCII: nothing to re-encode). */
function demandFeatures(points: readonly DemandPointOut[], from: number, to: number, measure: Measure): string {
  const parts: string[] = new Array(to - from);
  for (let i = from; i < to; i++) {
    const p = points[i]!;
    const band = bandOf(measure === 'radius' ? p.km : p.minutes, measure);
    parts[i - from] =
      `{"type":"Feature","geometry":{"type":"Point","coordinates":[${p.lon},${p.lat}]},"properties":{"code":${JSON.stringify(p.code)},"population":${p.population},"covered":${p.covered},"band":${band}}}`;
  }
  return parts.join(',');
}

/**
 * Whether two runs' demand points draw the same (place, people, minutes or km, covered): a re-run that
 * only adds service areas, or a write that changes nothing here, then keeps the map's 25,000 points as
 * they are instead of sending them to the map's worker again.
 */
export function sameDemand(a: readonly DemandPointOut[], b: readonly DemandPointOut[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const p = a[i]!,
      q = b[i]!;
    if (
      p.code !== q.code
      || p.lon !== q.lon
      || p.lat !== q.lat
      || p.population !== q.population
      || p.covered !== q.covered
      || p.minutes !== q.minutes
      || p.km !== q.km
    )
      return false;
  }
  return true;
}

export function onePoint(lon: number, lat: number, properties: Record<string, unknown>): FeatureCollection {
  return { type: 'FeatureCollection', features: [point(lon, lat, properties)] };
}

/** Where the plan lies: the street/town centres (else any unit with a centre). */
export function planBounds(units: readonly Unit[]): [number, number, number, number] | null {
  const placed = units.filter((u) => u.lon !== null && u.lat !== null);
  const towns = placed.filter((u) => UNIT_KIND_LEVEL[u.kind] === 2);
  const use = towns.length >= 2 ? towns : placed;
  if (use.length === 0) return null;
  let w = Infinity,
    s = Infinity,
    e = -Infinity,
    n = -Infinity;
  for (const u of use) {
    w = Math.min(w, u.lon!);
    e = Math.max(e, u.lon!);
    s = Math.min(s, u.lat!);
    n = Math.max(n, u.lat!);
  }
  return [w, s, e, n];
}
