// Benchmark: evaluate the sample plan against the Changsha 2025 set (goal < 50 ms), and a generated
// region of 40,000 units and 200,000 facilities against that set (goal < 2 s) and against every target of every shipped set.
import { performance } from 'node:perf_hooks';
import { buildSamplePlan } from '../../electron/backend/sample/load-sample.ts';
import { shippedSets } from '../../electron/backend/standards.ts';
import { evaluateGaps } from '../../shared/gaps/evaluate.ts';
import { StandardSet } from '../../shared/gaps/standard.ts';
import { emptyFacility, type Facility, type Unit } from '../../shared/model/entities.ts';
import { FACILITY_TYPES, type UnitKind } from '../../shared/model/kinds.ts';

function time<T>(label: string, runs: number, fn: () => T): T {
  let out!: T;
  fn(); // warm up
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) out = fn();
  console.log(`${label.padEnd(64)} ${((performance.now() - t0) / runs).toFixed(1).padStart(8)} ms`);
  return out;
}

const sample = buildSamplePlan();
const changsha = shippedSets().get('changsha-14fyp-2025')!;
const r = time(`sample (${sample.units.length} units, ${sample.facilities.length} facilities) × changsha-14fyp-2025`, 20, () =>
  evaluateGaps(sample.units, sample.facilities, changsha, { year: 2025 }),
);
console.log(`  ${r.results.length} results`);

// A generated region: 1 city, 40 counties × 40 townships × 24 villages ≈ 40,000 units; 200,000 facilities.
const unit = (code: string, kind: UnitKind, parent: string | null, population: number): Unit => ({
  code,
  name: code,
  kind,
  parent_code: parent,
  urban: kind !== 'village',
  population,
  population_0_3: Math.round(population * 0.03),
  population_65_plus: Math.round(population * 0.13),
  area_km2: null,
  lon: null,
  lat: null,
  year: 2020,
  growth_rate: null,
});
const units: Unit[] = [unit('C', 'city', null, 40 * 40 * 24 * 1000)];
for (let c = 0; c < 40; c++) {
  units.push(unit(`C${c}`, 'county', 'C', 40 * 24 * 1000));
  for (let t = 0; t < 40; t++) {
    units.push(unit(`C${c}T${t}`, t % 2 ? 'street' : 'town', `C${c}`, 24 * 1000));
    for (let v = 0; v < 24; v++) units.push(unit(`C${c}T${t}V${v}`, t % 2 ? 'community' : 'village', `C${c}T${t}`, 1000));
  }
}
const villages = units.filter((u) => u.kind === 'village' || u.kind === 'community');
const facilities: Facility[] = [];
for (let i = 0; i < 200_000; i++) {
  const u = villages[i % villages.length]!;
  facilities.push({
    ...emptyFacility(`F${i}`, `F${i}`, FACILITY_TYPES[i % FACILITY_TYPES.length]!, u.code),
    beds_open: i % 60,
    physicians: i % 12,
    tcm_physicians: i % 4,
    gps: i % 3,
    nurses: i % 15,
    pharmacists: i % 2,
    public_health_physicians: i % 3,
    public_health_staff: i % 5,
    childcare_places: i % 20,
    ambulances: i % 2,
    health_technicians: i % 30,
    bachelor_or_above: i % 18,
    senior_or_intermediate_titles: i % 9,
    tcm_hall: i % 2 === 0,
    tcm_pavilion: i % 3 === 0,
    fever_clinic: i % 5 === 0,
    elderly_rehab_room: i % 4 === 0,
    floor_area_m2: 800 + (i % 4000),
    bed_occupancy_rate: (i % 100) / 100,
    service_standard: i % 3 === 0 ? 'recommended' : 'basic',
  });
}
const everything = StandardSet.parse({
  id: 'all',
  name: '全部内置指标',
  nameEn: 'All shipped targets',
  year: 2025,
  documents: [{ number: '—', title: 'all' }],
  targets: [...shippedSets().values()].flatMap((s) =>
    s.targets.map((t) => ({
      ...t,
      id: `${s.id}.${t.id}`,
      ...('named' in t ? { named: undefined } : {}),
      ...('expectedFrom' in t && t.expectedFrom ? { expectedFrom: `${s.id}.${t.expectedFrom}` } : {}),
    })),
  ),
});
time(`${units.length} units, ${facilities.length} facilities × changsha-14fyp-2025 (${changsha.targets.length} targets)`, 3, () =>
  evaluateGaps(units, facilities, changsha, { year: 2025 }),
);
const big = time(`${units.length} units, ${facilities.length} facilities × ${everything.targets.length} targets`, 3, () =>
  evaluateGaps(units, facilities, everything, { year: 2025 }),
);
console.log(`  ${big.results.length.toLocaleString('en-US')} results`);
