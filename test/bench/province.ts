// Benchmark: a province on one machine (issue 18). Not part of `npm test`; `npm run bench province`
// runs it alone (several minutes, a few GB of memory and disk in the system's temp folder).
// - A generated province: a 2,100 × 2,100 perturbed grid of junctions over about 400 × 400 km (4.4 M
//   nodes, ~17 M directed edges), denser in 16 towns, road classes by line (trunk, primary, secondary,
//   residential in town, unclassified elsewhere), some one-way streets and own speeds; 10 cities,
//   100 counties, 2,000 streets/towns, 25,000 villages/communities (the demand points), 3,000 120
//   stations; written as .osm.pbf (OPL → `osmium cat`).
// - Import through the CLI (`healthplan import --roads`): time and peak memory (GNU time's max RSS).
// - 1030 (`healthplan access --preset 1030`), cold (a new process) with the stored graph absent and
//   present, and warm (the service's second run).
// - Siting 20 new stations (MCLP, `healthplan site`, 2,000 candidate sites at the street/town centres):
//   time, bound and gap.
// - Side by side: python3-igraph's graph build + one multi-source Dijkstra (a super-source joined to
//   the stations at their connector seconds) on the same graph (an edge list written from the stored
//   graph) against the whole cold `healthplan access`; PuLP + CBC on the same MCLP — given the very
//   coverage sets our engine builds for that command (its siting input captured in this process,
//   electron/backend/siting/compute.ts sitingSets), solved here by ours too — against our solve
//   and our whole `healthplan site`. Ratios printed.
// - The whole siting job in Python against our whole `healthplan site` (support/province-python.ts):
//   graph build, the existing stations' search, the candidates' coverage sets and PuLP + CBC — with
//   scipy's bounded searches for real, with igraph (no cutoff) on a sample scaled up. Ratios printed.
// - Service areas for 2,000 stations (support/province-areas.ts): a scenario keeping 2,000 of the
//   3,000 stations, the whole `healthplan access --areas 10,30 --catchments --format geojson` timed
//   with its peak memory, its polygons, vertices and size, its people checked against the coverage.
// Needs osmium-tool, python3-igraph, python3-numpy, python3-scipy, python3-pulp, coinor-cbc: installed
// with apt-get when missing (as root). `--keep DIR` keeps (and reuses) the generated files in DIR;
// with it, `--only python,areas` runs just those parts on the plan a whole run left there.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { graphStoreFile, readGraphStore } from '../../electron/backend/access/graph-store.ts';
import { createPlannerService } from '../../electron/backend/service.ts';
import { type SitingComputeInput, type SitingSets, sitingSets } from '../../electron/backend/siting/compute.ts';
import { loadMipSolver } from '../../electron/backend/siting/exact.ts';
import { AnalysisRunner } from '../../electron/backend/worker/runner.ts';
import { parseFlags } from '../../electron/cli/options.ts';
import { siteCommand, siteQuery } from '../../electron/cli/site-command.ts';
import { DEFAULT_CONNECTOR_KMH } from '../../shared/access/network.ts';
import { facilitySources } from '../../shared/access/dijkstra.ts';
import { snapPoints } from '../../shared/access/snap.ts';
import { solveSiting } from '../../shared/siting/index.ts';
import { mulberry32 } from '../../shared/sample/prng.ts';
import { AREAS_SCENARIO, areaFigures, areasScenario, coverageFigures } from './support/province-areas.ts';
import { IGRAPH_SAMPLE, IGRAPH_SITING, pairKeys, SCIPY_CHUNK, SCIPY_SITING, samePairs, writeSitingJob } from './support/province-python.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const keepAt = process.argv.indexOf('--keep');
const work = keepAt >= 0 ? path.resolve(process.argv[keepAt + 1]!) : fs.mkdtempSync(path.join(os.tmpdir(), 'hp-bench-province-'));
fs.mkdirSync(work, { recursive: true });
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? new Set(process.argv[onlyAt + 1]!.split(',')) : null;
if (only && (keepAt < 0 || [...only].some((p) => p !== 'python' && p !== 'areas'))) throw new Error('--only python,areas, with --keep DIR');
const file = (f: string) => path.join(work, f);
const say = (label: string, value: string) => console.log(`${label.padEnd(72)} ${value}`);
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

// ── tools ──────────────────────────────────────────────────────────────────────────────────────
const PY = '/usr/bin/python3';
function ensureTools(): void {
  const missing: string[] = [];
  if (spawnSync('osmium', ['--version']).status !== 0) missing.push('osmium-tool');
  for (const [mod, pkg] of [
    ['igraph', 'python3-igraph'],
    ['numpy', 'python3-numpy'],
    ['scipy', 'python3-scipy'],
    ['pulp', 'python3-pulp'],
  ] as const)
    if (spawnSync(PY, ['-c', `import ${mod}`]).status !== 0) missing.push(pkg);
  if (spawnSync('cbc', ['-quit']).error) missing.push('coinor-cbc');
  if (!missing.length) return;
  console.log(`installing ${missing.join(' ')} (apt-get)`);
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const run = (args: string[]) =>
    spawnSync(sudo[0] ?? args[0]!, sudo.length ? args : args.slice(1), { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  run(['apt-get', 'update', '-qq']);
  if (run(['apt-get', 'install', '-y', '-qq', ...missing]).status !== 0) throw new Error(`could not install ${missing.join(' ')}`);
}

// ── the province ───────────────────────────────────────────────────────────────────────────────
const SIDE = 2100;
const LON0 = 110.0,
  LAT0 = 25.0;
const SPAN_M = 400_000;
const M_PER_DEG_LAT = 111_195;
const M_PER_DEG_LON = M_PER_DEG_LAT * Math.cos(((LAT0 + 1.8) * Math.PI) / 180);
/** u in [0, 1] → [0, 1], denser (spacing × 0.4) at 4 places along the axis: 16 towns where they cross. */
const warp = (u: number) => u + (0.6 * Math.sin(8 * Math.PI * u)) / (8 * Math.PI);
const density = (u: number) => 1 + 0.6 * Math.cos(8 * Math.PI * u); // warp's derivative
const toLon = (x: number) => LON0 + x / M_PER_DEG_LON;
const toLat = (y: number) => LAT0 + y / M_PER_DEG_LAT;

interface Province {
  units: string;
  facilities: string;
  candidates: string;
}

/** Writes the OPL of the road network, streaming (nodes, then ways of up to 8 edges). */
function writeNetworkOpl(out: string, rand: () => number): { nodes: number; ways: number } {
  const fd = fs.openSync(out, 'w');
  let buf: string[] = [];
  const flush = (force = false) => {
    if (buf.length >= 20_000 || (force && buf.length)) {
      fs.writeSync(fd, `${buf.join('\n')}\n`);
      buf = [];
    }
  };
  const step = 1 / (SIDE - 1);
  for (let j = 0; j < SIDE; j++)
    for (let i = 0; i < SIDE; i++) {
      const u = i * step,
        v = j * step;
      const jx = (rand() - 0.5) * 0.35 * step * density(u),
        jy = (rand() - 0.5) * 0.35 * step * density(v);
      buf.push(`n${j * SIDE + i + 1} x${toLon(SPAN_M * (warp(u) + jx)).toFixed(7)} y${toLat(SPAN_M * (warp(v) + jy)).toFixed(7)}`);
      flush();
    }
  let ways = 0;
  const PER = 8;
  const line = (k: number, at: (t: number) => number, mid: (t: number) => number) => {
    const cls = k % 60 === 0 ? 'trunk' : k % 20 === 0 ? 'primary' : k % 6 === 0 ? 'secondary' : '';
    for (let t0 = 0; t0 < SIDE - 1; t0 += PER) {
      const t1 = Math.min(SIDE - 1, t0 + PER);
      const ids: number[] = [];
      for (let t = t0; t <= t1; t++) ids.push(at(t) + 1);
      const town = density(mid((t0 + t1) >> 1)) > 1.3 && density(k * step) > 1.3;
      const tags = [`highway=${cls || (town ? 'residential' : 'unclassified')}`];
      if (!cls && rand() < 0.05) tags.push('oneway=yes');
      if (!cls && rand() < 0.08) tags.push(`maxspeed=${20 + 5 * Math.floor(rand() * 8)}`);
      buf.push(`w${++ways} T${tags.join(',')} N${ids.map((n) => `n${n}`).join(',')}`);
      flush();
    }
  };
  const step2 = step;
  for (let j = 0; j < SIDE; j++)
    line(
      j,
      (t) => j * SIDE + t,
      (t) => t * step2,
    );
  for (let i = 0; i < SIDE; i++)
    line(
      i,
      (t) => t * SIDE + i,
      (t) => t * step2,
    );
  flush(true);
  fs.closeSync(fd);
  return { nodes: SIDE * SIDE, ways };
}

/** 10 cities × 10 counties × 20 streets/towns × 12–13 villages/communities = 25,000; 3,000 stations; the 2,000 street/town centres as candidates. */
function writeProvince(rand: () => number): Province {
  const units = ['区划代码,名称,上级区划代码,类型,常住人口,经度,纬度,年份'];
  const facilities = ['机构编码,机构名称,机构类型,所在区划代码,经度,纬度'];
  const candidates = ['id,name,lon,lat'];
  const villages: { code: string; lon: number; lat: number; urban: boolean }[] = [];
  let townships = 0;
  for (let c = 0; c < 10; c++) {
    const cityCode = `C${c}`;
    units.push(`${cityCode},第${c + 1}市,,市,,,,2025`);
    for (let k = 0; k < 10; k++) {
      // counties on a 10 × 10 grid, each 40 km wide
      const cx = ((c % 5) * 2 + (k % 2)) / 10,
        cy = (Math.floor(c / 5) * 5 + Math.floor(k / 2)) / 10;
      const countyCode = `${cityCode}K${k}`;
      units.push(`${countyCode},第${c + 1}市${k + 1}县,${cityCode},县,,,,2025`);
      for (let t = 0; t < 20; t++) {
        const u = cx + (0.02 + 0.96 * rand()) / 10,
          v = cy + (0.02 + 0.96 * rand()) / 10;
        const urban = density(u) > 1.3 && density(v) > 1.3;
        const tx = SPAN_M * warp(u),
          ty = SPAN_M * warp(v);
        const townCode = `${countyCode}T${t}`;
        units.push(
          `${townCode},${k + 1}县${t + 1}${urban ? '街道' : '镇'},${countyCode},${urban ? '街道' : '镇'},,${toLon(tx).toFixed(6)},${toLat(ty).toFixed(6)},2025`,
        );
        candidates.push(`S${townships++},${k + 1}县${t + 1}中心,${toLon(tx).toFixed(6)},${toLat(ty).toFixed(6)}`);
        const count = 12 + (t % 2); // 12.5 on average
        for (let p = 0; p < count; p++) {
          const r = (urban ? 1500 : 4000) * Math.sqrt(rand()),
            th = 2 * Math.PI * rand();
          const x = Math.min(SPAN_M, Math.max(0, tx + r * Math.cos(th))),
            y = Math.min(SPAN_M, Math.max(0, ty + r * Math.sin(th)));
          const code = `${townCode}V${p}`;
          const pop = urban ? 3000 + Math.floor(rand() * 9000) : 500 + Math.floor(rand() * 2500);
          units.push(
            `${code},${t + 1}${urban ? '社区' : '村'}${p + 1},${townCode},${urban ? '社区' : '行政村'},${pop},${toLon(x).toFixed(6)},${toLat(y).toFixed(6)},2025`,
          );
          villages.push({ code, lon: toLon(x), lat: toLat(y), urban });
        }
      }
    }
  }
  // 3,000 stations at villages, towns twice as likely.
  let s = 0;
  while (s < 3000) {
    const v = villages[Math.floor(rand() * villages.length)]!;
    if (!v.urban && rand() < 0.5) continue;
    facilities.push(`E${s},急救站${s + 1},120急救站,${v.code},${(v.lon + (rand() - 0.5) * 0.004).toFixed(6)},${(v.lat + (rand() - 0.5) * 0.004).toFixed(6)}`);
    s++;
  }
  const write = (name: string, lines: string[]) => {
    fs.writeFileSync(file(name), `${lines.join('\n')}\n`);
    return file(name);
  };
  return { units: write('units.csv', units), facilities: write('facilities.csv', facilities), candidates: write('candidates.csv', candidates) };
}

// ── running things ─────────────────────────────────────────────────────────────────────────────
const CLI = path.join(root, 'bin', 'healthplan.mjs');
/** A whole command, timed from outside, with its peak memory (GNU time). */
function timed(cmd: string, args: string[], opts: { input?: string } = {}): { ms: number; maxRssMb: number; stdout: string } {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', 'MAXRSS %M', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, ...opts });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
  const rss = /MAXRSS (\d+)/.exec(r.stderr);
  return { ms, maxRssMb: rss ? Number(rss[1]) / 1024 : NaN, stdout: r.stdout };
}
const node22 = fs.existsSync(path.join(root, 'node_modules', '.bin', 'node')) ? path.join(root, 'node_modules', '.bin', 'node') : process.execPath;

ensureTools();
console.log(`files in ${work}`);
const rand = mulberry32(20261210);
const plan = file('province.hplan');
const pbf = file('province.osm.pbf');
let prov: Province;
if (!fs.existsSync(pbf)) {
  let t0 = performance.now();
  const opl = file('province.opl');
  const { nodes, ways } = writeNetworkOpl(opl, rand);
  prov = writeProvince(rand);
  say(`generate ${nodes.toLocaleString('en-US')} nodes, ${ways.toLocaleString('en-US')} ways (OPL)`, secs(performance.now() - t0));
  t0 = performance.now();
  const r = spawnSync('osmium', ['cat', opl, '-o', pbf, '--overwrite'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('osmium cat failed');
  fs.rmSync(opl);
  say(`osmium cat → .osm.pbf (${(fs.statSync(pbf).size / 2 ** 20).toFixed(0)} MB)`, secs(performance.now() - t0));
} else {
  rand();
  prov = { units: file('units.csv'), facilities: file('facilities.csv'), candidates: file('candidates.csv') };
}

// Siting: 20 new stations over the province. The 1030 minutes leave too little for 20 stations to
// do (10 cover everyone), so a stricter 8/15-minute question.
const SITE_URBAN = 8,
  SITE_RURAL = 15;
const siteFlags = [
  '--type',
  'ems_station',
  '--model',
  'mclp',
  '--add',
  '20',
  '--thresholds',
  `urban=${SITE_URBAN},rural=${SITE_RURAL}`,
  '--candidates',
  prov.candidates,
];

// --only: the new parts again on the plan a whole run left in the --keep folder.
if (only) {
  if (!fs.existsSync(plan) || !fs.existsSync(file('site.json'))) throw new Error(`--only: no whole run's plan in ${work}`);
  if (only.has('python')) {
    const siteMs = (JSON.parse(fs.readFileSync(file('site-time.json'), 'utf8')) as { ms: number }).ms;
    const objective = (JSON.parse(fs.readFileSync(file('site.json'), 'utf8')) as { objective: number }).objective;
    say("(the whole run's healthplan site)", `${secs(siteMs)}, objective ${objective.toLocaleString('en-US')}`);
    const { input, sets } = await captureSiting();
    pythonSiting(input, sets, siteMs, objective);
  }
  if (only.has('areas')) await serviceAreas2000();
  process.exit(0);
}

// The plan: units and facilities through the service, then the roads through the CLI (timed alone).
for (const x of ['', '-wal', '-shm']) fs.rmSync(plan + x, { force: true });
fs.rmSync(file('.healthplan-cache'), { recursive: true, force: true });
{
  const svc = createPlannerService({ home: work, door: 'direct' });
  await svc.call('plan.new', { path: plan });
  const b64 = (f: string) => ({ fileName: path.basename(f), dataBase64: fs.readFileSync(f).toString('base64') });
  const r = await svc.call('tables.import', { scenarioId: 1, units: b64(prov.units), facilities: b64(prov.facilities) });
  if (!r.ok) throw new Error(`tables.import: ${JSON.stringify(r).slice(0, 2000)}`);
  svc.close();
}
const imp = timed(node22, [CLI, 'import', plan, '--roads', pbf]);
say(`import the .osm.pbf (healthplan import --roads, whole command)`, `${secs(imp.ms)}, peak RSS ${imp.maxRssMb.toFixed(0)} MB`);
console.log(imp.stdout.trim().split('\n').slice(-3).join('\n'));

// 1030 cold: a new process, without and with the stored graph.
const accessArgs = [CLI, 'access', plan, '--preset', '1030', '--format', 'json', '--out', file('access.json')];
const coldBuild = timed(node22, accessArgs);
say('1030 cold, no stored graph (loads segments, builds and stores the graph)', `${secs(coldBuild.ms)}, peak RSS ${coldBuild.maxRssMb.toFixed(0)} MB`);
const colds: number[] = [];
let coldRss = 0;
for (let k = 0; k < 3; k++) {
  const c = timed(node22, accessArgs);
  colds.push(c.ms);
  coldRss = Math.max(coldRss, c.maxRssMb);
}
colds.sort((a, b) => a - b);
say(
  '1030 cold, graph stored beside the plan (median of 3; goal < 15 s)',
  `${secs(colds[1]!)} (${colds.map(secs).join(', ')}), peak RSS ${coldRss.toFixed(0)} MB`,
);
const access = JSON.parse(fs.readFileSync(file('access.json'), 'utf8')) as {
  points: { code: string; population: number; urban: boolean; covered: boolean; minutes: number | null }[];
  units: { code: string; population: number; covered: number }[];
};
const region = access.units.find((u) => u.code === 'region');
if (region) say('  covered (1030)', `${((100 * region.covered) / region.population).toFixed(1)} % of ${region.population.toLocaleString('en-US')}`);

// Warm: the service's second run.
{
  const svc = createPlannerService({ home: work, door: 'direct' });
  await svc.call('plan.open', { path: plan });
  const q = { scenarioId: 1, types: ['ems_station' as const], urbanMinutes: 10, ruralMinutes: 30 };
  let t0 = performance.now();
  await svc.call('access.run', q);
  const first = performance.now() - t0;
  const warm: number[] = [];
  for (let k = 0; k < 3; k++) {
    t0 = performance.now();
    await svc.call('access.run', q);
    warm.push(performance.now() - t0);
  }
  warm.sort((a, b) => a - b);
  say('1030 in the service: first run (graph read) / warm (median of 3; goal < 1 s)', `${secs(first)} / ${secs(warm[1]!)}`);
  svc.close();
}

// Siting: 20 new stations over the province, the whole command (siteFlags above).
const site = timed(node22, [CLI, 'site', plan, ...siteFlags, '--format', 'json', '--out', file('site.json')]);
fs.writeFileSync(file('site-time.json'), JSON.stringify({ ms: site.ms }));
const sited = JSON.parse(fs.readFileSync(file('site.json'), 'utf8')) as {
  gap: number;
  optimal: boolean;
  bound: number;
  objective: number;
  solver: string;
  chosen: unknown[];
  covered_before: number;
  covered_after: number;
  total_population: number;
};
say(
  `siting 20 stations (MCLP ${SITE_URBAN}/${SITE_RURAL} min, 2,000 candidates; healthplan site, whole command; goal < 60 s, gap < 1 %)`,
  `${secs(site.ms)}, ${sited.chosen.length} chosen, objective ${sited.objective.toLocaleString('en-US')}, bound ${sited.bound.toLocaleString('en-US')}, ${sited.optimal ? 'optimal' : `gap ${(sited.gap * 100).toFixed(2)} %`} (${sited.solver}), covered ${((100 * sited.covered_before) / sited.total_population).toFixed(1)} → ${((100 * sited.covered_after) / sited.total_population).toFixed(1)} %`,
);

// ── igraph on the same graph ───────────────────────────────────────────────────────────────────
// The free-flow car graph: the siting run has stored the peak hour's beside it (same nodes and edges,
// slower), so the file is chosen by the key in its header, not by being the first one listed.
const stored = (() => {
  // The key is in the header: read it back to open the file through the checked reader.
  const keyOf = (f: string) => {
    const b = fs.readFileSync(path.join(work, '.healthplan-cache', f)).subarray(0, 4096);
    return b.toString('utf8', 16, 16 + b.readUInt32LE(12));
  };
  const free = fs
    .readdirSync(file('.healthplan-cache'))
    .filter((f) => f.endsWith('.graph'))
    .map((f) => ({ f, key: keyOf(f) }))
    .filter((x) => x.key.endsWith('|drive') && !x.key.includes('|peak:'));
  if (free.length !== 1) throw new Error(`${free.length} free-flow car graphs stored`);
  const { f, key } = free[0]!;
  if (graphStoreFile(plan, key) !== path.join(work, '.healthplan-cache', f)) throw new Error('graph file name');
  return readGraphStore(graphStoreFile(plan, key), key)!;
})();
const g = stored.graph;
say('the graph', `${g.nodeCount.toLocaleString('en-US')} nodes, ${g.forward.targets.length.toLocaleString('en-US')} directed edges`);
{
  const m = g.forward.targets.length;
  const from = new Uint32Array(m);
  for (let u = 0; u < g.nodeCount; u++) from.fill(u, g.forward.offsets[u]!, g.forward.offsets[u + 1]!);
  fs.writeFileSync(file('edges.from.u32'), from);
  fs.writeFileSync(file('edges.to.u32'), g.forward.targets);
  fs.writeFileSync(file('edges.seconds.f64'), Float64Array.from(g.forward.seconds));
  const fac = fs
    .readFileSync(prov.facilities, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','));
  const snapped = snapPoints(
    g,
    stored.index,
    Float64Array.from(fac, (f) => Number(f[4])),
    Float64Array.from(fac, (f) => Number(f[5])),
    DEFAULT_CONNECTOR_KMH,
  );
  const src = facilitySources(snapped);
  const keep = Array.from(src.node.keys()).filter((f) => src.node[f]! >= 0);
  fs.writeFileSync(file('sources.json'), JSON.stringify({ n: g.nodeCount, node: keep.map((f) => src.node[f]), seconds: keep.map((f) => src.startSeconds[f]) }));
}
const IGRAPH = `
import json, sys, time
t0 = time.perf_counter()
import numpy as np, igraph as ig
d = sys.argv[1]
a = np.fromfile(d + '/edges.from.u32', dtype=np.uint32); b = np.fromfile(d + '/edges.to.u32', dtype=np.uint32)
w = np.fromfile(d + '/edges.seconds.f64', dtype=np.float64)
s = json.load(open(d + '/sources.json'))
t1 = time.perf_counter()
n = s['n']
# a super-source (node n) joined to every station's node at its connector seconds
edges = np.concatenate([np.stack([a, b], axis=1).astype(np.int64), np.stack([np.full(len(s['node']), n), np.array(s['node'])], axis=1)])
weights = np.concatenate([w, np.array(s['seconds'], dtype=np.float64)])
g = ig.Graph(n=n + 1, edges=edges.tolist(), directed=True, edge_attrs={'weight': weights.tolist()})
t2 = time.perf_counter()
dist = g.distances(source=[n], weights='weight', mode='out')[0]
t3 = time.perf_counter()
reached = sum(1 for x in dist if x != float('inf'))
print(json.dumps({'read': t1 - t0, 'build': t2 - t1, 'dijkstra': t3 - t2, 'reached': reached}))
`;
fs.writeFileSync(file('igraph_bench.py'), IGRAPH);
const ig = timed(PY, [file('igraph_bench.py'), work]);
const igr = JSON.parse(ig.stdout.trim().split('\n').pop()!) as { read: number; build: number; dijkstra: number; reached: number };
const igMs = (igr.build + igr.dijkstra) * 1000;
say(
  'python3-igraph: graph build + multi-source Dijkstra (file reading not counted)',
  `${secs(igMs)} (build ${igr.build.toFixed(2)} s, Dijkstra ${igr.dijkstra.toFixed(2)} s; whole script ${secs(ig.ms)}, peak RSS ${ig.maxRssMb.toFixed(0)} MB)`,
);
say('  ratio: our whole cold healthplan access (graph stored) ÷ igraph (goal ≤ 0.5)', (colds[1]! / igMs).toFixed(2));
say('  ratio: our whole cold healthplan access (no stored graph) ÷ igraph', (coldBuild.ms / igMs).toFixed(2));

// ── PuLP + CBC on the same MCLP ────────────────────────────────────────────────────────────────
// The siting input `healthplan site` gives its worker, captured here: the same query (the CLI's own
// siteQuery on the same flags) through the service, whose runner is stopped at the job's start. Then
// our engine's coverage sets for it (sitingSets, as the worker builds them) and our solve, timed in
// this process; PuLP + CBC are given those same sets.
/** The input `healthplan site` gives its worker (siteFlags through the CLI's own siteQuery), and our engine's sets for it. */
async function captureSiting(): Promise<{ input: SitingComputeInput; sets: SitingSets; setsMs: number }> {
  const svc = createPlannerService({ home: work, door: 'direct' });
  let captured: SitingComputeInput | null = null;
  const start = AnalysisRunner.prototype.start;
  try {
    await svc.call('plan.open', { path: plan });
    const q = await siteQuery(svc, parseFlags(siteCommand, siteFlags).values, 'zh');
    AnalysisRunner.prototype.start = function (this: AnalysisRunner, kind, input) {
      if (kind !== 'siting') return start.call(this, kind, input);
      captured = input as SitingComputeInput;
      throw new Error('captured: the bench runs it itself');
    } as typeof start;
    await svc.call('siting.run', q).catch(() => undefined);
  } finally {
    AnalysisRunner.prototype.start = start;
    svc.close();
  }
  const input = captured as SitingComputeInput | null;
  if (!input) throw new Error('the siting input was not captured');
  const t0 = performance.now();
  const sets = sitingSets(input);
  return { input, sets, setsMs: performance.now() - t0 };
}
let ourSolveMs = NaN,
  ourLoadMs = NaN;
const { input: sitingInput, sets: ourSets } = await (async () => {
  const { input, sets: s, setsMs: tSets } = await captureSiting();
  let t0 = performance.now();
  const solver = input.exact === 'never' ? undefined : await loadMipSolver();
  ourLoadMs = performance.now() - t0;
  t0 = performance.now();
  const r = solveSiting(
    { sets: s.sets, population: input.demand.population, thresholdSeconds: input.thresholdSeconds, existingSeconds: s.beforeSeconds },
    { model: input.model, k: input.k, cutoffSeconds: input.cutoffSeconds, exact: input.exact, solver, timeLimitMs: input.timeLimitMs },
  );
  ourSolveMs = performance.now() - t0;
  say(
    `our engine in this process on the same input: coverage sets (${s.sets.demand.length.toLocaleString('en-US')} pairs, ${s.used.length.toLocaleString('en-US')} candidates)`,
    `${secs(tSets)} (graph read, the existing stations' search, one bounded search per candidate)`,
  );
  say(
    '  our solve (solveSiting on those sets)',
    `${secs(ourSolveMs)} (+ loading HiGHS ${secs(ourLoadMs)}), objective ${Math.round(r.objective).toLocaleString('en-US')} (${r.optimal ? 'optimal' : `gap ${(r.gap * 100).toFixed(2)} %`}, ${r.solver}); healthplan site's ${Math.round(sited.objective).toLocaleString('en-US')}${r.objective === sited.objective ? ', the same' : ' — DIFFERENT'}`,
  );
  const cover: number[][] = [];
  for (let c = 0; c < s.sets.candidateCount; c++) cover.push(Array.from(s.sets.demand.subarray(s.sets.offsets[c]!, s.sets.offsets[c + 1]!)));
  fs.writeFileSync(file('mclp.json'), JSON.stringify({ k: input.k, population: Array.from(input.demand.population), cover }));
  return { input, sets: s };
})();
const PULP = `
import json, sys, time
t0 = time.perf_counter()
import pulp
m = json.load(open(sys.argv[1]))
pop, cover, k = m['population'], m['cover'], m['k']
covering = {}
for c, pts in enumerate(cover):
    for d in pts: covering.setdefault(d, []).append(c)
prob = pulp.LpProblem('mclp', pulp.LpMaximize)
x = [pulp.LpVariable(f'x{c}', cat='Binary') for c in range(len(cover))]
y = {d: pulp.LpVariable(f'y{d}', lowBound=0, upBound=1) for d in covering}
prob += pulp.lpSum(pop[d] * y[d] for d in covering)
prob += pulp.lpSum(x) <= k
for d, cs in covering.items(): prob += y[d] <= pulp.lpSum(x[c] for c in cs)
t1 = time.perf_counter()
prob.solve(pulp.COIN_CMD(msg=0, path='/usr/bin/cbc'))
t2 = time.perf_counter()
print(json.dumps({'model': t1 - t0, 'solve': t2 - t1, 'status': pulp.LpStatus[prob.status], 'objective': pulp.value(prob.objective)}))
`;
fs.writeFileSync(file('pulp_bench.py'), PULP);
const pl = timed(PY, [file('pulp_bench.py'), file('mclp.json')]);
const plr = JSON.parse(pl.stdout.trim().split('\n').pop()!) as { model: number; solve: number; status: string; objective: number };
const ours = sited.objective;
const pulpMs = (plr.model + plr.solve) * 1000;
say(
  'PuLP + CBC given our coverage sets (model + solve, JSON reading included)',
  `${secs(pulpMs)} (model ${plr.model.toFixed(2)} s, CBC ${plr.solve.toFixed(2)} s, ${plr.status}, newly covered ${Math.round(plr.objective).toLocaleString('en-US')}; ours ${Math.round(ours).toLocaleString('en-US')}${Math.round(plr.objective) === Math.round(ours) ? ', the same optimum' : ' — DIFFERENT'})`,
);
say('  ratio: our solve ÷ PuLP + CBC, both given the same sets (goal ≤ 0.5)', (ourSolveMs / pulpMs).toFixed(2));
say('  ratio: our solve with loading HiGHS ÷ PuLP + CBC', ((ourSolveMs + ourLoadMs) / pulpMs).toFixed(2));
say('  ratio: our whole healthplan site (plan, graph, sets, solve, the other condition) ÷ PuLP + CBC given the sets', (site.ms / pulpMs).toFixed(2));

// ── the whole siting job in Python ─────────────────────────────────────────────────────────────
pythonSiting(sitingInput, ourSets, site.ms, sited.objective);

// ── service areas for 2,000 stations ───────────────────────────────────────────────────────────
await serviceAreas2000();

if (keepAt < 0) fs.rmSync(work, { recursive: true, force: true });

/**
 * The whole siting job in Python on the same network and points (support/province-python.ts), each
 * part timed, file reading not counted; its sets and optimum checked against ours, and the ratio of
 * our whole `healthplan site` to it.
 */
function pythonSiting(input: SitingComputeInput, ours: SitingSets, siteMs: number, siteObjective: number): void {
  writeSitingJob(work, input, ours);
  fs.writeFileSync(file('siting_scipy.py'), SCIPY_SITING);
  fs.writeFileSync(file('siting_igraph.py'), IGRAPH_SITING);
  const n0 = (v: number) => Math.round(v).toLocaleString('en-US');
  const s1 = (v: number) => `${v.toFixed(2)} s`;
  const ourPairs = pairKeys(ours);
  const m = ours.sets.candidateCount;
  console.log('the whole siting job in Python, same network and snapped points (file reading not counted):');

  const sp = timed(PY, [file('siting_scipy.py'), work, String(SCIPY_CHUNK)]);
  const spr = JSON.parse(sp.stdout.trim().split('\n').pop()!) as {
    build: number;
    existing: number;
    sets: number;
    model: number;
    solve: number;
    open: number;
    status: string;
    objective: number;
    pairs: [number, number][];
  };
  const spMs = (spr.build + spr.existing + spr.sets + spr.model + spr.solve) * 1000;
  const spCmp = samePairs(ourPairs, new Set(spr.pairs.map(([c, d]) => `${c} ${d}`)));
  const same = Math.round(spr.objective) === Math.round(siteObjective);
  say(
    `  scipy: CSR build, super-source search, ${m.toLocaleString('en-US')} bounded searches (${SCIPY_CHUNK} a call), PuLP + CBC`,
    `${secs(spMs)} (build ${s1(spr.build)}, existing stations ${s1(spr.existing)}, sets ${s1(spr.sets)}, model ${s1(spr.model)}, CBC ${s1(spr.solve)}; whole script ${secs(sp.ms)}, peak RSS ${sp.maxRssMb.toFixed(0)} MB)`,
  );
  say(
    '    its sets and optimum',
    `${spr.open.toLocaleString('en-US')} points left open, ${spr.pairs.length} pairs (ours ${ourPairs.size}${spCmp.same ? ', the same' : ` — DIFFERENT: ${spCmp.onlyA} only ours, ${spCmp.onlyB} only scipy's`}); ${spr.status} ${n0(spr.objective)} (healthplan site's ${n0(siteObjective)}${same ? ', the same optimum' : ' — DIFFERENT'})`,
  );
  say('  ratio: our whole healthplan site ÷ scipy + PuLP + CBC, the whole job (goal ≤ 0.5)', (siteMs / spMs).toFixed(2));

  const ig = timed(PY, [file('siting_igraph.py'), work, String(IGRAPH_SAMPLE)]);
  const igr = JSON.parse(ig.stdout.trim().split('\n').pop()!) as {
    build: number;
    existing: number;
    sample: number[];
    sampleSets: number;
    candidates: number;
    open: number;
    pairs: [number, number][];
  };
  const perCandidate = igr.sampleSets / igr.sample.length;
  const igSetsMs = perCandidate * igr.candidates * 1000;
  const igMs = (igr.build + igr.existing) * 1000 + igSetsMs + (spr.model + spr.solve) * 1000;
  const igCmp = samePairs(pairKeys(ours, new Set(igr.sample)), new Set(igr.pairs.map(([c, d]) => `${c} ${d}`)));
  say(
    `  igraph: graph build, super-source search, ${igr.candidates.toLocaleString('en-US')} whole searches (no cutoff: ${igr.sample.length} drawn at random timed, × ${(igr.candidates / igr.sample.length).toFixed(0)}), PuLP + CBC (scipy's figures)`,
    `${secs(igMs)} ESTIMATED (build ${s1(igr.build)}, existing stations ${s1(igr.existing)}, searches ${s1(igSetsMs / 1000)} = ${s1(perCandidate)} a candidate × ${igr.candidates.toLocaleString('en-US')}, the sample ${s1(igr.sampleSets)}; whole script ${secs(ig.ms)}, peak RSS ${ig.maxRssMb.toFixed(0)} MB)`,
  );
  say(
    "    the sample's sets",
    `${igr.open.toLocaleString('en-US')} points left open, ${igr.pairs.length} pairs${igCmp.same ? ', the same as ours for those candidates' : ` — DIFFERENT from ours: ${igCmp.onlyA} only ours, ${igCmp.onlyB} only igraph's`}`,
  );
  say('  ratio: our whole healthplan site ÷ igraph + PuLP + CBC, the whole job, estimated (goal ≤ 0.5)', (siteMs / igMs).toPrecision(2));
}

/** Service areas for 2,000 stations (support/province-areas.ts): the whole command timed, its figures checked. */
async function serviceAreas2000(): Promise<void> {
  const n0 = (v: number) => Math.round(v).toLocaleString('en-US');
  const t0 = performance.now();
  const sc = await areasScenario(work, plan);
  const made = performance.now() - t0;
  const out = file('areas.geojson');
  const bands = [10, 30];
  const run = timed(node22, [
    CLI,
    'access',
    plan,
    '--scenario',
    AREAS_SCENARIO,
    '--preset',
    '1030',
    '--areas',
    bands.join(','),
    '--catchments',
    '--format',
    'geojson',
    '--out',
    out,
  ]);
  const f = areaFigures(out);
  say(
    `service areas for ${sc.stations.toLocaleString('en-US')} stations (scenario ${AREAS_SCENARIO}: E0–E${sc.stations - 1}${sc.created ? `, made in ${secs(made)}` : ''}); healthplan access --areas ${bands.join(',')} --catchments --format geojson, whole command, graph stored`,
    `${secs(run.ms)}, peak RSS ${run.maxRssMb.toFixed(0)} MB, ${(f.bytes / 2 ** 20).toFixed(1)} MB of GeoJSON, cell ${f.cellMetres} m`,
  );
  for (const b of f.bands)
    say(`  within ${b.minutes} min`, `${n0(b.population)} people; ${n0(b.polygons)} polygons, ${n0(b.rings - b.polygons)} holes, ${n0(b.vertices)} vertices`);
  say(
    `  ${f.catchments.features.toLocaleString('en-US')} catchments (${f.catchments.empty} empty)`,
    `${n0(f.catchmentPopulation)} people; ${n0(f.catchments.polygons)} polygons, ${n0(f.catchments.rings - f.catchments.polygons)} holes, ${n0(f.catchments.vertices)} vertices`,
  );
  // The check: the same scenario's access result (a second command, JSON).
  const accessOut = file('access-2000.json');
  const plain = timed(node22, [CLI, 'access', plan, '--scenario', AREAS_SCENARIO, '--preset', '1030', '--format', 'json', '--out', accessOut]);
  say('  the same 1030 without --areas (--format json, the check below)', `${secs(plain.ms)}, peak RSS ${plain.maxRssMb.toFixed(0)} MB`);
  const cov = coverageFigures(accessOut, bands);
  const eq = (a: number, b: number) => (Math.abs(a - b) < 0.5 ? 'the same' : `DIFFERENT by ${n0(a - b)}`);
  say(
    "  check: each band's people against the access result's within those minutes",
    f.bands.map((b, i) => `${b.minutes} min ${n0(cov.within[i]!)}, ${eq(b.population, cov.within[i]!)}`).join('; '),
  );
  say(
    "  check: the catchments' people against everyone reachable",
    `${n0(cov.reachable)} of ${n0(cov.population)}, ${eq(f.catchmentPopulation, cov.reachable)}; 1030 covered ${((100 * cov.covered) / cov.population).toFixed(1)} %`,
  );
}
