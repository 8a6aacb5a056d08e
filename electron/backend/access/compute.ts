/**
 * One access computation, as the worker thread runs it: travel minutes from (or to) the nearest
 * facility for every demand point, on the plan's roads or, without them, in a straight line.
 *
 * The graph and its node index are kept between runs while the network and speeds are the same
 * (`networkKey`), and so is the last nearest-facility field: when a run differs from the last only
 * in where one facility stands (a planner moved a station), the field is updated incrementally.
 */
import {
  DEFAULT_CONNECTOR_KMH, demandTravel, facilitySources, NearestFacilityField, snapPoints, straightLineTravel, type Direction,
} from '../../../shared/access/index.ts';
import { cachedNetwork, snappedDemand, type NetworkInput } from '../worker/network-cache.ts';

export interface ComputeInput {
  /** Null: no road network, the straight-line model. */
  network: NetworkInput | null;
  direction: Direction;
  dispatchSeconds: number;
  facilities: { lon: Float64Array; lat: Float64Array };
  /** The facilities' identity (ids joined): a moved one is the same list with one place changed. */
  facilityKey: string;
  demand: { lon: Float64Array; lat: Float64Array; urban: Uint8Array };
  /** The demand points' identity (codes joined), so a cached snap of them can be reused. */
  demandKey: string;
}

export interface ComputeOutput {
  minutes: Float64Array;
  facility: Int32Array;
  model: 'road' | 'straight_line';
  /** Demand points too far from any road to be snapped. */
  offNetwork: number;
  /** Whether the last field was updated in place (one facility moved) rather than searched afresh. */
  incremental: boolean;
}

export type Progress = (stage: 'graph' | 'snap' | 'search' | 'done', share: number) => void;

/** The last field, on the network of that key. */
interface LastField { networkKey: string; direction: Direction; dispatchSeconds: number; facilityKey: string; lon: Float64Array; lat: Float64Array; field: NearestFacilityField }
let lastField: LastField | null = null;

/** The one facility whose place changed, or -1 when none or more did (or the list is another one). */
function movedOne(last: LastField, lon: Float64Array, lat: Float64Array): number {
  if (last.lon.length !== lon.length) return -2;
  let moved = -1;
  for (let f = 0; f < lon.length; f++) {
    if (last.lon[f] === lon[f] && last.lat[f] === lat[f]) continue;
    if (moved >= 0) return -2;
    moved = f;
  }
  return moved;
}

export function computeAccess(input: ComputeInput, progress: Progress = () => {}): ComputeOutput {
  const { demand, facilities } = input;
  if (!input.network?.data) {
    const t = straightLineTravel(facilities.lon, facilities.lat, demand);
    // The dispatch delay counts as on the roads (facilitySources adds it to every start).
    if (input.dispatchSeconds > 0) for (let d = 0; d < t.minutes.length; d++) t.minutes[d]! += input.dispatchSeconds / 60;
    progress('done', 1);
    return { minutes: t.minutes, facility: t.facility, model: 'straight_line', offNetwork: 0, incremental: false };
  }
  const c = cachedNetwork({ ...input.network, data: input.network.data }, () => progress('graph', 0));
  progress('snap', 0.3);
  const snapped = snappedDemand(c, input.demandKey, demand.lon, demand.lat);
  const stations = snapPoints(c.graph, c.index, facilities.lon, facilities.lat, DEFAULT_CONNECTOR_KMH);
  const sources = facilitySources(stations, input.dispatchSeconds);
  progress('search', 0.5);
  const last = lastField?.networkKey === c.key ? lastField : null;
  const same = last && last.direction === input.direction && last.dispatchSeconds === input.dispatchSeconds && last.facilityKey === input.facilityKey;
  const moved = same ? movedOne(last, facilities.lon, facilities.lat) : -2;
  let field: NearestFacilityField;
  if (last && moved >= -1) {
    field = last.field;
    if (moved >= 0) field.move(moved, sources.node[moved]!, sources.startSeconds[moved]!);
  } else {
    field = new NearestFacilityField(c.graph, input.direction);
    field.run(sources);
  }
  lastField = { networkKey: c.key, direction: input.direction, dispatchSeconds: input.dispatchSeconds, facilityKey: input.facilityKey, lon: facilities.lon.slice(), lat: facilities.lat.slice(), field };
  const t = demandTravel(field, snapped);
  progress('done', 1);
  return { minutes: t.minutes, facility: t.facility, model: 'road', offNetwork: snapped.offNetwork, incremental: !!last && moved >= -1 };
}
