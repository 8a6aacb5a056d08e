// What the set's targets need and the plan lacks (shared/check/targets.ts), read as the gap engine reads
// targets. Issue 16: "the 中医馆 flag is empty for 13 centres, so that target cannot be judged".
import { describe, expect, it } from 'vitest';
import { check, common, fac, one, rules, unit } from './plan.ts';

const UNITS = [unit('A', '甲区', 'county', null, 50_000), unit('A1', '一街道', 'street', 'A', 50_000)];
// 社区卫生服务中心设中医馆比例 ≥ 100% (a share: an empty flag counts as not meeting it).
const TCM = {
  ...common('tcm', '社区卫生服务中心中医馆设置率'),
  kind: 'share',
  facilityTypes: ['chc'],
  condition: { field: 'tcm_hall', op: '==', value: true },
  min: 1,
  scopes: ['region'],
} as const;
const GPS = {
  ...common('gps', '每万人口全科医生数'),
  kind: 'ratio',
  measure: 'gps',
  per: 10_000,
  min: 4,
  unit: '人',
  scopes: ['region'],
  facilityTypes: ['chc', 'thc'],
} as const;
const KIDS = {
  ...common('kids', '每千名0-3岁婴幼儿托位'),
  kind: 'ratio',
  measure: 'childcare_places',
  per: 1000,
  population: 'age_0_3',
  min: 4.5,
  unit: '个',
  scopes: ['county'],
  facilityTypes: ['childcare'],
} as const;

describe('what the targets need', () => {
  it('中医馆 empty for 2 of 3 centres: one finding each, naming the target and that they count as not meeting it', () => {
    const r = check(
      UNITS,
      [
        fac('C1', 'chc', 'A1', { tcm_hall: true, gps: 3 }),
        fac('C2', 'chc', 'A1', { tcm_hall: null, gps: 2 }),
        fac('C3', 'chc', 'A1', { tcm_hall: null, gps: 1 }),
        fac('S1', 'chs_station', 'A1', { tcm_hall: null }), // not counted by the target: no finding
      ],
      [TCM],
    );
    expect(rules(r)).toEqual(['targets.empty C2', 'targets.empty C3']);
    const f = one(r, 'targets.empty', 'C2');
    expect(f.message.zh).toBe('C2 的「中医馆」为空（3 所社区卫生服务中心中 2 所为空）');
    expect(f.affects).toEqual({
      targets: [{ id: 'tcm', name: '社区卫生服务中心中医馆设置率' }],
      effect: { zh: '「社区卫生服务中心中医馆设置率」：此机构按未达到计', en: '"tcm (en)": it is counted as not meeting it' },
    });
    expect(f.row).toEqual({ table: 'facilities', key: 'C2', name: 'C2', column: 'tcm_hall' });
    expect(r.counts).toEqual({ total: 2, byFamily: { population: 0, figures: 0, places: 0, targets: 2 }, touchingTargets: 2 });
  });

  it("全科医生 empty at a township health centre: a ratio counts it as 0; a hospital's empty cell is no finding (not counted)", () => {
    const r = check(UNITS, [fac('T1', 'thc', 'A1', { gps: null }), fac('H1', 'secondary_hospital', 'A1', { gps: null })], [GPS]);
    expect(rules(r)).toEqual(['targets.empty T1']);
    expect(one(r, 'targets.empty', 'T1').affects?.effect.zh).toBe('「每万人口全科医生数」：此机构按 0 计入');
  });

  it('a ratio of the 0–3 population at a county without that band: missing data there', () => {
    const r = check(UNITS, [fac('K1', 'childcare', 'A1', { childcare_places: 80 })], [KIDS]);
    expect(rules(r)).toEqual(['targets.band A']);
    expect(one(r, 'targets.band', 'A').message.zh).toBe('甲区 没有0-3岁人口');
    const withBand = UNITS.map((u) => ({ ...u, population_0_3: 1_500 }));
    expect(rules(check(withBand, [fac('K1', 'childcare', 'A1', { childcare_places: 80 })], [KIDS]))).toEqual([]);
  });
});
