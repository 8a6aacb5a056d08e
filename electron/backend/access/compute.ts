/**
 * One access computation, as the worker thread runs it: travel minutes from (or to) the nearest
 * facility for every demand point, on the plan's roads or, without them, in a straight line.
 *
 * The graph and its node index are kept between runs while the network and speeds are the same
 * (`networkKey`), and so is the last nearest-facility field: when a run differs from the last only
 * in where one facility stands (a planner moved a station), or when its list is the last one with
 * more appended (a siting proposal after the existing facilities alone), the field is updated
 * incrementally — exactly the full search's labels, for a bounded search per change.
 *
 * Travel modes (出行方式): each demand point travels by car or on foot by its urban/rural flag. One
 * field per mode needed (the walking graph apart, network-cache.ts), each point's minutes from its
 * own mode's. Nobody dispatches a walk: the dispatch delay is added by car only.
 */
import {
  demandTravel,
  DRIVE,
  type DemandTravel,
  facilitySources,
  modeOf,
  modesUsed,
  NearestFacilityField,
  type Snapped,
  snapPoints,
  straightLineTravel,
  travelFallback,
  type Direction,
  type TravelMode,
  type TravelModes,
} from '../../../shared/access/index.ts';
import { cachedNetwork, type CachedNetwork, snappedDemand, type NetworkInput } from '../worker/network-cache.ts';
import { type AreasComputed, areasOnGraph } from './areas-compute.ts';

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
  /** By car or on foot, per urban/rural point (default by car everywhere). */
  travel?: TravelModes;
  /** 服务范围: polygons for these bands (minutes), and per facility with catchments (areas-compute.ts). */
  areas?: { bands: number[]; catchments: boolean };
}

export interface ComputeOutput {
  minutes: Float64Array;
  facility: Int32Array;
  model: 'road' | 'straight_line';
  /** Demand points too far from any road to be snapped. */
  offNetwork: number;
  /** Whether the last field was updated in place (one facility moved) rather than searched afresh. */
  incremental: boolean;
  /** The service areas asked for (on the roads only). */
  areas?: AreasComputed;
}

export type Progress = (stage: 'graph' | 'snap' | 'search' | 'done', share: number) => void;

/** The last field on a graph (by car or on foot), kept with the graph's cache entry. */
interface LastField {
  direction: Direction;
  dispatchSeconds: number;
  facilityKey: string;
  lon: Float64Array;
  lat: Float64Array;
  field: NearestFacilityField;
}
const lastFields = new WeakMap<CachedNetwork, LastField>();

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

/**
 * How many of the last field's facilities begin this list unchanged, when this list is that one
 * with more appended (a siting proposal evaluated after the existing facilities alone); else -1.
 */
function extendsLast(last: LastField, facilityKey: string, lon: Float64Array, lat: Float64Array): number {
  const count = last.lon.length;
  if (count === 0 || lon.length <= count || !facilityKey.startsWith(`${last.facilityKey}\u0000`)) return -1;
  for (let f = 0; f < count; f++) if (last.lon[f] !== lon[f] || last.lat[f] !== lat[f]) return -1;
  return count;
}

export function computeAccess(input: ComputeInput, progress: Progress = () => {}): ComputeOutput {
  const { demand, facilities } = input;
  const travel = input.travel ?? DRIVE;
  if (!input.network?.data) {
    const t = straightLineTravel(facilities.lon, facilities.lat, demand, travelFallback(travel));
    // The dispatch delay counts as on the roads (facilitySources adds it to every start): by car only.
    if (input.dispatchSeconds > 0) {
      for (let d = 0; d < t.minutes.length; d++) if (modeOf(travel, demand.urban[d]!) === 'drive') t.minutes[d]! += input.dispatchSeconds / 60;
    }
    progress('done', 1);
    return { minutes: t.minutes, facility: t.facility, model: 'straight_line', offNetwork: 0, incremental: false };
  }
  const net = { ...input.network, data: input.network.data };
  const modes = modesUsed(travel, demand.urban);
  const runs = modes.map((mode, i) =>
    onGraph(
      input,
      cachedNetwork(net, () => progress('graph', 0), mode),
      mode,
      progress,
      i === modes.length - 1,
    ),
  );
  // Service areas on one mode's field: by car where the run mixes modes.
  const areas = input.areas ? areasOnGraph(runs[modes.includes('drive') ? modes.indexOf('drive') : 0]!, input.areas, facilities.lon.length) : undefined;
  if (runs.length === 1) {
    const r = runs[0]!;
    return { minutes: r.travel.minutes, facility: r.travel.facility, model: 'road', offNetwork: r.snapped.offNetwork, incremental: r.incremental, areas };
  }
  // Mixed: each point from its own mode's run.
  const n = demand.lon.length;
  const minutes = new Float64Array(n),
    facility = new Int32Array(n);
  let offNetwork = 0;
  for (let p = 0; p < n; p++) {
    const r = runs[modes.indexOf(modeOf(travel, demand.urban[p]!))]!;
    minutes[p] = r.travel.minutes[p]!;
    facility[p] = r.travel.facility[p]!;
    if (r.snapped.node[p]! < 0) offNetwork++;
  }
  return { minutes, facility, model: 'road', offNetwork, incremental: runs.every((r) => r.incremental), areas };
}

/** The nearest-facility field on one mode's graph (updated in place when one facility moved), and every point's minutes on it. */
function onGraph(
  input: ComputeInput,
  c: CachedNetwork,
  mode: TravelMode,
  progress: Progress,
  last: boolean,
): { travel: DemandTravel; snapped: Snapped; incremental: boolean; field: NearestFacilityField; network: CachedNetwork; mode: TravelMode } {
  const { demand, facilities } = input;
  progress('snap', 0.3);
  const snapped = snappedDemand(c, input.demandKey, demand.lon, demand.lat);
  const stations = snapPoints(c.graph, c.index, facilities.lon, facilities.lat, c.connectorKmh);
  const dispatchSeconds = mode === 'walk' ? 0 : input.dispatchSeconds;
  const sources = facilitySources(stations, dispatchSeconds);
  progress('search', 0.5);
  const prev = lastFields.get(c);
  const same = prev && prev.direction === input.direction && prev.dispatchSeconds === dispatchSeconds && prev.facilityKey === input.facilityKey;
  const moved = same ? movedOne(prev, facilities.lon, facilities.lat) : -2;
  // The same facilities and more (same direction and delay): the new ones added to the last field, each a bounded search.
  const kept =
    prev && !same && prev.direction === input.direction && prev.dispatchSeconds === dispatchSeconds
      ? extendsLast(prev, input.facilityKey, facilities.lon, facilities.lat)
      : -1;
  let field: NearestFacilityField;
  if (prev && moved >= -1) {
    field = prev.field;
    if (moved >= 0) field.move(moved, sources.node[moved]!, sources.startSeconds[moved]!);
  } else if (prev && kept > 0) {
    field = prev.field;
    for (let f = kept; f < facilities.lon.length; f++) field.add(sources.node[f]!, sources.startSeconds[f]!);
  } else {
    field = new NearestFacilityField(c.graph, input.direction);
    field.run(sources);
  }
  lastFields.set(c, {
    direction: input.direction,
    dispatchSeconds,
    facilityKey: input.facilityKey,
    lon: facilities.lon.slice(),
    lat: facilities.lat.slice(),
    field,
  });
  const travel = demandTravel(field, snapped);
  if (last) progress('done', 1);
  return { travel, snapped, incremental: !!prev && (moved >= -1 || kept > 0), field, network: c, mode };
}
