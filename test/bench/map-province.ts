/// <reference lib="dom" />
// Benchmark (issue 18): the map at province scale, not part of `npm test` (`npm run bench map-province`).
// A generated province (support/map-province-plan.ts: 25,000 villages/communities, 2,000 streets/towns with
// boundaries, 100 counties, 2,500 120 stations, a 361,201-node road grid over 400 × 400 km) opened in the
// app through the web door in headless Chromium at 1280×720 with software WebGL (as the e2e tests do);
// on 地图与可及性: the map opened, the 1030 analysis (the 25,000 demand points), the same with
// 画出服务范围 (10/30 minutes) and 各机构服务范围 (2,500 catchments), then six drags and four wheel
// steps. For each stage a `longtask` PerformanceObserver gives the main-thread tasks over 50 ms: how many
// over 200 ms, the longest. `--trace` also records a Chromium trace and a JS sampling profile per stage
// and prints what the long tasks were made of (trace events by self time, the JS functions by self
// time); `--keep DIR` keeps (and reuses) the generated plan in DIR.
import fs from 'node:fs';
import { SourceMap, type SourceOrigin } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { CDPSession } from 'playwright-core';
import { launchApp, screenshot, type App } from '../e2e/harness.ts';
import { longTasksSince, pageNow, panAndZoom, watchLongTasks } from '../e2e/long-tasks.ts';
import { provincePlan } from './support/map-province-plan.ts';

const LIMIT_MS = 200;
const keepAt = process.argv.indexOf('--keep');
const work = keepAt >= 0 ? path.resolve(process.argv[keepAt + 1]!) : fs.mkdtempSync(path.join(os.tmpdir(), 'hp-bench-map-province-'));
const tracing = process.argv.includes('--trace');
const say = (label: string, value: string) => console.log(`${label.padEnd(64)} ${value}`);

let t0 = performance.now();
const prov = await provincePlan(work);
say(
  `plan: ${prov.villages.toLocaleString('en-US')} villages/communities, ${prov.towns.toLocaleString('en-US')} streets/towns, ${prov.counties} counties, ${prov.stations.toLocaleString('en-US')} stations, ${prov.roadNodes.toLocaleString('en-US')} road nodes (${prov.roadWays.toLocaleString('en-US')} ways)`,
  `${((performance.now() - t0) / 1000).toFixed(1)} s`,
);
console.log(
  `load average before: ${os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);

const app: App = await launchApp(work, { width: 1280, height: 720, open: prov.plan });
const q = (testId: string) => app.page.locator(`[data-testid=${testId}]`);
async function until(fn: () => Promise<boolean>, timeout = 300_000): Promise<void> {
  const end = Date.now() + timeout;
  while (!(await fn())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}
const mapIdle = () => until(async () => (await q('map-canvas').getAttribute('data-idle')) === 'true');
const now = () => pageNow(app.page);

await watchLongTasks(app.page);

let cdp: CDPSession | null = null;
if (tracing) {
  cdp = await app.page.context().newCDPSession(app.page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
/** The bundle's source maps (out/renderer/assets/*.map), read once each. */
const maps = new Map<string, SourceMap | null>();
/** Where a minified function of ours comes from: its name and file in the source (node's own source-map reader). */
function origin(url: string, line: number, column: number): string | null {
  const file = path.basename(url.split('?')[0]!);
  if (!/\.js$/.test(file)) return null;
  let map = maps.get(file);
  if (map === undefined) {
    const at = path.join(import.meta.dirname, '../../out/renderer/assets', `${file}.map`);
    map = fs.existsSync(at) ? new SourceMap(JSON.parse(fs.readFileSync(at, 'utf8'))) : null;
    maps.set(file, map);
  }
  const first = map?.findOrigin(line + 1, column + 1);
  if (!first || !('fileName' in first)) return null;
  let o: SourceOrigin = first;
  // A library's minified dist (MapLibre's): once more through its own map, for the function's real name.
  const dist = path.resolve(import.meta.dirname, '../../out/renderer/assets', o.fileName);
  let inner = maps.get(dist);
  if (inner === undefined) {
    inner = fs.existsSync(`${dist}.map`) ? new SourceMap(JSON.parse(fs.readFileSync(`${dist}.map`, 'utf8'))) : null;
    maps.set(dist, inner);
  }
  const deeper = inner?.findOrigin(o.lineNumber, o.columnNumber);
  if (deeper && 'fileName' in deeper) o = deeper;
  return `${o.name ?? '?'} ${o.fileName.replace(/^.*node_modules\//, '').replace(/^(\.\.\/)+/, '')}:${o.lineNumber}`;
}

/** JS self time by function over a profile (top n), our bundle's functions named from its source maps. */
function topFunctions(profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }, n: number): string[] {
  const byId = new Map(profile.nodes.map((x) => [x.id, x]));
  const self = new Map<string, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const node = byId.get(profile.samples[i]!)!;
    const f = node.callFrame;
    if (f.functionName === '(idle)' || f.functionName === '(program)') continue;
    const from = f.url ? origin(f.url, f.lineNumber, f.columnNumber) : null;
    const key = `${f.functionName || '(anonymous)'} ${path.basename(f.url)}:${f.lineNumber + 1}${from ? ` (${from})` : ''}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0) / 1000);
  }
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, ms]) => `${ms.toFixed(0).padStart(6)} ms  ${k}`);
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}
/** The renderer main thread's tasks over the limit, each with its events' self time by name (top n). */
function longTaskParts(file: string, n: number): string[] {
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(raw) ? raw : raw.traceEvents;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) return ['(no renderer main thread in the trace)'];
  const mine = events
    .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const out: string[] = [];
  for (const task of mine.filter((e) => e.name === 'RunTask' && e.dur! > LIMIT_MS * 1000)) {
    const inside = mine.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur! <= task.ts + task.dur!);
    // self time: each event's duration less its direct children's (events nest on one thread)
    const self = new Map<string, number>();
    const stack: TraceEvent[] = [];
    const selfOf = new Map<TraceEvent, number>();
    for (const e of inside) {
      while (stack.length && stack[stack.length - 1]!.ts + stack[stack.length - 1]!.dur! <= e.ts) stack.pop();
      const parent = stack[stack.length - 1];
      if (parent) selfOf.set(parent, (selfOf.get(parent) ?? parent.dur!) - e.dur!);
      selfOf.set(e, selfOf.get(e) ?? e.dur!);
      stack.push(e);
    }
    let covered = 0;
    for (const [e, s] of selfOf) {
      self.set(e.name, (self.get(e.name) ?? 0) + s);
      covered += s;
    }
    self.set('(task itself)', task.dur! - covered);
    const parts = [...self.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, us]) => `${k} ${(us / 1000).toFixed(0)}`);
    out.push(`task ${(task.dur! / 1000).toFixed(0)} ms: ${parts.join(', ')}`);
  }
  return out;
}

const results: { stage: string; longest: number; over: number; count: number; wall: number }[] = [];
/** Runs a stage and records its long tasks (and, tracing, what they were). */
async function stage(name: string, body: () => Promise<void>): Promise<void> {
  const traceFile = path.join(work, `trace-${results.length + 1}.json`);
  if (tracing) {
    await app.browser.startTracing(app.page, {
      path: traceFile,
      categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink', 'gpu', 'cc', 'toplevel', 'loading'],
    });
    await cdp!.send('Profiler.start');
  }
  const from = await now();
  const w0 = performance.now();
  await body();
  const wall = performance.now() - w0;
  const r = { stage: name, ...(await longTasksSince(app.page, from, LIMIT_MS)), wall };
  results.push(r);
  say(
    name,
    `longest ${r.longest} ms, ${r.over} over ${LIMIT_MS} ms (${r.count} over 50 ms); ${(wall / 1000).toFixed(1)} s; load ${os.loadavg()[0]!.toFixed(2)}`,
  );
  if (tracing) {
    const { profile } = await cdp!.send('Profiler.stop');
    await app.browser.stopTracing();
    for (const l of longTaskParts(traceFile, 8)) console.log(`    ${l}`);
    console.log('    JS self time:');
    for (const l of topFunctions(profile as never, 12)) console.log(`    ${l}`);
  }
}

const box = async () => (await q('map-canvas').boundingBox())!;
async function runAccess(): Promise<void> {
  await q('access-run').click();
  await until(async () => (await q('access-busy').count()) > 0, 10_000).catch(() => undefined);
  await until(async () => (await q('access-busy').count()) === 0);
  await q('access-table').waitFor({ timeout: 60_000 });
  await mapIdle();
}

try {
  await app.page.locator('[data-testid=tab-dashboard][aria-selected=true]').waitFor({ timeout: 120_000 });
  // The dashboard's own reading (its 1.8 MB briefing) done first: not counted as opening the map.
  await until(() => q('dashboard-pdf').isEnabled(), 120_000);
  await stage('open 地图与可及性 (boundaries, major roads, 2,000 town centres)', async () => {
    await q('tab-map').click();
    await until(async () => (await q('map-canvas').getAttribute('data-ready')) === 'true');
    await mapIdle();
    await app.page.waitForTimeout(1500); // the roads and boundaries arrive after the map is ready
    await mapIdle();
  });
  await q('access-preset').selectOption('1030');
  await stage('1030 → draw the 25,000 demand points (and the 2,000-row table)', runAccess);
  await screenshot(app.page, 'bench-map-province-1030');
  await q('access-areas').check();
  await q('access-catchments').check();
  await stage('1030 with 服务范围 10/30 min and 2,500 catchments → draw', async () => {
    await runAccess();
    await q('access-catchment-list').waitFor({ timeout: 60_000 });
    await mapIdle();
  });
  await screenshot(app.page, 'bench-map-province-areas');
  await stage('pan (four drags), zoom in (four wheel steps), pan (two drags)', async () => {
    await panAndZoom(app.page, await box(), mapIdle);
  });
  await screenshot(app.page, 'bench-map-province-panned');
  t0 = performance.now();
} finally {
  await app.close();
}

console.log(
  `\nload average after: ${os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}; files in ${work}`,
);
console.log(
  `goal: no main-thread task over ${LIMIT_MS} ms — ${
    results.every((r) => r.over === 0)
      ? 'met'
      : `not met (${results
          .filter((r) => r.over > 0)
          .map((r) => r.stage.split(' ')[0])
          .join(', ')})`
  }`,
);
