/**
 * 服务范围: filled travel-time areas (5/10/15/30 minutes …) and each facility's catchment (the places
 * whose nearest facility it is) as polygons, from the nearest-facility field of an access run.
 *
 * Entry points:
 * - `serviceAreas(input)`: the areas as GeoJSON MultiPolygon coordinates (WGS-84), with the cell size
 *   that is their tolerance.
 * - `areaPopulations(minutes, facility, population, bands, facilityCount)`: the people in each band and
 *   each catchment, from the demand points' own minutes (so they agree with the access result).
 * - `serviceAreaNote(areas, connectorKmh)`: the method in words, zh and en.
 *
 * The method: a raster over the area the bands can reach, its cell chosen from the extent (at least
 * `minCellMetres`, at most `maxCells` cells). Each cell centre's time is what a demand point standing
 * there would get — the same rule as snapPoints + demandTravel: its nearest road node (within the snap
 * limit, ties to the lower node), that node's time plus the straight line at the connector speed;
 * unreachable when the node is reached by no facility. Then marching squares with saddle
 * disambiguation (service-area-rings.ts) gives closed rings — outer counter-clockwise, holes clockwise
 * — simplified within half a cell. A catchment is the same on the cells' nearest facility. The
 * boundary is placed to within about a cell of where the sampled time crosses the band: that is the
 * stated tolerance (`cellMetres`).
 */
import { CATCHMENT_PALETTE_SIZE, catchmentNeighbours, colourCatchments } from './catchment-colours.ts';
import type { NearestFacility } from './dijkstra.ts';
import type { RoadGraph } from './graph.ts';
import { NearestSearch } from './nearest.ts';
import { ContourTracer, type GridPolygon, polygons } from './service-area-rings.ts';
import { DEFAULT_SNAP_LIMIT_METRES, type NodeIndex } from './snap.ts';

/** GeoJSON MultiPolygon coordinates: polygons of rings of [lon, lat], each ring closed. */
export type MultiPolygonCoords = number[][][][];

export interface ServiceAreaInput {
  graph: Pick<RoadGraph, 'lon' | 'lat' | 'nodeCount'>;
  /** The graph's node index (snap.ts): the nodes a place can be snapped to. */
  index: NodeIndex;
  /** The run's field: per node, seconds and facility. */
  field: NearestFacility;
  facilityCount: number;
  /** The connector speed of the demand points on this graph (15 by car, 4.8 on foot). */
  connectorKmh: number;
  /** Farther than this from every node, a place is off the network (as demand points). */
  maxSnapMetres?: number;
  /** Band upper bounds in minutes ("within 10 minutes"). */
  bands: readonly number[];
  /** Also each facility's catchment (all the places it is the nearest for, at any time). */
  catchments?: boolean;
  /** Cells no smaller than this (default 100 m) … */
  minCellMetres?: number;
  /** … and no more of them than this (default 1,000,000): the cell grows with the extent. */
  maxCells?: number;
}

export interface ServiceAreas {
  /** The side of a cell in metres: the tolerance of every boundary. */
  cellMetres: number;
  /** Cells sampled. */
  cells: number;
  bands: { minutes: number; polygons: MultiPolygonCoords }[];
  /** Per facility index (every one, an empty MultiPolygon for one that reaches nothing); absent unless asked. */
  catchments?: MultiPolygonCoords[];
  /** Per facility index with catchments: its colour in the palette, touching catchments differing (catchment-colours.ts). */
  catchmentColours?: number[];
}

/** Metres per degree of latitude (mean Earth radius, as geo/crs.ts). */
const M_PER_DEG = (6371008.8 * Math.PI) / 180;
const RAD = Math.PI / 180;
export const DEFAULT_AREA_MAX_CELLS = 1_000_000;
export const DEFAULT_AREA_MIN_CELL_METRES = 100;

/** A cell size at least `min`, giving at most `maxCells` cells over w × h metres, rounded up to 25 m (100 m above 1 km). */
export function cellSizeFor(widthMetres: number, heightMetres: number, min: number, maxCells: number): number {
  const raw = Math.max(min, Math.sqrt((Math.max(widthMetres, 1) * Math.max(heightMetres, 1)) / maxCells));
  const step = raw > 1000 ? 100 : 25;
  let cell = Math.ceil(raw / step) * step;
  while ((Math.floor(widthMetres / cell) + 1) * (Math.floor(heightMetres / cell) + 1) > maxCells) cell += step;
  return cell;
}

export function serviceAreas(input: ServiceAreaInput): ServiceAreas {
  const { graph, field } = input;
  const bands = [...new Set(input.bands)].filter((b) => b > 0 && Number.isFinite(b)).sort((a, b) => a - b);
  const limit = input.maxSnapMetres ?? DEFAULT_SNAP_LIMIT_METRES;
  const metresPerSecond = input.connectorKmh / 3.6;
  const catchments = !!input.catchments;
  // The extent: nodes within the largest band (any reached node for catchments), widened by as far
  // as a connector can go in the time left (at most the snap limit). Beyond it no place is within.
  const cut = catchments ? Infinity : (bands.at(-1) ?? 0) * 60;
  let minLon = Infinity,
    minLat = Infinity,
    maxLon = -Infinity,
    maxLat = -Infinity,
    minSeconds = Infinity;
  const { seconds, facility } = field;
  for (let n = 0; n < graph.nodeCount; n++) {
    const s = seconds[n]!;
    if (facility[n]! < 0 || !(s <= cut)) continue;
    const x = graph.lon[n]!,
      y = graph.lat[n]!;
    if (x < minLon) minLon = x;
    if (x > maxLon) maxLon = x;
    if (y < minLat) minLat = y;
    if (y > maxLat) maxLat = y;
    if (s < minSeconds) minSeconds = s;
  }
  const empty = (): ServiceAreas => ({
    cellMetres: 0,
    cells: 0,
    bands: bands.map((minutes) => ({ minutes, polygons: [] })),
    ...(catchments
      ? { catchments: Array.from({ length: input.facilityCount }, () => []), catchmentColours: new Array<number>(input.facilityCount).fill(0) }
      : {}),
  });
  if (!(minLon <= maxLon)) return empty();
  const margin = Math.min(limit, (cut - minSeconds) * metresPerSecond);
  const midLat = (minLat + maxLat) / 2;
  const cosMid = Math.cos(midLat * RAD);
  const mLat = margin / M_PER_DEG,
    mLon = margin / (M_PER_DEG * cosMid);
  minLon -= mLon;
  maxLon += mLon;
  minLat -= mLat;
  maxLat += mLat;
  const widthM = (maxLon - minLon) * M_PER_DEG * cosMid,
    heightM = (maxLat - minLat) * M_PER_DEG;
  const cell = cellSizeFor(widthM, heightM, input.minCellMetres ?? DEFAULT_AREA_MIN_CELL_METRES, input.maxCells ?? DEFAULT_AREA_MAX_CELLS);
  const dLat = cell / M_PER_DEG,
    dLon = cell / (M_PER_DEG * cosMid);
  const W = Math.floor(widthM / cell) + 1,
    H = Math.floor(heightM / cell) + 1;
  // Centre the lattice on the extent.
  const lon0 = (minLon + maxLon) / 2 - ((W - 1) * dLon) / 2,
    lat0 = (minLat + maxLat) / 2 - ((H - 1) * dLat) / 2;

  const { time, near } = sampleGrid(input, lon0, lat0, dLon, dLat, W, H, limit, metresPerSecond);

  const tracer = new ContourTracer(W, H);
  const inside = new Uint8Array(W * H);
  const toLonLat = (polys: GridPolygon[]): MultiPolygonCoords =>
    polys.map((rings) =>
      rings.map((r) => {
        const out: number[][] = [];
        for (let p = 0; p < r.length; p += 2) out.push([round6(lon0 + r[p]! * dLon), round6(lat0 + r[p + 1]! * dLat)]);
        out.push(out[0]!.slice());
        return out;
      }),
    );
  const whole = [0, 0, W - 1, H - 1];
  const bandsOut = bands.map((minutes) => {
    const t = minutes * 60;
    for (let k = 0; k < time.length; k++) inside[k] = time[k]! <= t ? 1 : 0;
    return { minutes, polygons: toLonLat(polygons(tracer.trace(inside, time, t, whole))) };
  });
  const out: ServiceAreas = { cellMetres: cell, cells: W * H, bands: bandsOut };
  if (catchments) {
    // Each facility's box of cells, then its rings inside that box only.
    const F = input.facilityCount;
    const box = new Int32Array(4 * F);
    for (let f = 0; f < F; f++) {
      box[4 * f] = W;
      box[4 * f + 1] = H;
      box[4 * f + 2] = -1;
      box[4 * f + 3] = -1;
    }
    for (let j = 0, k = 0; j < H; j++) {
      for (let i = 0; i < W; i++, k++) {
        const f = near[k]!;
        if (f < 0 || f >= F) continue;
        if (i < box[4 * f]!) box[4 * f] = i;
        if (j < box[4 * f + 1]!) box[4 * f + 1] = j;
        if (i > box[4 * f + 2]!) box[4 * f + 2] = i;
        if (j > box[4 * f + 3]!) box[4 * f + 3] = j;
      }
    }
    inside.fill(0);
    out.catchmentColours = Array.from(colourCatchments(catchmentNeighbours(near, W, H, F), CATCHMENT_PALETTE_SIZE));
    out.catchments = [];
    for (let f = 0; f < F; f++) {
      const i0 = box[4 * f]!,
        j0 = box[4 * f + 1]!,
        i1 = box[4 * f + 2]!,
        j1 = box[4 * f + 3]!;
      if (i1 < i0) {
        out.catchments.push([]);
        continue;
      }
      for (let j = j0; j <= j1; j++) for (let i = i0, k = j * W + i0; i <= i1; i++, k++) inside[k] = near[k] === f ? 1 : 0;
      out.catchments.push(toLonLat(polygons(tracer.trace(inside, null, 0, [i0, j0, i1, j1]))));
      for (let j = j0; j <= j1; j++) inside.fill(0, j * W + i0, j * W + i1 + 1);
    }
  }
  return out;
}

/**
 * Per cell centre, its time (seconds, Infinity when unreachable) and nearest facility (-1), as a demand
 * point there would have them. Along a row the last cell's node bounds the search: the nearest node
 * of the next centre is no farther than that node is from it (the triangle inequality), so the search
 * box starts small; the answer is the same as an unbounded search's.
 */
function sampleGrid(
  input: ServiceAreaInput,
  lon0: number,
  lat0: number,
  dLon: number,
  dLat: number,
  W: number,
  H: number,
  limit: number,
  metresPerSecond: number,
): { time: Float64Array; near: Int32Array } {
  const { graph, index, field } = input;
  const time = new Float64Array(W * H).fill(Infinity);
  const near = new Int32Array(W * H).fill(-1);
  const search = new NearestSearch(index.tree);
  const nodeOf = index.node;
  const { seconds, facility } = field;
  for (let j = 0; j < H; j++) {
    const lat = lat0 + j * dLat;
    const cosLat = Math.cos(lat * RAD);
    let prev = -1;
    for (let i = 0; i < W; i++) {
      const lon = lon0 + i * dLon;
      let bound = limit;
      if (prev >= 0) {
        // Metres from this centre to the last centre's node (haversine), plus a centimetre for rounding.
        const nLon = graph.lon[prev]!,
          nLat = graph.lat[prev]!;
        const sLat = Math.sin(((nLat - lat) * RAD) / 2),
          sLon = Math.sin(((nLon - lon) * RAD) / 2);
        const h = sLat * sLat + cosLat * Math.cos(nLat * RAD) * sLon * sLon;
        const d = 2 * 6371008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
        if (d + 0.01 < limit) bound = d + 0.01;
      }
      const item = search.find(lon, lat, bound, nodeOf);
      if (item < 0) {
        prev = -1;
        continue;
      }
      const node = nodeOf[item]!;
      prev = node;
      const f = facility[node]!;
      if (f < 0) continue;
      const k = j * W + i;
      near[k] = f;
      time[k] = seconds[node]! + search.metres / metresPerSecond;
    }
  }
  return { time, near };
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

/**
 * People per band (points within its minutes, as coverage counts "within") and per facility (points
 * whose nearest it is, reachable at all), from the demand points' own travel.
 */
export function areaPopulations(
  minutes: Float64Array,
  facility: Int32Array,
  population: Float64Array,
  bands: readonly number[],
  facilityCount: number,
): { bands: Float64Array; catchments: Float64Array } {
  const byBand = new Float64Array(bands.length),
    byFacility = new Float64Array(facilityCount);
  for (let p = 0; p < minutes.length; p++) {
    const m = minutes[p]!,
      pop = population[p]!;
    if (!(m < Infinity)) continue;
    for (let b = 0; b < bands.length; b++) if (m <= bands[b]!) byBand[b]! += pop;
    const f = facility[p]!;
    if (f >= 0 && f < facilityCount) byFacility[f]! += pop;
  }
  return { bands: byBand, catchments: byFacility };
}

/** The method, said on the map and in the GeoJSON. */
export function serviceAreaNote(cellMetres: number, connectorKmh: number, limitMetres = DEFAULT_SNAP_LIMIT_METRES): { zh: string; en: string } {
  const km = limitMetres / 1000;
  return {
    zh:
      `服务范围：在 ${cellMetres} 米格网的每个格心按需求点同样的规则计时（最近路网节点的时间 + 直线连接线 ÷ ${connectorKmh} 公里/小时，`
      + `离路网超过 ${km} 公里为不可达），再提取等值线并简化；边界误差约一个格网（${cellMetres} 米）。人口按需求点自身的分钟数统计，与覆盖结果一致`,
    en:
      `Service areas: each centre of a ${cellMetres} m grid timed by the demand points' rule (its nearest road node's time + the straight `
      + `connector at ${connectorKmh} km/h; over ${km} km from a road, unreachable), then contoured and simplified; boundaries within about `
      + `one cell (${cellMetres} m). Population from the demand points' own minutes, as in the coverage`,
  };
}
