// Small networks for the access tests, drawn in metres on the equator (where a metre east or north
// is the same everywhere, so times can be worked out by hand): x east, y north of (0°, 0°).
import type { RoadGraph } from '../../../shared/access/graph.ts';
import type { RoadNetworkData } from '../../../shared/access/network.ts';

export const M_PER_DEG = (6371008.8 * Math.PI) / 180;
export const lonOf = (x: number) => x / M_PER_DEG;
export const latOf = (y: number) => y / M_PER_DEG;

export interface Seg {
  pts: [number, number][];
  highway?: string;
  kmh?: number;
  oneway?: -1 | 0 | 1;
}

/** Network data from segments given in metres. */
export function network(segs: readonly Seg[]): RoadNetworkData {
  const offsets = [0];
  const coords: number[] = [];
  for (const s of segs) {
    for (const [x, y] of s.pts) coords.push(lonOf(x), latOf(y));
    offsets.push(coords.length / 2);
  }
  return {
    offsets: Uint32Array.from(offsets),
    coords: Float64Array.from(coords),
    highway: segs.map((s) => s.highway ?? 'residential'),
    speedKmh: Float32Array.from(segs, (s) => s.kmh ?? NaN),
    oneway: Int8Array.from(segs, (s) => s.oneway ?? 0),
  };
}

/** 36 km/h: 10 m/s, 100 m in 10 s. */
export const SPEEDS = { residential: 36, primary: 72 };

/** A graph straight from directed edges [from, to, seconds] (no geometry: nodes on the equator). */
export function graphFromEdges(nodeCount: number, edges: readonly (readonly [number, number, number])[]): RoadGraph {
  const csr = (pick: (e: readonly [number, number, number]) => [number, number]) => {
    const offsets = new Uint32Array(nodeCount + 1);
    for (const e of edges) offsets[pick(e)[0] + 1]!++;
    for (let n = 0; n < nodeCount; n++) offsets[n + 1]! += offsets[n]!;
    const fill = offsets.slice();
    const targets = new Uint32Array(edges.length),
      seconds = new Float32Array(edges.length);
    for (const e of edges) {
      const [a, b] = pick(e);
      const at = fill[a]!++;
      targets[at] = b;
      seconds[at] = e[2];
    }
    return { offsets, targets, seconds };
  };
  return {
    nodeCount,
    lon: Float64Array.from({ length: nodeCount }, (_, i) => i * 0.001),
    lat: new Float64Array(nodeCount),
    forward: csr((e) => [e[0], e[1]]),
    reverse: csr((e) => [e[1], e[0]]),
    pointNode: new Uint32Array(0),
  };
}

/** mulberry32, the sample's own deterministic PRNG. */
export { mulberry32 as prng } from '../../../shared/sample/prng.ts';

/**
 * A side × side grid network in metres (spacing 200 m, jittered), random speeds from 10 to 80 km/h,
 * about one segment in six one-way (either way), each row and column cut into segments of 3 edges.
 */
export function gridNetwork(side: number, rand: () => number): RoadNetworkData {
  const at = (i: number, j: number): [number, number] => [i * 200 + (rand() - 0.5) * 60, j * 200 + (rand() - 0.5) * 60];
  const pos: [number, number][] = [];
  for (let j = 0; j < side; j++) for (let i = 0; i < side; i++) pos.push(at(i, j));
  const segs: Seg[] = [];
  const line = (node: (t: number) => number) => {
    for (let t0 = 0; t0 < side - 1; t0 += 3) {
      const pts: [number, number][] = [];
      for (let t = t0; t <= Math.min(side - 1, t0 + 3); t++) pts.push(pos[node(t)]!);
      const r = rand();
      segs.push({
        pts,
        highway: rand() < 0.3 ? 'primary' : 'residential',
        kmh: rand() < 0.5 ? 10 + rand() * 70 : undefined,
        oneway: r < 0.08 ? 1 : r < 0.16 ? -1 : 0,
      });
    }
  };
  for (let j = 0; j < side; j++) line((t) => j * side + t);
  for (let i = 0; i < side; i++) line((t) => t * side + i);
  return network(segs);
}
