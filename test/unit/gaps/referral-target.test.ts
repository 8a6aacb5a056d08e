// The gap engine's referral targets (转诊可及性, kind 'referral') on a hand-made plan and a hand-made referral coverage.
import { describe, expect, it } from 'vitest';
import { evaluateGaps, type ReferralCoverage } from '../../../shared/gaps/evaluate.ts';
import { modelledTarget } from '../../../shared/programme/compile.ts';
import { StandardSet, type StandardSetInput, type TargetInput } from '../../../shared/gaps/standard.ts';
import { emptyFacility, type Unit } from '../../../shared/model/entities.ts';
import type { UnitKind } from '../../../shared/model/kinds.ts';

const unit = (code: string, name: string, kind: UnitKind, parent: string | null): Unit => ({
  code,
  name,
  kind,
  parent_code: parent,
  urban: false,
  population: 10_000,
  population_0_3: null,
  population_65_plus: null,
  area_km2: null,
  lon: null,
  lat: null,
  year: 2020,
  growth_rate: null,
});
// 市 C → 甲县 A (town A1), 乙县 B (town B1), 丙县 D (no centres)
const UNITS = [
  unit('C', '某市', 'city', null),
  unit('A', '甲县', 'county', 'C'),
  unit('A1', '一镇', 'town', 'A'),
  unit('B', '乙县', 'county', 'C'),
  unit('B1', '二镇', 'town', 'B'),
  unit('D', '丙县', 'county', 'C'),
];
const src = { document: '本方案自定', clause: '—', text: '乡镇卫生院 30 分钟内可转诊至县级医院' };
const referral = (extra: object = {}) => ({
  id: 'ref30',
  name: '卫生院转诊 30 分钟',
  nameEn: 'THC referral within 30 min',
  group: '转诊',
  source: src,
  kind: 'referral',
  fromTypes: ['thc'],
  toTypes: ['secondary_hospital'],
  minutes: 30,
  scopes: ['region', 'county'],
  ...extra,
});
const set = (targets: readonly object[]) =>
  StandardSet.parse({
    id: 'own',
    name: '自定',
    nameEn: 'Own',
    year: 2025,
    documents: [{ number: '本方案自定', title: '本方案自定指标' }],
    targets: targets as TargetInput[],
  } satisfies StandardSetInput);
const get = (r: ReturnType<typeof evaluateGaps>, scope: string, code: string) => r.results.find((x) => x.scope === scope && x.code === code)!;

// 甲县: 7 of 10 centres within 30 min; 乙县: 9 of 10; region 16 of 20 (丙县 has no centres: not in byUnit).
const coverage: ReferralCoverage = {
  model: 'road',
  region: { facilities: 20, within: 16 },
  byUnit: new Map([
    ['A', { facilities: 10, within: 7 }],
    ['B', { facilities: 10, within: 9 }],
  ]),
};

describe('referral targets', () => {
  it('parse with their defaults: every facility (min 1), counted in 所; the ladder a level up when toTypes is absent', () => {
    const t = set([referral({ toTypes: undefined })]).targets[0]!;
    expect(t).toMatchObject({ kind: 'referral', min: 1, unit: '所', minutes: 30, fromTypes: ['thc'] });
    expect('toTypes' in t && t.toTypes).toBeFalsy();
    // 实施计划 shows it, does not optimise it.
    expect(modelledTarget(t, true)).toBe(false);
  });

  it('are refused with a type both referred from and to, off the ladder without toTypes, or at township scope', () => {
    expect(() => set([referral({ toTypes: ['thc', 'secondary_hospital'] })])).toThrow(/both referred from and to: thc/);
    expect(() => set([referral({ fromTypes: ['ems_station'], toTypes: undefined })])).toThrow(/toTypes needed: ems_station/);
    expect(() => set([referral({ fromTypes: ['tertiary_hospital'], toTypes: undefined })])).toThrow(/top rung/);
    expect(() => set([referral({ scopes: ['township'] })])).toThrow();
    expect(() => set([referral({ minutes: 0 })])).toThrow();
    expect(() => set([referral({ min: 1.2 })])).toThrow();
  });

  it('without a referral analysis: not evaluated, no value, on the region and every county line', () => {
    const r = evaluateGaps(UNITS, [], set([referral()]), { year: 2025 });
    expect(r.results.map((x) => `${x.scope}:${x.code}:${x.status}:${x.value}`)).toEqual([
      'region:region:not_evaluated:null',
      'county:A:not_evaluated:null',
      'county:B:not_evaluated:null',
      'county:D:not_evaluated:null',
    ]);
    expect(get(r, 'region', 'region').missing).toBe('尚未进行转诊可及性分析');
  });

  it('with it: the share within the minutes, the facilities still beyond them and the light (every centre asked)', () => {
    const r = evaluateGaps(UNITS, [], set([referral()]), { year: 2025, referral: new Map([['ref30', coverage]]) });
    // region 16/20 = 0.8 < 0.9 × 1 → short; ⌈1 × 20⌉ − 16 = 4 centres to bring within 30 minutes
    expect(get(r, 'region', 'region')).toMatchObject({ value: 0.8, required: 1, shortfall: 4, status: 'short', unit: '所', count: { met: 16, of: 20 } });
    // 甲县 7/10 short by 3; 乙县 9/10 = 0.9 → near (within 10%), short by 1
    expect(get(r, 'county', 'A')).toMatchObject({ value: 0.7, shortfall: 3, status: 'short', parent: 'region' });
    expect(get(r, 'county', 'B')).toMatchObject({ value: 0.9, shortfall: 1, status: 'near' });
    // 丙县: no centres to refer from
    expect(get(r, 'county', 'D')).toMatchObject({ value: null, status: 'missing_data' });
    // no facility rows when the analysis lists none
    expect(r.results.filter((x) => x.scope === 'facility')).toEqual([]);
  });

  it('a share asked (min 0.75): ⌈0.75 × n⌉ − within, 0 when met', () => {
    const r = evaluateGaps(UNITS, [], set([referral({ min: 0.75 })]), { year: 2025, referral: new Map([['ref30', coverage]]) });
    // region 0.8 ≥ 0.75 → met, shortfall max(0, 15 − 16) = 0; 甲县 0.7 ≥ 0.675 → near, ⌈7.5⌉ − 7 = 1; 乙县 met
    expect(get(r, 'region', 'region')).toMatchObject({ value: 0.8, required: 0.75, shortfall: 0, status: 'met' });
    expect(get(r, 'county', 'A')).toMatchObject({ value: 0.7, shortfall: 1, status: 'near' });
    expect(get(r, 'county', 'B')).toMatchObject({ value: 0.9, shortfall: 0, status: 'met' });
  });

  it('region scope only: one line; the facilities beyond the minutes listed under their county', () => {
    const cov: ReferralCoverage = {
      ...coverage,
      beyond: [
        { id: 'T9', name: '九号卫生院', county: 'A', minutes: 41.5 },
        { id: 'T8', name: '八号卫生院', county: 'B', minutes: null },
      ],
    };
    const r = evaluateGaps(UNITS, [], set([referral({ scopes: ['region'] })]), { year: 2025, referral: new Map([['ref30', cov]]) });
    expect(r.results.filter((x) => x.scope !== 'facility').map((x) => x.code)).toEqual(['region']);
    expect(get(r, 'facility', 'T9')).toMatchObject({ parent: 'A', value: 41.5, required: 30, shortfall: 1, status: 'short', unit: '分钟' });
    expect(get(r, 'facility', 'T8')).toMatchObject({ parent: 'B', value: null, status: 'short', missing: '到不了任何一所转诊去向机构' });
  });

  it("a centre beyond hangs under its town when the report has the town's line (another target's), else under its county", () => {
    const t9 = { ...emptyFacility('T9', '九号卫生院', 'thc', 'A1') };
    const cov: ReferralCoverage = { ...coverage, beyond: [{ id: 'T9', name: '九号卫生院', county: 'A', minutes: 41.5 }] };
    const alone = evaluateGaps(UNITS, [t9], set([referral()]), { year: 2025, referral: new Map([['ref30', cov]]) });
    expect(get(alone, 'facility', 'T9').parent).toBe('A');
    const perTown = { id: 'thc-per-town', name: 'x', nameEn: 'x', group: 'g', source: src, kind: 'presence', facilityTypes: ['thc'], unitKinds: ['town'] };
    const withTowns = evaluateGaps(UNITS, [t9], set([referral(), perTown]), { year: 2025, referral: new Map([['ref30', cov]]) });
    expect(get(withTowns, 'township', 'A1')).toBeDefined();
    expect(withTowns.results.find((x) => x.target === 'ref30' && x.code === 'T9')!.parent).toBe('A1');
  });

  it('on the straight-line model, says so; not-due and reference keep the verdict aside', () => {
    const r = evaluateGaps(UNITS, [], set([referral({ year: 2030 })]), {
      year: 2025,
      referral: new Map([['ref30', { ...coverage, model: 'straight_line' as const }]]),
    });
    expect(get(r, 'region', 'region')).toMatchObject({ status: 'not_due', judged: 'short', value: 0.8 });
    expect(get(r, 'region', 'region').missing).toMatch(/无路网/);
  });
});
