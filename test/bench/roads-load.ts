// Benchmark: a road network of 1,000,000 edges in a plan file — written in one transaction, then
// loaded as RoadNetworkData for the access engine (goal: well under a second), summarised, and drawn
// (map.roads, major classes). Also reading the same network from GeoJSON. Two shapes: 1,000,000
// two-point segments (every edge its own row: the worst case for loading) and 200,000 six-point
// segments (OSM-like ways).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createPlanFile } from '../../electron/backend/db/plan-file.ts';
import { loadRoadNetwork, replaceRoadNetwork, storedRoadSummary } from '../../electron/backend/db/roads.ts';
import { readRoadFile } from '../../electron/backend/io/read-roads.ts';
import { mapRoads } from '../../electron/backend/map-layers.ts';
import type { RoadNetworkData } from '../../shared/access/network.ts';

const CLASSES = ['residential', 'residential', 'residential', 'service', 'tertiary', 'secondary', 'primary', 'unclassified', 'trunk', 'motorway'];

function generate(segments: number, pointsPer: number): RoadNetworkData {
  const side = Math.ceil(Math.sqrt(segments));
  const offsets = new Uint32Array(segments + 1);
  const coords = new Float64Array(segments * pointsPer * 2);
  const highway: string[] = new Array<string>(segments);
  const speedKmh = new Float32Array(segments).fill(NaN);
  const oneway = new Int8Array(segments);
  let p = 0;
  for (let s = 0; s < segments; s++) {
    const x = s % side,
      y = Math.floor(s / side);
    const lon0 = 112.5 + x * 0.001,
      lat0 = 27.8 + y * 0.001;
    offsets[s] = p;
    for (let k = 0; k < pointsPer; k++, p++) {
      coords[2 * p] = lon0 + (0.001 * k) / (pointsPer - 1);
      coords[2 * p + 1] = lat0 + (k % 2) * 0.0001;
    }
    highway[s] = CLASSES[s % CLASSES.length]!;
    if (s % 7 === 0) speedKmh[s] = 40;
    oneway[s] = s % 11 === 0 ? 1 : 0;
  }
  offsets[segments] = p;
  return { offsets, coords, highway, speedKmh, oneway };
}

function time<T>(label: string, runs: number, fn: () => T): T {
  let out!: T;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    out = fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(
    `${label.padEnd(70)} ${times[Math.floor(runs / 2)]!.toFixed(0).padStart(7)} ms${runs > 1 ? ` (median of ${runs}, best ${times[0]!.toFixed(0)})` : ''}`,
  );
  return out;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hp-bench-roads-'));
console.log(
  `load average ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')} on ${os.cpus().length} cores`,
);
try {
  for (const [segments, pointsPer] of [
    [1_000_000, 2],
    [200_000, 6],
  ] as const) {
    const edges = segments * (pointsPer - 1);
    console.log(`\n${segments.toLocaleString('en-US')} segments × ${pointsPer} points = ${edges.toLocaleString('en-US')} edges`);
    const net = generate(segments, pointsPer);
    const plan = createPlanFile(path.join(dir, `roads-${segments}.hplan`), 'bench');
    time('replace the network (one transaction)', 1, () => plan.db.transaction(() => replaceRoadNetwork(plan.db, net))());
    const loaded = time('load as RoadNetworkData', 5, () => loadRoadNetwork(plan.db));
    if (loaded.offsets.length !== segments + 1 || loaded.coords[loaded.coords.length - 1] !== net.coords[net.coords.length - 1])
      throw new Error('loaded network differs');
    time('roads.summary (stored figures)', 5, () => storedRoadSummary(plan.db));
    const major = time('map.roads, primary and more major, whole network', 3, () => mapRoads(plan.db, { minClass: 'primary', limit: 200_000 }));
    console.log(`  ${major.total.toLocaleString('en-US')} segments drawn`);
    time('map.roads, a 0.1° box, all classes', 3, () => mapRoads(plan.db, { bbox: [112.6, 27.9, 112.7, 28], limit: 200_000 }));
    console.log(`  file size ${(fs.statSync(plan.path).size / 1e6).toFixed(0)} MB (WAL until closed)`);
    plan.close();
    console.log(`  file size after close ${(fs.statSync(plan.path).size / 1e6).toFixed(0)} MB`);
  }

  // Reading GeoJSON: 200,000 features (1,000,000 edges).
  const net = generate(200_000, 6);
  const features = [];
  for (let s = 0; s < 200_000; s++) {
    const c: number[][] = [];
    for (let i = net.offsets[s]!; i < net.offsets[s + 1]!; i++) c.push([net.coords[2 * i]!, net.coords[2 * i + 1]!]);
    features.push({
      type: 'Feature',
      properties: { highway: net.highway[s], oneway: net.oneway[s] ? 'yes' : 'no' },
      geometry: { type: 'LineString', coordinates: c },
    });
  }
  const bytes = Buffer.from(JSON.stringify({ type: 'FeatureCollection', features }));
  console.log(`\nGeoJSON ${(bytes.length / 1e6).toFixed(0)} MB, 200,000 features`);
  const t0 = performance.now();
  const r = await readRoadFile('bench.geojson', bytes, {});
  console.log(`${'read GeoJSON (decode, parse, check, build)'.padEnd(70)} ${(performance.now() - t0).toFixed(0).padStart(7)} ms`);
  const t1 = performance.now();
  await readRoadFile('bench.geojson', bytes, { crs: 'gcj02' });
  console.log(`${'read GeoJSON, GCJ-02 converted'.padEnd(70)} ${(performance.now() - t1).toFixed(0).padStart(7)} ms`);
  console.log(`  ${r.network.offsets.length - 1} segments, ${r.km.toLocaleString('en-US')} km`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
