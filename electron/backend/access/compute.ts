/**
 * One access computation, as the worker thread runs it: travel minutes from (or to) the nearest
 * facility for every demand point, on the plan's roads or, without them, in a straight line.
 *
 * The graph and its node index are kept between runs while the network and speeds are the same
 * (`networkKey`), and so is the last nearest-facility field: when a run differs from the last only
 * in where one facility stands (a planner moved a station), the field is updated incrementally.
 */
import {
  buildNodeIndex, buildRoadGraph, DEFAULT_CONNECTOR_KMH, demandTravel, facilitySources, NearestFacilityField, snapPoints, straightLineTravel,
  type Direction, type NodeIndex, type RoadGraph, type RoadNetworkData,
} from '../../../shared/access/index.ts';

export interface ComputeInput {
  /** Null: no road network, the straight-line model. */
  network: { key: string; data: RoadNetworkData | null; speeds: Record<string, number> } | null;
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

interface Cache {
  key: string;
  graph: RoadGraph;
  index: NodeIndex;
  demandKey?: string;
  demand?: ReturnType<typeof snapPoints>;
  last?: { direction: Direction; dispatchSeconds: number; facilityKey: string; lon: Float64Array; lat: Float64Array; field: NearestFacilityField };
}
let cache: Cache | null = null;

/** The one facility whose place changed, or -1 when none or more did (or the list is another one). */
function movedOne(last: NonNullable<Cache['last']>, lon: Float64Array, lat: Float64Array): number {
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
    progress('done', 1);
    return { minutes: t.minutes, facility: t.facility, model: 'straight_line', offNetwork: 0, incremental: false };
  }
  if (cache?.key !== input.network.key) {
    progress('graph', 0);
    const graph = buildRoadGraph(input.network.data, input.network.speeds);
    cache = { key: input.network.key, graph, index: buildNodeIndex(graph) };
  }
  const c = cache;
  progress('snap', 0.3);
  if (c.demandKey !== input.demandKey || !c.demand) {
    c.demand = snapPoints(c.graph, c.index, demand.lon, demand.lat, DEFAULT_CONNECTOR_KMH);
    c.demandKey = input.demandKey;
  }
  const stations = snapPoints(c.graph, c.index, facilities.lon, facilities.lat, DEFAULT_CONNECTOR_KMH);
  const sources = facilitySources(stations, input.dispatchSeconds);
  progress('search', 0.5);
  const last = c.last;
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
  c.last = { direction: input.direction, dispatchSeconds: input.dispatchSeconds, facilityKey: input.facilityKey, lon: facilities.lon.slice(), lat: facilities.lat.slice(), field };
  const t = demandTravel(field, c.demand);
  progress('done', 1);
  return { minutes: t.minutes, facility: t.facility, model: 'road', offNetwork: c.demand.offNetwork, incremental: !!last && moved >= -1 };
}
