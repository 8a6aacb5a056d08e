// Benchmark: the budget allocator on a generated region of 40,000 streets/towns and 200,000 facilities,
// five resources and money (goal < 2 s), and deriving its needs from a standard set. Budgets of half of
// every shortfall make every unit short and most facilities receive: the heavy case (~320,000 lines).
import { performance } from 'node:perf_hooks';
import { allocate } from '../../shared/allocation/allocate.ts';
import { allocationNeeds } from '../../shared/allocation/needs.ts';
import { RESOURCES } from '../../shared/allocation/resources.ts';
import { StandardSet } from '../../shared/gaps/standard.ts';
import { emptyFacility, type Facility, type Unit } from '../../shared/model/entities.ts';
import type { FacilityType, UnitKind } from '../../shared/model/kinds.ts';
import { mulberry32 } from '../../shared/sample/prng.ts';

/** Median of `runs` timed runs after a warm-up; the previous result is let go first, as an app would. */
function time<T>(label: string, runs: number, fn: () => T): T {
  const cpu0 = process.cpuUsage();
  let out: T | undefined = fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    out = undefined;
    const t0 = performance.now();
    out = fn();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  const cpu = process.cpuUsage(cpu0);
  console.log(
    `${label.padEnd(72)} ${ms[runs >> 1]!.toFixed(1).padStart(8)} ms (median of ${runs}; cpu of all threads ${((cpu.user + cpu.system) / 1000 / (runs + 1)).toFixed(0)} ms)`,
  );
  return out!;
}

// 1 city → 100 counties → 400 streets/towns each = 40,000, with 5 facilities each (200,000).
const rand = mulberry32(40_000);
const unit = (code: string, kind: UnitKind, parent: string | null, population: number | null): Unit => ({
  code,
  name: code,
  kind,
  parent_code: parent,
  urban: kind === 'street',
  population,
  population_0_3: null,
  population_65_plus: null,
  area_km2: null,
  lon: null,
  lat: null,
  year: 2025,
  growth_rate: null,
});
const units: Unit[] = [unit('C', 'city', null, null)];
for (let c = 0; c < 100; c++) {
  units.push(unit(`C${c}`, 'county', 'C', null));
  for (let t = 0; t < 400; t++) units.push(unit(`C${c}T${t}`, t % 2 ? 'street' : 'town', `C${c}`, 5_000 + Math.floor(rand() * 60_000)));
}
const townships = units.filter((u) => u.kind === 'street' || u.kind === 'town');
const TYPES: FacilityType[] = ['secondary_hospital', 'thc', 'chc', 'chs_station', 'ems_station', 'village_clinic', 'tcm_hospital', 'central_thc'];
const facilities: Facility[] = [];
for (let i = 0; i < 200_000; i++) {
  const u = townships[i % townships.length]!;
  const share = u.population! / 5 / 1000; // thousands of people per facility
  const level = 0.4 + rand() * 0.8;
  facilities.push({
    ...emptyFacility(`F${i}`, `F${i}`, TYPES[Math.floor(rand() * TYPES.length)]!, u.code),
    beds_open: Math.round(share * 5 * level),
    physicians: Math.round(share * 3 * level),
    nurses: Math.round(share * 3.5 * level),
    gps: Math.round(share * 0.4 * level),
    ambulances: rand() < 0.2 ? 1 : 0,
    floor_area_m2: rand() < 0.5 ? Math.round(1000 + rand() * 30_000) : null,
  });
}
const ratio = (id: string, measure: string, per: number, min: number) => ({
  id,
  name: id,
  nameEn: id,
  group: '资源',
  kind: 'ratio',
  measure,
  per,
  min,
  unit: '张',
  scopes: ['township'],
  source: { document: '测试〔2025〕1号', clause: '一', text: id },
});
const set = StandardSet.parse({
  id: 'bench',
  name: '测试',
  nameEn: 'Bench',
  year: 2025,
  documents: [{ number: '测试〔2025〕1号', title: 'bench' }],
  targets: [
    ratio('beds', 'beds_open', 1000, 5),
    ratio('physicians', 'physicians', 1000, 3),
    ratio('nurses', 'nurses', 1000, 3.5),
    ratio('gps', 'gps', 10000, 4),
    ratio('ambulances', 'ambulances', 30000, 1),
  ],
});

const got = time(
  `allocationNeeds: ${units.length.toLocaleString('en-US')} units, ${facilities.length.toLocaleString('en-US')} facilities, 5 ratio targets`,
  5,
  () => allocationNeeds(units, facilities, set, { year: 2025, scope: 'township' }),
);
const shortfall = Object.fromEntries(RESOURCES.map((r) => [r, got.needs.filter((n) => n.resource === r).reduce((s, n) => s + n.shortfall, 0)]));
console.log(
  `  ${got.units.length.toLocaleString('en-US')} streets/towns, ${got.needs.length.toLocaleString('en-US')} needs; shortfall ${JSON.stringify(shortfall)}`,
);

// Budgets of about half of each shortfall; money for about a third of it all.
const budget = Object.fromEntries(RESOURCES.map((r) => [r, Math.round(shortfall[r]! / 2)]));
const costs = { beds: 300_000, physicians: 200_000, nurses: 120_000, gps: 200_000, ambulances: 400_000 };
const money = Math.round(RESOURCES.reduce((s, r) => s + shortfall[r]! * costs[r], 0) / 3);
const input = { budget: { ...budget, money }, costs, units: got.units, needs: got.needs, facilities: got.facilities };
const r = time(
  `allocate: ${got.units.length.toLocaleString('en-US')} units, ${got.facilities.length.toLocaleString('en-US')} facilities, 5 resources + money`,
  5,
  () => allocate(input),
);
console.log(`  budget ${JSON.stringify(budget)}, money ${money.toLocaleString('en-US')} yuan`);
console.log(`  allocated ${JSON.stringify(r.allocated)}; spent ${r.spent_money.toLocaleString('en-US')} yuan; stopped ${JSON.stringify(r.stopped)}`);
console.log(`  still needed ${JSON.stringify(r.still_needed)}`);
console.log(`  ${r.lines.length.toLocaleString('en-US')} lines`);
const plenty = { ...input, budget: Object.fromEntries(RESOURCES.map((x) => [x, shortfall[x]!])) };
const all = time('allocate: the same with every shortfall budgeted and no money limit', 5, () => allocate(plenty));
console.log(`  allocated ${JSON.stringify(all.allocated)}; ${all.lines.length.toLocaleString('en-US')} lines`);
// The district-sized budget over the whole region: most units get nothing, every unit line is still explained.
const small = { ...input, budget: { beds: 3000, physicians: 400, gps: 200, ambulances: 6, money: 50_000_000 } };
const few = time('allocate: 3,000 beds, 400 physicians, 200 GPs, 6 ambulances, 50 million yuan', 5, () => allocate(small));
console.log(
  `  allocated ${JSON.stringify(few.allocated)}; spent ${few.spent_money.toLocaleString('en-US')} yuan; ${few.lines.length.toLocaleString('en-US')} lines`,
);
