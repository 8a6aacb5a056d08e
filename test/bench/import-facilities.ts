// Benchmark: import 100,000 facilities from CSV and from .xlsx into a fresh plan; print the figures.
// Run: npm run bench (Node 22 runs this TypeScript directly).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createPlannerService } from '../../electron/backend/service.ts';
import { writeTable } from '../../electron/backend/io/write-sheet.ts';
import { emptyFacility, type Facility } from '../../shared/model/entities.ts';
import { FACILITY_TYPES } from '../../shared/model/kinds.ts';

const N = Number(process.env.BENCH_FACILITIES ?? 100_000);
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'hp-bench-'));

function facilities(n: number): Facility[] {
  const out: Facility[] = [];
  for (let i = 0; i < n; i++) {
    const f = emptyFacility(`F${String(i).padStart(6, '0')}`, `测试机构${i}号社区卫生服务中心`, FACILITY_TYPES[i % FACILITY_TYPES.length]!, `U${i % 500}`);
    Object.assign(f, {
      lon: 112.9 + (i % 1000) / 10000,
      lat: 28.2 + (i % 777) / 10000,
      beds_open: i % 200,
      beds_approved: (i % 200) + 10,
      physicians: i % 50,
      tcm_physicians: i % 10,
      gps: i % 8,
      public_health_physicians: i % 3,
      nurses: i % 60,
      pharmacists: i % 7,
      ambulances: i % 3,
      floor_area_m2: 1000 + (i % 5000),
      bed_occupancy_rate: (i % 100) / 100,
      tcm_hall: i % 2 === 0,
      service_standard: 'basic',
    });
    out.push(f);
  }
  return out;
}

async function time<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const r = await fn();
  console.log(`${label.padEnd(48)} ${(performance.now() - t0).toFixed(0).padStart(7)} ms`);
  return r;
}

const svc = createPlannerService({ home, door: 'direct' });
try {
  await svc.call('plan.new', { path: 'bench' });
  const units = ['区划代码,名称,类型', ...Array.from({ length: 500 }, (_, i) => `U${i},单位${i},街道`)].join('\n');
  await svc.call('table.import', { table: 'units', scenarioId: 1, file: { fileName: 'u.csv', dataBase64: Buffer.from(units).toString('base64') } });
  const rows = facilities(N);
  let last = 0;
  for (const format of ['csv', 'xlsx'] as const) {
    const bytes = await writeTable('facilities', rows, format);
    console.log(`${N.toLocaleString('en-US')} facilities as .${format}: ${(bytes.length / 1e6).toFixed(1)} MB`);
    const s = await svc.call('scenarios.create', { name: `bench-${format}` });
    const file = { fileName: `f.${format}`, dataBase64: Buffer.from(bytes).toString('base64') };
    // The bar: importing 100,000 facilities (read, validate, write in one transaction) under 5 s.
    const r = await time(`import ${N} facilities (.${format}) into an empty scenario`, () =>
      svc.call('table.import', { table: 'facilities', scenarioId: s.id, file }),
    );
    if (!r.ok || r.added !== N) throw new Error(`import failed: ${JSON.stringify(r.problems.slice(0, 3))}`);
    await time(`re-import the same ${N} (all unchanged)`, () => svc.call('table.import', { table: 'facilities', scenarioId: s.id, file }));
    last = s.id;
  }
  await time(`list ${N} facilities`, () => svc.call('facilities.list', { scenarioId: last }));
} finally {
  svc.close();
  fs.rmSync(home, { recursive: true, force: true });
}
