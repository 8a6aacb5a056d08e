// Benchmark: the travel-time engine on a generated city-and-county road network of ~1,000,000
// directed edges (a jittered 500 × 500 grid, denser in the core, arterials faster than local
// streets, some one-way streets), 100,000 demand points and 300 ambulance stations.
// Goals: build + one full nearest-station computation < 1 s on one core; moving one station < 200 ms.
// `--geojson FILE` also writes the network as a GeoJSON FeatureCollection of LineStrings.
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { coverage, demandTravel, travelTimeBands } from '../../shared/access/coverage.ts';
import { facilitySources } from '../../shared/access/dijkstra.ts';
import { NearestFacilityField } from '../../shared/access/field.ts';
import { buildRoadGraph } from '../../shared/access/graph.ts';
import { DEFAULT_CONNECTOR_KMH, DEFAULT_ROAD_SPEEDS, type RoadNetworkData } from '../../shared/access/network.ts';
import { buildNodeIndex, snapPoints } from '../../shared/access/snap.ts';
import { mulberry32 } from '../../shared/sample/prng.ts';

const prng = mulberry32;

const LON0 = 112.95,
  LAT0 = 28.2; // around 长沙
const M_PER_DEG_LAT = 111_195;
const M_PER_DEG_LON = M_PER_DEG_LAT * Math.cos((LAT0 * Math.PI) / 180);
const HALF = 50_000; // the region is 100 km × 100 km, a prefecture-level city
const CORE = 15_000; // urban within 15 km of the centre
const toLon = (x: number) => LON0 + x / M_PER_DEG_LON;
const toLat = (y: number) => LAT0 + y / M_PER_DEG_LAT;

/** A side × side grid of junctions, warped so the core is four times denser than the edge. */
function generateNetwork(side: number, rand: () => number): RoadNetworkData {
  const warp = (u: number) => 0.5 * u + 0.5 * u * u * u; // u in [-1, 1]
  const step = 2 / (side - 1);
  const px = new Float64Array(side * side),
    py = new Float64Array(side * side);
  for (let j = 0; j < side; j++) {
    for (let i = 0; i < side; i++) {
      const u = -1 + i * step,
        v = -1 + j * step;
      const sx = HALF * (warp(u + step) - warp(u)),
        sy = HALF * (warp(v + step) - warp(v)); // local spacing
      px[j * side + i] = toLon(HALF * warp(u) + (rand() - 0.5) * 0.4 * sx);
      py[j * side + i] = toLat(HALF * warp(v) + (rand() - 0.5) * 0.4 * sy);
    }
  }
  const PER_SEGMENT = 8; // edges per polyline, as an import has ways of several points
  const offsets: number[] = [0];
  const coords: number[] = [];
  const highway: string[] = [];
  const speedKmh: number[] = [];
  const oneway: number[] = [];
  const line = (k: number, at: (t: number) => number) => {
    const cls = k % 50 === 0 ? 'trunk' : k % 10 === 0 ? 'primary' : k % 5 === 0 ? 'secondary' : '';
    for (let t0 = 0; t0 < side - 1; t0 += PER_SEGMENT) {
      const t1 = Math.min(side - 1, t0 + PER_SEGMENT);
      for (let t = t0; t <= t1; t++) {
        const n = at(t);
        coords.push(px[n]!, py[n]!);
      }
      offsets.push(coords.length / 2);
      const mid = at((t0 + t1) >> 1);
      const dx = (px[mid]! - LON0) * M_PER_DEG_LON,
        dy = (py[mid]! - LAT0) * M_PER_DEG_LAT;
      highway.push(cls || (Math.hypot(dx, dy) < CORE ? 'residential' : 'unclassified'));
      speedKmh.push(!cls && rand() < 0.1 ? 15 + rand() * 35 : NaN); // some streets with a speed of their own
      oneway.push(!cls && rand() < 0.06 ? (rand() < 0.5 ? 1 : -1) : 0);
    }
  };
  for (let j = 0; j < side; j++) line(j, (t) => j * side + t);
  for (let i = 0; i < side; i++) line(i, (t) => t * side + i);
  return {
    offsets: Uint32Array.from(offsets),
    coords: Float64Array.from(coords),
    highway,
    speedKmh: Float32Array.from(speedKmh),
    oneway: Int8Array.from(oneway),
  };
}

/** Points: 60 % around the centre (σ 8 km), 40 % anywhere. */
function scatter(count: number, rand: () => number): { lon: Float64Array; lat: Float64Array; x: Float64Array; y: Float64Array } {
  const lon = new Float64Array(count),
    lat = new Float64Array(count),
    x = new Float64Array(count),
    y = new Float64Array(count);
  for (let p = 0; p < count; p++) {
    let a: number, b: number;
    if (rand() < 0.6) {
      const r = 8000 * Math.sqrt(-2 * Math.log(1 - rand())),
        th = 2 * Math.PI * rand();
      a = Math.max(-HALF, Math.min(HALF, r * Math.cos(th)));
      b = Math.max(-HALF, Math.min(HALF, r * Math.sin(th)));
    } else {
      a = (rand() * 2 - 1) * HALF;
      b = (rand() * 2 - 1) * HALF;
    }
    x[p] = a;
    y[p] = b;
    lon[p] = toLon(a);
    lat[p] = toLat(b);
  }
  return { lon, lat, x, y };
}

function writeGeoJson(file: string, net: RoadNetworkData): void {
  const fd = fs.openSync(file, 'w');
  fs.writeSync(fd, '{"type":"FeatureCollection","features":[\n');
  const segments = net.offsets.length - 1;
  let chunk: string[] = [];
  for (let s = 0; s < segments; s++) {
    const pts: string[] = [];
    for (let p = net.offsets[s]!; p < net.offsets[s + 1]!; p++) pts.push(`[${net.coords[2 * p]!.toFixed(7)},${net.coords[2 * p + 1]!.toFixed(7)}]`);
    const props: Record<string, unknown> = { highway: net.highway[s], oneway: net.oneway[s] === 1 ? 'yes' : net.oneway[s] === -1 ? '-1' : 'no' };
    if (!Number.isNaN(net.speedKmh[s])) props.speed_kmh = Math.round(net.speedKmh[s]! * 10) / 10;
    chunk.push(`{"type":"Feature","properties":${JSON.stringify(props)},"geometry":{"type":"LineString","coordinates":[${pts.join(',')}]}}`);
    if (chunk.length === 10_000 || s === segments - 1) {
      fs.writeSync(fd, chunk.join(',\n') + (s === segments - 1 ? '\n' : ',\n'));
      chunk = [];
    }
  }
  fs.writeSync(fd, ']}\n');
  fs.closeSync(fd);
}

const ms = (t0: number) => `${(performance.now() - t0).toFixed(1).padStart(8)} ms`;
const line = (label: string, t0: number) => console.log(`${label.padEnd(64)} ${ms(t0)}`);
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

const rand = prng(20250101);
let t0 = performance.now();
const net = generateNetwork(500, rand);
line(`generate network (${(net.offsets.length - 1).toLocaleString('en-US')} segments, ${(net.coords.length / 2).toLocaleString('en-US')} points)`, t0);
const geojson = process.argv.indexOf('--geojson');
if (geojson >= 0) {
  const file = process.argv[geojson + 1];
  if (!file) throw new Error('--geojson needs a file name');
  t0 = performance.now();
  writeGeoJson(file, net);
  line(`write ${file}`, t0);
}

// Warm up the code paths once on a small network, as a long-running backend would be.
{
  const small = generateNetwork(60, prng(1));
  const g = buildRoadGraph(small, DEFAULT_ROAD_SPEEDS);
  const ix = buildNodeIndex(g);
  const pts = scatter(2000, prng(2));
  const s = snapPoints(g, ix, pts.lon, pts.lat, DEFAULT_CONNECTOR_KMH);
  const f = new NearestFacilityField(g, 'from_facility');
  f.run(facilitySources(snapPoints(g, ix, pts.lon.subarray(0, 20), pts.lat.subarray(0, 20), DEFAULT_CONNECTOR_KMH)));
  f.move(3, 10, 0);
  demandTravel(f, s);
}

t0 = performance.now();
const graph = buildRoadGraph(net, DEFAULT_ROAD_SPEEDS);
const tBuild = performance.now() - t0;
line(`build graph: ${graph.nodeCount.toLocaleString('en-US')} nodes, ${graph.forward.targets.length.toLocaleString('en-US')} directed edges`, t0);

t0 = performance.now();
const index = buildNodeIndex(graph);
line('node index (kdbush)', t0);

const demandPts = scatter(100_000, rand);
const stationPts = scatter(300, rand);
t0 = performance.now();
const stations = snapPoints(graph, index, stationPts.lon, stationPts.lat, DEFAULT_CONNECTOR_KMH);
line('snap 300 stations', t0);
t0 = performance.now();
const demandSnap = snapPoints(graph, index, demandPts.lon, demandPts.lat, DEFAULT_CONNECTOR_KMH);
line(`snap 100,000 demand points (${demandSnap.offNetwork} off the network)`, t0);

const dispatch = new Float64Array(300).fill(60); // one minute to get rolling
const sources = facilitySources(stations, dispatch);
const field = new NearestFacilityField(graph, 'from_facility');
t0 = performance.now();
field.run(sources);
const demandTimes = demandTravel(field, demandSnap);
const tRun = performance.now() - t0;
line('full nearest station, from station (all nodes + demand points)', t0);
console.log(`${'  build + full computation (goal < 1000 ms)'.padEnd(64)} ${(tBuild + tRun).toFixed(1).padStart(8)} ms`);

const toField = new NearestFacilityField(graph, 'to_facility');
t0 = performance.now();
toField.run(sources);
demandTravel(toField, demandSnap);
line('full nearest station, to station (reverse graph)', t0);

// Demand points: 40 × 40 units over the region; urban inside the core.
const units = 40;
const unit = new Int32Array(100_000),
  urban = new Uint8Array(100_000),
  population = new Float64Array(100_000);
for (let p = 0; p < 100_000; p++) {
  const ux = Math.min(units - 1, Math.floor(((demandPts.x[p]! + HALF) / (2 * HALF)) * units));
  const uy = Math.min(units - 1, Math.floor(((demandPts.y[p]! + HALF) / (2 * HALF)) * units));
  unit[p] = uy * units + ux;
  urban[p] = Math.hypot(demandPts.x[p]!, demandPts.y[p]!) < CORE ? 1 : 0;
  population[p] = 50 + Math.floor(rand() * 450);
}
const demand = { lon: demandPts.lon, lat: demandPts.lat, population, urban, unit };
t0 = performance.now();
const cov = coverage(demand, demandTimes.minutes, { urbanMinutes: 10, ruralMinutes: 30 }, units * units);
const bands = travelTimeBands(demandTimes.minutes, population, 5, 60);
line('coverage 10/30 min per unit + 5-minute bands', t0);
console.log(
  `  covered ${((100 * cov.covered) / cov.population).toFixed(1)} % of ${cov.population.toLocaleString('en-US')} people (urban ${((100 * cov.urbanCovered) / cov.urbanPopulation).toFixed(1)} %, rural ${((100 * cov.ruralCovered) / cov.ruralPopulation).toFixed(1)} %), ${cov.uncovered.length.toLocaleString('en-US')} points uncovered`,
);
console.log(`  bands (points): ${Array.from(bands.count).join(' ')}`);

// Move one station at a time to a random demand point's node, 50 times.
const moveRand = prng(7);
const times: number[] = [],
  moveOnly: number[] = [];
for (let k = 0; k < 50; k++) {
  const f = Math.floor(moveRand() * 300);
  const p = Math.floor(moveRand() * 100_000);
  const node = demandSnap.node[p]!;
  t0 = performance.now();
  field.move(f, node, demandSnap.seconds[p]! + 60);
  moveOnly.push(performance.now() - t0);
  demandTravel(field, demandSnap, demandTimes);
  coverage(demand, demandTimes.minutes, { urbanMinutes: 10, ruralMinutes: 30 }, units * units);
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
moveOnly.sort((a, b) => a - b);
console.log(`${'move one station, the field alone (median of 50)'.padEnd(64)} ${moveOnly[25]!.toFixed(1).padStart(8)} ms`);
console.log(`${'move one station + demand times + coverage (median of 50)'.padEnd(64)} ${times[25]!.toFixed(1).padStart(8)} ms`);
console.log(`${'  slowest of 50 (goal < 200 ms)'.padEnd(64)} ${times[49]!.toFixed(1).padStart(8)} ms`);

t0 = performance.now();
const check = new NearestFacilityField(graph, 'from_facility');
check.run(field.sources());
line('full recomputation after the moves (for comparison)', t0);
let same = true;
for (let n = 0; n < graph.nodeCount; n++)
  if (check.seconds[n] !== field.seconds[n] || check.facility[n] !== field.facility[n]) {
    same = false;
    break;
  }
console.log(`  incremental result ${same ? 'identical to' : 'DIFFERS from'} the full recomputation`);
const mem = process.memoryUsage();
console.log(`memory: rss ${mb(mem.rss)}, heap ${mb(mem.heapUsed)}, typed arrays ${mb(mem.arrayBuffers)}`);
