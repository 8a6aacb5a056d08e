// Benchmark: the siting engine on a generated prefecture-sized road network (100 km × 100 km, a
// jittered grid denser in the core, as test/bench/access.ts but coarser: the coverage sets, not the
// graph, take the time), 30 existing 120 stations, urban points 10 min, rural 30 min.
// 1. MCLP heuristic, 2,000 candidates × 50,000 demand points, k = 10 (goal < 3 s including the
//    coverage sets), with its proven bound — the sets of the points no station covers, then of all
//    of them for comparison; LSCP and p-median on the same candidates.
// 2. Exact (HiGHS) on 300 candidates × 5,000 demand points, k = 10 (goal < 30 s), heuristic first:
//    with the stations, then without any (every point to cover), MCLP, LSCP, capacitated MCLP and
//    p-median; then 50 × 1,000, where the pair models (p-median, capacity) fit.
// Prints the figures; asserts nothing.
import { performance } from 'node:perf_hooks';
import { demandTravel } from '../../shared/access/coverage.ts';
import { facilitySources } from '../../shared/access/dijkstra.ts';
import { NearestFacilityField } from '../../shared/access/field.ts';
import { buildRoadGraph, type RoadGraph } from '../../shared/access/graph.ts';
import { DEFAULT_CONNECTOR_KMH, DEFAULT_ROAD_SPEEDS, type RoadNetworkData } from '../../shared/access/network.ts';
import { buildNodeIndex, type NodeIndex, snapPoints } from '../../shared/access/snap.ts';
import { mulberry32 as prng } from '../../shared/sample/prng.ts';
import { coveredMask, existingSeconds, roadCoverageSets, type SitingResult, solveSiting } from '../../shared/siting/index.ts';
import { loadMipSolver } from '../../electron/backend/siting/exact.ts';

const LON0 = 112.95,
  LAT0 = 28.2; // around 长沙
const M_PER_DEG_LAT = 111_195;
const M_PER_DEG_LON = M_PER_DEG_LAT * Math.cos((LAT0 * Math.PI) / 180);
const HALF = 50_000;
const CORE = 15_000; // urban within 15 km of the centre
const toLon = (x: number) => LON0 + x / M_PER_DEG_LON;
const toLat = (y: number) => LAT0 + y / M_PER_DEG_LAT;

/** A side × side grid of junctions, warped so the core is four times denser than the edge (as bench/access.ts). */
function generateNetwork(side: number, rand: () => number): RoadNetworkData {
  const warp = (u: number) => 0.5 * u + 0.5 * u * u * u;
  const step = 2 / (side - 1);
  const px = new Float64Array(side * side),
    py = new Float64Array(side * side);
  for (let j = 0; j < side; j++) {
    for (let i = 0; i < side; i++) {
      const u = -1 + i * step,
        v = -1 + j * step;
      const sx = HALF * (warp(u + step) - warp(u)),
        sy = HALF * (warp(v + step) - warp(v));
      px[j * side + i] = toLon(HALF * warp(u) + (rand() - 0.5) * 0.4 * sx);
      py[j * side + i] = toLat(HALF * warp(v) + (rand() - 0.5) * 0.4 * sy);
    }
  }
  const offsets: number[] = [0],
    coords: number[] = [],
    highway: string[] = [],
    speedKmh: number[] = [],
    oneway: number[] = [];
  const line = (k: number, at: (t: number) => number) => {
    const cls = k % 25 === 0 ? 'trunk' : k % 5 === 0 ? 'primary' : k % 3 === 0 ? 'secondary' : '';
    for (let t0 = 0; t0 < side - 1; t0 += 8) {
      const t1 = Math.min(side - 1, t0 + 8);
      for (let t = t0; t <= t1; t++) {
        const n = at(t);
        coords.push(px[n]!, py[n]!);
      }
      offsets.push(coords.length / 2);
      const mid = at((t0 + t1) >> 1);
      const dx = (px[mid]! - LON0) * M_PER_DEG_LON,
        dy = (py[mid]! - LAT0) * M_PER_DEG_LAT;
      highway.push(cls || (Math.hypot(dx, dy) < CORE ? 'residential' : 'unclassified'));
      speedKmh.push(!cls && rand() < 0.1 ? 15 + rand() * 35 : NaN);
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

/** Points: 60 % around the centre (σ 8 km), 40 % anywhere; urban within the core. */
function scatter(count: number, rand: () => number) {
  const lon = new Float64Array(count),
    lat = new Float64Array(count),
    urban = new Uint8Array(count);
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
    lon[p] = toLon(a);
    lat[p] = toLat(b);
    urban[p] = Math.hypot(a, b) < CORE ? 1 : 0;
  }
  return { lon, lat, urban };
}

const pad = (label: string) => label.padEnd(70);
const line = (label: string, t0: number) => console.log(`${pad(label)} ${(performance.now() - t0).toFixed(1).padStart(9)} ms`);
const fmt = (x: number) => Math.round(x).toLocaleString('en-US');
const pct = (x: number) => `${(100 * x).toFixed(2)} %`;

function describe(r: SitingResult): void {
  console.log(
    `  ${r.model}: ${r.chosen.length} sites [${r.chosen.join(', ')}], solver ${r.solver}, ${r.swaps} swaps, ${fmt(r.groups)} demand groups, ${r.usefulCandidates} useful candidates`,
  );
  console.log(
    `  objective ${fmt(r.objective)}, bound ${fmt(r.bound)}, gap ${pct(r.gap)}${r.optimal ? ' (proven optimal)' : ''}; notes: ${r.notes.join(', ') || '–'}`,
  );
  console.log(
    `  time: ${r.ms} ms = merge ${r.phaseMs.instance} + heuristic ${r.phaseMs.heuristic} + exact ${r.phaseMs.exact} + report ${r.phaseMs.report} (+ transposing the sets)`,
  );
  console.log(
    `  covered ${fmt(r.coveredBefore)} → ${fmt(r.coveredAfter)} of ${fmt(r.totalPopulation)} people; ${fmt(r.unreachable)} unreachable by any candidate`,
  );
}

interface Setup {
  graph: RoadGraph;
  index: NodeIndex;
}

function instance(s: Setup, candidates: number, points: number, seed: number) {
  const rand = prng(seed);
  const demandPts = scatter(points, rand);
  const candPts = scatter(candidates, rand);
  const stationPts = scatter(30, rand);
  let t0 = performance.now();
  const demand = snapPoints(s.graph, s.index, demandPts.lon, demandPts.lat, DEFAULT_CONNECTOR_KMH);
  const cand = facilitySources(snapPoints(s.graph, s.index, candPts.lon, candPts.lat, DEFAULT_CONNECTOR_KMH), 60);
  const stations = facilitySources(snapPoints(s.graph, s.index, stationPts.lon, stationPts.lat, DEFAULT_CONNECTOR_KMH), 60);
  line(`snap ${fmt(points)} demand points, ${fmt(candidates)} candidates, 30 stations`, t0);
  const population = new Float64Array(points);
  for (let p = 0; p < points; p++) population[p] = 50 + Math.floor(rand() * 450);
  const threshold = Float64Array.from(demandPts.urban, (u) => (u ? 600 : 1800));
  t0 = performance.now();
  const field = new NearestFacilityField(s.graph, 'from_facility');
  field.run(stations);
  const existing = existingSeconds(demandTravel(field, demand));
  line('existing stations: nearest-station field and demand times', t0);
  return { demand, cand, population, threshold, existing };
}

const rand = prng(20250101);
let t0 = performance.now();
const net = generateNetwork(220, rand);
const graph = buildRoadGraph(net, DEFAULT_ROAD_SPEEDS);
const index = buildNodeIndex(graph);
line(`network: ${fmt(graph.nodeCount)} nodes, ${fmt(graph.forward.targets.length)} directed edges (generate + build + index)`, t0);
const setup = { graph, index };

// Warm up the code paths on a small instance, as a long-running worker would be.
{
  const w = instance(setup, 50, 2000, 3);
  const sets = roadCoverageSets(graph, 'from_facility', w.cand, w.demand, w.threshold, { skip: coveredMask(w.existing, w.threshold) });
  solveSiting({ sets, population: w.population, thresholdSeconds: w.threshold, existingSeconds: w.existing }, { model: 'mclp', k: 5 });
  console.log('(warm-up done)');
}

console.log('\n1. MCLP heuristic, 2,000 candidates × 50,000 demand points, k = 10');
const big = instance(setup, 2000, 50_000, 11);
const skip = coveredMask(big.existing, big.threshold);
t0 = performance.now();
const bigSets = roadCoverageSets(graph, 'from_facility', big.cand, big.demand, big.threshold, { skip });
const tSets = performance.now() - t0;
line(`coverage sets of the ${fmt(skip.length - skip.reduce((a, b) => a + b, 0))} points no station covers: ${fmt(bigSets.demand.length)} pairs`, t0);
const problem = { sets: bigSets, population: big.population, thresholdSeconds: big.threshold, existingSeconds: big.existing };
t0 = performance.now();
const mclp = solveSiting(problem, { model: 'mclp', k: 10, exact: 'never' });
const tSolve = performance.now() - t0;
line('solveSiting MCLP (merge, greedy, swaps, bound)', t0);
describe(mclp);
console.log(`${pad('  coverage sets + MCLP (goal < 3000 ms)')} ${(tSets + tSolve).toFixed(1).padStart(9)} ms`);

t0 = performance.now();
const noSwap = solveSiting(problem, { model: 'mclp', k: 10, exact: 'never', maxSwaps: 0 });
line('  the same, greedy alone (no swaps)', t0);
console.log(`  greedy alone: objective ${fmt(noSwap.objective)}, bound ${fmt(noSwap.bound)}, gap ${pct(noSwap.gap)}`);

t0 = performance.now();
const allSets = roadCoverageSets(graph, 'from_facility', big.cand, big.demand, big.threshold);
const tAll = performance.now() - t0;
line(`coverage sets of all 50,000 points (nothing skipped): ${fmt(allSets.demand.length)} pairs`, t0);
t0 = performance.now();
const mclpAll = solveSiting({ ...problem, sets: allSets }, { model: 'mclp', k: 10, exact: 'never' });
const tAllSolve = performance.now() - t0;
line('solveSiting MCLP on them', t0);
console.log(
  `  ${mclpAll.chosen.join(',') === mclp.chosen.join(',') && mclpAll.objective === mclp.objective ? 'the same' : 'a DIFFERENT'} answer; sets + MCLP ${(tAll + tAllSolve).toFixed(0)} ms`,
);

t0 = performance.now();
const lscp = solveSiting(problem, { model: 'lscp', exact: 'never' });
line('solveSiting LSCP (greedy, redundancy removal, lower bound)', t0);
describe(lscp);

t0 = performance.now();
const pmSets = roadCoverageSets(graph, 'from_facility', big.cand, big.demand, 1800);
line(`p-median coverage sets (cutoff 1800 s, every point): ${fmt(pmSets.demand.length)} pairs`, t0);
t0 = performance.now();
const pm = solveSiting({ ...problem, sets: pmSets }, { model: 'pmedian', k: 10, cutoffSeconds: 1800, exact: 'never' });
line('solveSiting p-median k = 10', t0);
describe(pm);
console.log(`  mean travel ${(pm.meanSeconds! / 60).toFixed(2)} min per person (capped at 30)`);

console.log('\n2. Exact (HiGHS), 300 candidates × 5,000 demand points, k = 10');
t0 = performance.now();
await loadMipSolver();
line('load HiGHS (WebAssembly)', t0);
async function compare(
  label: string,
  p: Parameters<typeof solveSiting>[0],
  model: 'mclp' | 'lscp' | 'pmedian',
  extra: { k?: number; cutoffSeconds?: number } = {},
): Promise<void> {
  t0 = performance.now();
  const h = solveSiting(p, { model, ...extra, exact: 'never' });
  line(`${label}: heuristic`, t0);
  console.log(`  objective ${fmt(h.objective)}, bound ${fmt(h.bound)}, gap ${pct(h.gap)}${h.optimal ? ' (proven optimal)' : ''}`);
  const solver = await loadMipSolver(); // a fresh runtime when the last one grew large
  t0 = performance.now();
  const e = solveSiting(p, { model, ...extra, exact: 'always', solver, timeLimitMs: 30_000 });
  line(`${label}: exact (goal < 30000 ms)`, t0);
  describe(e);
}
const total = (pop: Float64Array) => pop.reduce((a, b) => a + b, 0);
const small = instance(setup, 300, 5000, 29);
{
  console.log('  with the 30 existing stations (covered points skipped)');
  const sets = roadCoverageSets(graph, 'from_facility', small.cand, small.demand, small.threshold, { skip: coveredMask(small.existing, small.threshold) });
  await compare('MCLP', { sets, population: small.population, thresholdSeconds: small.threshold, existingSeconds: small.existing }, 'mclp', { k: 10 });
}
{
  console.log('  with no existing station: every point to cover');
  const none = new Float64Array(5000).fill(Infinity);
  t0 = performance.now();
  const sets = roadCoverageSets(graph, 'from_facility', small.cand, small.demand, small.threshold);
  line(`coverage sets: ${fmt(sets.demand.length)} pairs`, t0);
  const base = { sets, population: small.population, thresholdSeconds: small.threshold, existingSeconds: none };
  await compare('MCLP', base, 'mclp', { k: 10 });
  await compare('LSCP', base, 'lscp');
  const capacity = new Float64Array(300).fill(Math.round(total(small.population) / 12));
  await compare(`capacitated MCLP (${fmt(capacity[0]!)} people per site)`, { ...base, capacity }, 'mclp', { k: 10 });
  t0 = performance.now();
  const pmSets = roadCoverageSets(graph, 'from_facility', small.cand, small.demand, 1800);
  line(`p-median coverage sets (cutoff 1800 s): ${fmt(pmSets.demand.length)} pairs`, t0);
  await compare('p-median', { ...base, sets: pmSets }, 'pmedian', { k: 10, cutoffSeconds: 1800 });
}
{
  console.log('  smaller, where the pair models fit: 50 candidates × 1,000 points, no existing station');
  const s = instance(setup, 50, 1000, 31);
  const none = new Float64Array(1000).fill(Infinity);
  const pmSets = roadCoverageSets(graph, 'from_facility', s.cand, s.demand, 1800);
  console.log(`  p-median coverage sets (cutoff 1800 s): ${fmt(pmSets.demand.length)} pairs`);
  await compare('p-median', { sets: pmSets, population: s.population, thresholdSeconds: s.threshold, existingSeconds: none }, 'pmedian', {
    k: 10,
    cutoffSeconds: 1800,
  });
  const sets = roadCoverageSets(graph, 'from_facility', s.cand, s.demand, s.threshold);
  const capacity = new Float64Array(50).fill(Math.round(total(s.population) / 12));
  await compare(
    `capacitated MCLP (${fmt(capacity[0]!)} people per site, ${fmt(sets.demand.length)} pairs)`,
    { sets, population: s.population, thresholdSeconds: s.threshold, existingSeconds: none, capacity },
    'mclp',
    { k: 10 },
  );
}
const mem = process.memoryUsage();
console.log(
  `\nmemory: rss ${(mem.rss / 2 ** 20).toFixed(0)} MB, heap ${(mem.heapUsed / 2 ** 20).toFixed(0)} MB, typed arrays ${(mem.arrayBuffers / 2 ** 20).toFixed(0)} MB`,
);
