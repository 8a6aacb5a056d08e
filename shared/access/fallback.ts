/**
 * 直线估算: travel times without a road network — the straight line to the nearest facility,
 * lengthened by a detour factor, at the urban or rural speed of the demand point's class
 * (FallbackModel in network.ts). Gives the same per-point output as the road version, marked
 * `model: 'straight_line'`, so coverage and bands work on either.
 *
 * Entry point: `straightLineTravel(facilityLon, facilityLat, points, model?)`.
 */
import KDBush from 'kdbush';
import type { DemandTravel } from './coverage.ts';
import type { DemandPoints } from './demand.ts';
import { NearestSearch } from './nearest.ts';
import { DEFAULT_FALLBACK, type FallbackModel } from './network.ts';

/**
 * The nearest facility by distance is the nearest by time (one speed per point). Of facilities
 * equally near (at one address, say), the lower index, as on the road.
 */
export function straightLineTravel(
  facilityLon: Float64Array,
  facilityLat: Float64Array,
  points: Pick<DemandPoints, 'lon' | 'lat' | 'urban'>,
  model: FallbackModel = DEFAULT_FALLBACK,
): DemandTravel {
  const n = points.lon.length;
  const minutes = new Float64Array(n).fill(Infinity);
  const facility = new Int32Array(n).fill(-1);
  const placed: number[] = [];
  for (let f = 0; f < facilityLon.length; f++) if (Number.isFinite(facilityLon[f]) && Number.isFinite(facilityLat[f])) placed.push(f);
  if (placed.length === 0) return { minutes, facility, model: 'straight_line' };
  const which = Int32Array.from(placed);
  const tree = new KDBush(which.length);
  for (const f of which) tree.add(facilityLon[f]!, facilityLat[f]!);
  tree.finish();
  const search = new NearestSearch(tree);
  // metres → minutes: × detour ÷ (km/h × 1000 / 60)
  const urbanFactor = (model.detour * 60) / (model.urbanKmh * 1000),
    ruralFactor = (model.detour * 60) / (model.ruralKmh * 1000);
  for (let p = 0; p < n; p++) {
    const x = points.lon[p]!,
      y = points.lat[p]!;
    if (!(Number.isFinite(x) && Number.isFinite(y))) continue;
    const f = which[search.find(x, y, Infinity, which)]!;
    facility[p] = f;
    minutes[p] = search.metres * (points.urban[p] === 1 ? urbanFactor : ruralFactor);
  }
  return { minutes, facility, model: 'straight_line' };
}
