// The sample plan "示例: 长沙市 + 益阳市资阳区": deterministic, calibrated to Changsha's 2020 baseline, consistent.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildSamplePlan, readSampleInput } from '../../electron/backend/sample/load-sample.ts';
import { FacilitySchema, UnitSchema, type Facility } from '../../shared/model/index.ts';
import { generateSamplePlan, SAMPLE_COUNTY_CODES } from '../../shared/sample/generate.ts';

const input = readSampleInput();
const plan = buildSamplePlan();
const unitByCode = new Map(plan.units.map((u) => [u.code, u]));
const childrenOf = (code: string) => plan.units.filter((u) => u.parent_code === code);
const sum = (xs: readonly (number | null)[]) => xs.reduce<number>((s, x) => s + (x ?? 0), 0);
const isChangsha = (f: Facility) => f.unit_code.startsWith('4301');

/**
 * sha256 of the plan's JSON. A change here means the generated sample changed: if deliberate, update it
 * (and check data/SAMPLE.md still describes the generator).
 */
const PINNED_SHA256 = '83684b85b1797150be1ec56735a5f87b898ad0c444a85c2f7a1ca58d6540b447';

describe('sample plan', () => {
  it('is deterministic: same input, identical output', () => {
    const again = generateSamplePlan(readSampleInput());
    expect(again).toEqual(plan);
    const json = JSON.stringify(plan);
    expect(JSON.stringify(again)).toBe(json);
    expect(createHash('sha256').update(json).digest('hex')).toBe(PINNED_SHA256);
  });

  it("reproduces Changsha's 2020 baseline (长政办发〔2021〕62号) within ±0.01", () => {
    const pop = sum(input.census.filter((c) => String(c.CODE).startsWith('4301')).map((c) => Number(c.POPU)));
    expect(pop).toBe(10_047_914);
    expect(unitByCode.get('430100000000')!.population).toBe(pop);
    const fs = plan.facilities.filter(isChangsha);
    const per = (k: keyof Facility, scale: number) => (sum(fs.map((f) => f[k] as number | null)) / pop) * scale;
    const measured = {
      beds_per_1000: per('beds_open', 1000),
      physicians_per_1000: per('physicians', 1000),
      nurses_per_1000: per('nurses', 1000),
      pharmacists_per_1000: per('pharmacists', 1000),
      gps_per_10000: per('gps', 10_000),
    };
    const expected = { beds_per_1000: 8.28, physicians_per_1000: 3.26, nurses_per_1000: 4.25, pharmacists_per_1000: 0.39, gps_per_10000: 2.7 };
    for (const k of Object.keys(expected) as (keyof typeof expected)[]) {
      expect(Math.abs(measured[k] - expected[k]), `${k}: measured ${measured[k]}`).toBeLessThanOrEqual(0.01);
    }
    // Also calibrated (same document): TCM physicians, public-health staff, health technicians, childcare places.
    expect(Math.abs(per('tcm_physicians', 1000) - 0.61)).toBeLessThanOrEqual(0.01);
    expect(Math.abs(per('public_health_staff', 1000) - 0.76)).toBeLessThanOrEqual(0.01);
    expect(Math.abs(per('health_technicians', 1000) - 8.76)).toBeLessThanOrEqual(0.01);
    expect(Math.abs(per('childcare_places', 1000) - 1.6)).toBeLessThanOrEqual(0.01);
  });

  it('sums populations exactly: townships to the census figure, communities/villages to their township', () => {
    for (const code6 of SAMPLE_COUNTY_CODES) {
      const census = Number(input.census.find((c) => String(c.CODE) === code6)!.POPU);
      const county = unitByCode.get(`${code6}000000`)!;
      expect(county.population).toBe(census);
      const townships = childrenOf(county.code);
      expect(sum(townships.map((t) => t.population))).toBe(census);
      for (const t of townships) {
        const leaves = childrenOf(t.code);
        expect(leaves.length).toBeGreaterThanOrEqual(3);
        expect(leaves.length).toBeLessThanOrEqual(12);
        expect(sum(leaves.map((l) => l.population)), t.name).toBe(t.population);
        expect(new Set(leaves.map((l) => l.name)).size).toBe(leaves.length);
        for (const l of leaves) expect(l.kind).toBe(t.kind === 'street' ? 'community' : 'village');
      }
    }
  });

  it('has every street/town/township of the ten counties, with its real name and code', () => {
    const rows = input.townships.filter((t) => (SAMPLE_COUNTY_CODES as readonly string[]).includes(String(t.areaCode)));
    expect(rows.length).toBe(181);
    for (const r of rows) {
      const u = unitByCode.get(`${r.code}000`);
      expect(u, String(r.code)).toBeDefined();
      expect(u!.name).toBe(r.name);
      expect(u!.parent_code).toBe(`${r.areaCode}000000`);
      const n = Number(String(r.code).slice(6, 9));
      expect(u!.kind).toBe(n < 100 || n >= 400 ? 'street' : n < 200 ? 'town' : 'township');
    }
    const level2 = plan.units.filter((u) => u.kind === 'street' || u.kind === 'town' || u.kind === 'township');
    expect(level2.length).toBe(rows.length);
    expect(level2.filter((u) => u.code.startsWith('4301')).length).toBe(172);
    expect(plan.units.length).toBeGreaterThan(1000);
    expect(plan.units.length).toBeLessThan(5000);
    expect(plan.units.filter((u) => u.parent_code === null).map((u) => u.name)).toEqual(['长沙市', '益阳市']);
  });

  it('has one CHC per street and one THC or central THC per town/township', () => {
    const at = (code: string, types: Facility['type'][]) => plan.facilities.filter((f) => f.unit_code === code && types.includes(f.type)).length;
    for (const u of plan.units) {
      if (u.kind === 'street') expect(at(u.code, ['chc']), u.name).toBe(1);
      if (u.kind === 'town' || u.kind === 'township') {
        expect(at(u.code, ['thc', 'central_thc']), u.name).toBe(1);
        expect(at(u.code, ['chc']), u.name).toBe(0);
      }
    }
    // Ziyang's two planned sub-centres are central THCs today.
    const central = plan.facilities.filter((f) => f.type === 'central_thc' && f.unit_code.startsWith('430902'));
    expect(central.map((f) => f.name).sort()).toEqual(['茈湖口镇中心卫生院', '新桥河镇中心卫生院'].sort());
    expect(plan.facilities.some((f) => f.type === 'sub_centre')).toBe(false);
  });

  it('is consistent: unique keys, known units, staff subsets within their totals', () => {
    expect(new Set(plan.units.map((u) => u.code)).size).toBe(plan.units.length);
    expect(new Set(plan.facilities.map((f) => f.id)).size).toBe(plan.facilities.length);
    for (const u of plan.units) if (u.parent_code !== null) expect(unitByCode.has(u.parent_code), u.code).toBe(true);
    for (const f of plan.facilities) {
      expect(unitByCode.has(f.unit_code), f.id).toBe(true);
      if (f.physicians !== null) {
        expect(f.tcm_physicians!, f.id).toBeLessThanOrEqual(f.physicians);
        expect(f.gps!, f.id).toBeLessThanOrEqual(f.physicians);
        expect(f.public_health_physicians!, f.id).toBeLessThanOrEqual(f.physicians);
        expect(f.health_technicians!, f.id).toBeGreaterThanOrEqual(f.physicians + f.nurses! + f.pharmacists!);
      }
      if (f.bed_occupancy_rate !== null) expect(f.bed_occupancy_rate).toBeLessThanOrEqual(1);
    }
  });

  it('passes the zod schemas, every field present', () => {
    const unitKeys = Object.keys(plan.units[0]!).sort();
    const facilityKeys = Object.keys(plan.facilities[0]!).sort();
    for (const u of plan.units) {
      expect(Object.keys(u).sort()).toEqual(unitKeys);
      const r = UnitSchema.safeParse(u);
      expect(r.success, `${u.code}: ${r.error?.message}`).toBe(true);
      expect(u.year).toBe(2020);
      expect(u.population_0_3 !== null && u.population_65_plus !== null && u.area_km2 !== null).toBe(true);
    }
    for (const f of plan.facilities) {
      expect(Object.keys(f).sort()).toEqual(facilityKeys);
      const r = FacilitySchema.safeParse(f);
      expect(r.success, `${f.id}: ${r.error?.message}`).toBe(true);
    }
  });
});
